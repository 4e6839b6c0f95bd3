import { ipcRenderer } from 'electron'
import { DEMO_PEER_PORT_MESSAGE } from '../shared/demo-peer/portChannel'

// The demo agent's hidden peer page: main sends one MessagePort; this hands it to the page's
// own (isolated) world, which talks to main over it. Nothing is exposed on window.
ipcRenderer.once(DEMO_PEER_PORT_MESSAGE, (event) => {
  window.postMessage(DEMO_PEER_PORT_MESSAGE, '*', event.ports)
})
