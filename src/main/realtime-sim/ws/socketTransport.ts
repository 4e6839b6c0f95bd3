import { WebSocket } from 'ws'
import type { EventTransport } from '../call/EventChannel'

/** A call's events on a WebSocket: each server event is one text message. */
export function socketTransport(socket: WebSocket): EventTransport {
  return {
    get isOpen() {
      return socket.readyState === WebSocket.OPEN
    },
    send: (text) => {
      if (socket.readyState !== WebSocket.OPEN) return false
      socket.send(text)
      return true
    },
    close: () => socket.close(1000)
  }
}

/** A text or binary message's text (the API reads both as JSON). */
export function messageText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.from(data as ArrayBuffer).toString('utf8')
}
