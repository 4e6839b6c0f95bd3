import { contextBridge, ipcRenderer } from 'electron'
import type { Api } from '../shared/ipc/api'
import { EVENT_CHANNEL, REQUEST_CHANNEL } from '../shared/ipc/channels'

// The renderer's whole view of main: two fixed channels, typed by the shared contract.
const api: Api = {
  request: (route, input) => ipcRenderer.invoke(REQUEST_CHANNEL, route, input),
  on: (name, listener) => {
    const relay = (_event: unknown, eventName: string, payload: unknown): void => {
      if (eventName === name) listener(payload as Parameters<typeof listener>[0])
    }
    ipcRenderer.on(EVENT_CHANNEL, relay)
    return () => void ipcRenderer.off(EVENT_CHANNEL, relay)
  }
}

contextBridge.exposeInMainWorld('api', api)
