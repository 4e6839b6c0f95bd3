import { TOKEN_HEADER, TOKEN_PARAM } from './harnessAccess'
import { EVENT_PATH, REQUEST_PATH } from './harnessPaths'

/**
 * window.api for a plain browser: the same two calls the Electron preload exposes, carried over
 * HTTP (requests) and server-sent events (events) to the harness, which runs the real handlers.
 * Every call carries the run's token (served only to a page that had it; base64url, so it needs
 * no escaping in the script).
 */
export const bridgeScript = (token: string): string => `'use strict'
;(() => {
  const listeners = new Map()
  const source = new EventSource('${EVENT_PATH}?${TOKEN_PARAM}=${token}')
  source.onmessage = (message) => {
    const { name, payload } = JSON.parse(message.data)
    for (const listener of listeners.get(name) ?? []) listener(payload)
  }
  const api = {
    request: (route, input) =>
      fetch('${REQUEST_PATH}', {
        method: 'POST',
        headers: { 'content-type': 'application/json', '${TOKEN_HEADER}': '${token}' },
        body: JSON.stringify({ route, input })
      }).then((response) => response.json()),
    on: (name, listener) => {
      const set = listeners.get(name) ?? new Set()
      set.add(listener)
      listeners.set(name, set)
      return () => set.delete(listener)
    }
  }
  Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: true })
})()
`
