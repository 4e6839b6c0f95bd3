import { base64ToBytes, bytesToBase64 } from '../live-call/bytesBase64'

/** 16-bit PCM ↔ base64, for the page peer's JSON messages (atob/btoa: Node and browsers). */
export function pcmToBase64(samples: Int16Array): string {
  return bytesToBase64(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength))
}

/** A copy in a fresh, aligned buffer; an odd trailing byte is dropped. */
export function pcmFromBase64(text: string): Int16Array {
  const { buffer } = base64ToBytes(text)
  // The samples own their whole buffer (it is transferred to the playout worklet).
  return new Int16Array(buffer.byteLength % 2 === 0 ? buffer : buffer.slice(0, -1))
}
