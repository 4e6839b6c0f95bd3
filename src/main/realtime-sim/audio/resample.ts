/** Linear-interpolation resampling: enough for speech going into Opus, and no native deps. */
export function resample(samples: Int16Array, fromRate: number, toRate: number): Int16Array {
  if (fromRate === toRate) return samples.slice()
  const length = Math.floor((samples.length * toRate) / fromRate)
  const out = new Int16Array(length)
  const step = fromRate / toRate
  for (let i = 0; i < length; i++) {
    const position = i * step
    const index = Math.floor(position)
    const next = samples[Math.min(index + 1, samples.length - 1)] ?? 0
    const current = samples[index] ?? 0
    out[i] = Math.round(current + (next - current) * (position - index))
  }
  return out
}
