/** The message that hands the demo peer page its MessagePort (Electron preload → page). */
export const DEMO_PEER_PORT_MESSAGE = 'demo-peer:port'
