import type { z } from 'zod'
import type { AudioFormat } from '../../../shared/realtime/sessionConfig'
import { SAMPLE_RATE } from '../audio/agentVoice'
import { encodeWireAudio } from '../audio/wireAudio'
import type { EventChannel } from './EventChannel'

/** At most 100 ms of agent audio per delta, about what the API sends. */
const MAX_CHUNK_SAMPLES = SAMPLE_RATE / 10

interface AudioPart {
  response_id: string
  item_id: string
  output_index: number
  content_index: number
}

/**
 * A WebSocket answer's audio: the caller plays it, so it leaves as `response.output_audio.delta`
 * events as fast as it is generated, never paced in real time and never `output_audio_buffer.*`.
 */
export class OutputAudioDeltas {
  private sentSamples = 0

  constructor(
    private readonly channel: EventChannel,
    private readonly part: AudioPart,
    private readonly format: z.output<typeof AudioFormat>,
    private readonly onFirstDelta: () => void
  ) {}

  /** Sends what was generated since the last call, up to `generatedSamples` of `audio`. */
  sendUpTo(audio: Int16Array, generatedSamples: number): void {
    while (this.sentSamples < generatedSamples) {
      const end = Math.min(generatedSamples, this.sentSamples + MAX_CHUNK_SAMPLES)
      if (this.sentSamples === 0) this.onFirstDelta()
      const delta = encodeWireAudio(audio.subarray(this.sentSamples, end), SAMPLE_RATE, this.format)
      this.channel.send({ type: 'response.output_audio.delta', ...this.part, delta })
      this.sentSamples = end
    }
  }
}
