// G.711 µ-law and A-law (ITU-T G.711), the 8 kHz formats `audio/pcmu` and `audio/pcma`.

const MULAW_BIAS = 0x84
const MULAW_CLIP = 32635

export function mulawEncode(sample: number): number {
  const sign = sample < 0 ? 0x80 : 0
  let magnitude = Math.min(Math.abs(sample), MULAW_CLIP) + MULAW_BIAS
  let exponent = 7
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent--
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f
  magnitude = ~(sign | (exponent << 4) | mantissa)
  return magnitude & 0xff
}

export function mulawDecode(byte: number): number {
  const value = ~byte & 0xff
  const exponent = (value >> 4) & 0x07
  const magnitude = ((((value & 0x0f) << 3) + MULAW_BIAS) << exponent) - MULAW_BIAS
  return value & 0x80 ? -magnitude : magnitude
}

export function alawEncode(sample: number): number {
  const sign = sample >= 0 ? 0x80 : 0
  const magnitude = Math.min(Math.abs(sample), 32767) >> 3
  let exponent = 0
  while (exponent < 7 && magnitude >= 32 << exponent) exponent++
  const mantissa = exponent === 0 ? magnitude >> 1 : (magnitude >> exponent) & 0x0f
  return (sign | (exponent << 4) | mantissa) ^ 0x55
}

export function alawDecode(byte: number): number {
  const value = byte ^ 0x55
  const exponent = (value >> 4) & 0x07
  const mantissa = value & 0x0f
  const magnitude =
    exponent === 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1)
  return value & 0x80 ? magnitude : -magnitude
}
