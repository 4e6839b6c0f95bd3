// Minimal GA Realtime client for the simulator's test page: mic → WebRTC → 'oai-events'.
// Records every event and 10 ms energy readings of the mic and of the remote track (Web Audio
// AnalyserNode, the doc's "ear" meter) in window.simCall for tests to read.

/** What a test reads from the page. Times are epoch ms (timeOrigin + now), like the ground truth. */
export interface SimCallRecord {
  state: string
  events: { t: number; direction: 'in' | 'out'; type: string; event: Record<string, unknown> }[]
  energy: { t: number; local: number; remote: number }[]
  errors: string[]
  callId: string | null
  /** Mean jitter buffer delay of the remote audio (inbound-rtp), the playout share of latency. */
  jitterBufferMs: number | null
}

declare global {
  interface Window {
    simCall: SimCallRecord
    /** Exposed by a test driver to answer tool calls; absent when a person uses the page. */
    runTool?: (name: string, args: string) => Promise<string>
  }
}

interface Meter {
  analyser: AnalyserNode
  buffer: Float32Array<ArrayBuffer>
}

const params = new URLSearchParams(location.hash.slice(1))
/** The fields of server events this page acts on. */
interface ServerEventLike extends Record<string, unknown> {
  type: string
  error?: { code?: string | null; message: string }
  response?: { id: string }
  name?: string
  arguments?: string
  call_id?: string
}

const DEFAULT_SESSION = {
  type: 'realtime',
  instructions: "You are OutdoorGear's phone agent.",
  audio: {
    input: {
      transcription: { model: 'gpt-4o-transcribe', language: 'en' },
      turn_detection: {
        type: 'server_vad',
        threshold: 0.5,
        prefix_padding_ms: 300,
        silence_duration_ms: 500,
        create_response: true,
        interrupt_response: true
      }
    },
    output: { voice: 'marin' }
  },
  tools: [
    {
      type: 'function',
      name: 'search_products',
      description: 'Search the OutdoorGear catalog.',
      parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] }
    }
  ],
  tool_choice: 'auto'
}

const now = (): number => performance.timeOrigin + performance.now()
const call: SimCallRecord = (window.simCall = {
  state: 'idle',
  events: [],
  energy: [],
  errors: [],
  callId: null,
  jitterBufferMs: null
})
const $ = (id: string): HTMLElement => document.getElementById(id)!
const button = (id: string): HTMLButtonElement => $(id) as HTMLButtonElement

function show(text: string, className = ''): void {
  const row = document.createElement('div')
  row.textContent = text
  if (className) row.className = className
  $('events').append(row)
  $('events').scrollTop = $('events').scrollHeight
}

function setState(state: string): void {
  call.state = state
  $('status').textContent = state
}

function rms({ analyser, buffer }: Meter): number {
  analyser.getFloatTimeDomainData(buffer)
  let sum = 0
  for (const v of buffer) sum += v * v
  return Math.sqrt(sum / buffer.length)
}

function meter(audio: AudioContext, stream: MediaStream): Meter {
  const analyser = audio.createAnalyser()
  analyser.fftSize = 512
  audio.createMediaStreamSource(stream).connect(analyser)
  return { analyser, buffer: new Float32Array(analyser.fftSize) }
}

