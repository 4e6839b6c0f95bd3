/**
 * Inputs that can complete an escalation rule's evidence: a recorder sends them to main (or the
 * gateway stores them) at once rather than with the next batch, since the live alert banner has
 * a 1 s budget and a batch interval alone takes half of it.
 */
const AT_ONCE: ReadonlySet<string> = new Set([
  'conversation.item.input_audio_transcription.completed',
  'input_audio_buffer.speech_stopped',
  'output_audio_buffer.cleared',
  'response.done'
])

export const recordAtOnce = (type: string): boolean => AT_ONCE.has(type)
