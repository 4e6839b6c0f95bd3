/** 16-bit PCM ↔ base64, for the page peer's JSON messages (atob/btoa: Node and browsers). */
export function pcmToBase64(samples: Int16Array): string {
  const bytes = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength)
  let binary = ''
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!)
  return btoa(binary)
}

/** A copy in a fresh, aligned buffer; an odd trailing byte is dropped. */
export function pcmFromBase64(text: string): Int16Array {
  const binary = atob(text)
  const samples = new Int16Array(binary.length >> 1)
  const bytes = new Uint8Array(samples.buffer)
  for (let i = 0; i < bytes.length; i++) bytes[i] = binary.charCodeAt(i)
  return samples
}
