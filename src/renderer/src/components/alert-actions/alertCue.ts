let context: AudioContext | undefined

/** A short two-tone cue (higher and longer for critical alerts), made with WebAudio. */
export function playAlertCue(severity: 'info' | 'warning' | 'critical'): void {
  try {
    context ??= new AudioContext()
    const now = context.currentTime
    const tones = severity === 'critical' ? [880, 1175] : [660, 880]
    tones.forEach((frequency, i) => {
      const oscillator = context!.createOscillator()
      const gain = context!.createGain()
      oscillator.frequency.value = frequency
      gain.gain.setValueAtTime(0.15, now + i * 0.18)
      gain.gain.exponentialRampToValueAtTime(0.001, now + i * 0.18 + 0.16)
      oscillator.connect(gain).connect(context!.destination)
      oscillator.start(now + i * 0.18)
      oscillator.stop(now + i * 0.18 + 0.17)
    })
  } catch {
    // No audio output (or autoplay refused): the banner still shows the alert.
  }
}
