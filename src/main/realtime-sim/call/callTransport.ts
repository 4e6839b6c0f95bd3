/** How a call's caller is connected: media and events on WebRTC, a WebSocket, or a phone line. */
export type CallTransport = 'webrtc' | 'websocket' | 'sip'

/** Where a client event came from: the caller's own connection, or a sideband WebSocket. */
export type EventVia = CallTransport | 'sideband'