async function start(): Promise<void> {
  button('call').disabled = true
  setState('connecting')
  const audio = new AudioContext()
  await audio.resume()
  const pc = new RTCPeerConnection()
  const mic = await navigator.mediaDevices.getUserMedia({ audio: true })
  const local = meter(audio, mic)
  let remote: Meter | null = null
  const player = document.createElement('audio')
  player.autoplay = true
  document.body.append(player)
  pc.ontrack = (event) => {
    const stream = event.streams[0] ?? new MediaStream([event.track])
    player.srcObject = stream
    // Chromium feeds remote audio to Web Audio only while a media element plays it.
    void player.play()
    remote = meter(audio, stream)
  }
  pc.addTrack(mic.getAudioTracks()[0]!, mic)
  const dc = pc.createDataChannel('oai-events')

  const poll = setInterval(() => {
    const sample = { t: now(), local: rms(local), remote: remote ? rms(remote) : 0 }
    call.energy.push(sample)
    $('local-meter').style.width = `${Math.min(100, sample.local * 400)}%`
    $('remote-meter').style.width = `${Math.min(100, sample.remote * 400)}%`
  }, 10)

  const stats = setInterval(async () => {
    for (const report of (await pc.getStats()).values())
      if (
        report.type === 'inbound-rtp' &&
        report.kind === 'audio' &&
        report.jitterBufferEmittedCount
      )
        call.jitterBufferMs = (1000 * report.jitterBufferDelay) / report.jitterBufferEmittedCount
  }, 500)

  let activeResponse: string | null = null
  let createQueued = false
  const send = (event: { type: string } & Record<string, unknown>): void => {
    dc.send(JSON.stringify(event))
    call.events.push({ t: now(), direction: 'out', type: event.type, event })
    show(`→ ${event.type}`, 'out')
  }
  // response.create waits until no response is active (protocol doc §7).
  const createResponse = (): void => {
    if (activeResponse) createQueued = true
    else send({ type: 'response.create' })
  }
  const runTool = async (name: string, args: string): Promise<string> =>
    typeof window.runTool === 'function'
      ? window.runTool(name, args)
      : JSON.stringify({
          ok: false,
          error: { code: 'failed', message: 'no tool runner on this page' }
        })

  dc.onopen = () => {
    const session = params.get('session')
    send({ type: 'session.update', session: session ? JSON.parse(session) : DEFAULT_SESSION })
  }
  dc.onmessage = async (message: MessageEvent<string>) => {
    const event = JSON.parse(message.data) as ServerEventLike
    call.events.push({ t: now(), direction: 'in', type: event.type, event })
    show(
      `← ${event.type}${event.error ? `: ${event.error.code} ${event.error.message}` : ''}`,
      event.type === 'error' ? 'error' : ''
    )
    if (event.type === 'session.updated') setState('in call')
    if (event.type === 'response.created') activeResponse = event.response?.id ?? null
    if (event.type === 'response.done') {
      activeResponse = null
      if (createQueued) {
        createQueued = false
        send({ type: 'response.create' })
      }
    }
    if (event.type === 'response.function_call_arguments.done') {
      const output = await runTool(event.name ?? '', event.arguments ?? '{}')
      send({
        type: 'conversation.item.create',
        item: { type: 'function_call_output', call_id: event.call_id, output }
      })
      createResponse()
    }
  }
  dc.onclose = () => setState('data channel closed')

  const offer = await pc.createOffer()
  await pc.setLocalDescription(offer)
  const res = await fetch('/v1/realtime/calls', {
    method: 'POST',
    body: offer.sdp,
    headers: { Authorization: `Bearer ${params.get('ek')}`, 'Content-Type': 'application/sdp' }
  })
  // Check the status first: an error body would fail as an unparsable SDP (protocol doc §3).
  if (!res.ok) {
    const error = `${res.status} ${await res.text()}`
    call.errors.push(error)
    show(error, 'error')
    setState('failed')
    return
  }
  call.callId = res.headers.get('Location')?.split('/').pop() ?? null
  await pc.setRemoteDescription({ type: 'answer', sdp: await res.text() })
  button('hangup').disabled = false
  $('hangup').onclick = () => {
    clearInterval(poll)
    clearInterval(stats)
    dc.close()
    mic.getTracks().forEach((track) => track.stop())
    pc.close()
    setState('ended')
  }
}

button('call').onclick = () =>
  start().catch((error: unknown) => {
    call.errors.push(String(error))
    show(String(error), 'error')
    setState('failed')
  })
