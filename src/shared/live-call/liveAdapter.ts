import type { KnownCallEvent, ResponseLike } from './callEvents'
import { planDelegation } from './delegationPlan'
import type { LiveInputEvent, MicSpeechObservation } from './liveEvents'

// GPT-Live → the reducer's domain (docs/gpt-live.md, "Mapping to the console's reducer"). Live
// reports no speech start/stop, responses or audio-buffer events: transcripts come as fragments
// stamped on the session timeline, and a delegation carries an id, not a task. This pure
// adapter rebuilds the Realtime-shaped events the reducer already understands from
//   - the page's microphone VAD (`mic.speech_*`): caller speech start/stop, as server VAD would;
//   - the page's ear meter (`remote_audio.*`) and output transcript fragments: agent answers;
//   - the caller's transcript fragments, assigned to utterances in order;
//   - delegations, planned into the same catalog tool calls a Realtime agent makes.
// Fed through the reducer with the raw Live events recorded, so a replay rebuilds the same.

/** A fragment starting this long after the last one ended begins another answer. */
const ANSWER_GAP_MS = 200
/** An answer is over when the ear is silent and its audio should have ended this long ago. */
const ANSWER_CLOSE_MS = 700
/** An answer with no timeline (no fragment yet) is over after this long without audio. */
const ANSWER_IDLE_MS = 2500
/** Agent audio that stops this soon after the caller started over it was cut by the caller. */
const CUT_WINDOW_MS = 1500
/** A caller transcript is complete when no fragment came this long after the speech ended. */
const TRANSCRIPT_SETTLE_MS = 1200

interface LiveUtterance {
  itemId: string
  text: string
  stopT: number | null
  lastDeltaT: number | null
}

interface LiveAnswer {
  id: string
  /** Timeline end (ms) of its last output fragment. */
  lastEndMs: number | null
  /** Page time of its last sign of life (opened, fragment, audible, silent). */
  activeT: number
  /** The caller started speaking while it was audible: when, and which utterance. */
  overBy: { itemId: string; t: number } | null
  /** Its text so far ends a sentence. */
  endsSentence: boolean
}

export interface LiveAdapterState {
  /** Page time minus session-timeline ms, from output fragments (sent as their audio starts). */
  offsetMs: number | null
  earAudible: boolean
  speakingItemId: string | null
  utteranceCount: number
  answerCount: number
  /** Caller utterances whose transcript is not complete yet, oldest first. */
  transcribing: LiveUtterance[]
  /** The last completed caller words: what a delegation is read from. */
  lastCallerText: string
  answer: LiveAnswer | null
  /** A delegation was answered: the agent's next sentence may begin the follow-up. */
  followUpDue: boolean
  /** Cumulative audio seconds (session.usage.updated / session.closed): replaced, never summed. */
  audioSeconds: number
  closeReason: string | null
}

export const initialLiveAdapter = (): LiveAdapterState => ({
  offsetMs: null,
  earAudible: false,
  speakingItemId: null,
  utteranceCount: 0,
  answerCount: 0,
  transcribing: [],
  lastCallerText: '',
  answer: null,
  followUpDue: false,
  audioSeconds: 0,
  closeReason: null
})

/** What the adapter consumes besides Live events: the page's own observations. */
export type LiveAdapterInput =
  | LiveInputEvent
  | MicSpeechObservation
  | { type: 'remote_audio.audible' | 'remote_audio.silent' | 'clock.tick' | 'call.ended' }

export interface LiveStep {
  state: LiveAdapterState
  /** Realtime-shaped events for the reducer, in order, all at the input's time. */
  events: KnownCallEvent[]
}

/** One input through the adapter: the new state and the events it stands for. */
export function translateLive(state: LiveAdapterState, t: number, e: LiveAdapterInput): LiveStep {
  const step: LiveStep = { state, events: [] }
  switch (e.type) {
    case 'session.started':
      step.events.push({
        type: 'session.created',
        // GPT-Live always transcribes the caller: the reducer waits for transcripts.
        session: {
          id: e.session.id,
          model: e.session.model,
          audio: { input: { transcription: {} } }
        }
      })
      break
    case 'mic.speech_started':
      if (state.speakingItemId !== null) break
      callerStarted(step, t)
      break
    case 'mic.speech_stopped':
      callerStopped(step, t)
      break
    case 'session.input_transcript.delta':
      callerFragment(step, t, e.delta)
      break
    case 'session.output_transcript.delta':
      agentFragment(step, t, e.delta, e.start_ms, e.end_ms)
      break
    case 'remote_audio.audible':
      if (!step.state.answer || answerShouldHaveEnded(step.state, t)) openAnswer(step, t)
      step.state = { ...step.state, earAudible: true }
      touchAnswer(step, t)
      break
    case 'remote_audio.silent':
      step.state = { ...step.state, earAudible: false }
      touchAnswer(step, t)
      cutIfCallerStopped(step, t)
      break
    case 'session.delegation.created':
      if (e.delegation.target === 'client') delegated(step, t, e.delegation.id)
      break
    case 'session.commentary.append':
      // The delegation's result: to the reducer, the tool output and the request to answer it.
      if (e.delegation_id === null) break
      step.state = { ...step.state, followUpDue: true }
      step.events.push(
        {
          type: 'conversation.item.create',
          item: { type: 'function_call_output', call_id: e.delegation_id, output: e.content }
        },
        { type: 'response.create' }
      )
      break
    case 'session.instructions.append':
      if (e.delegation_id === null)
        step.events.push({
          type: 'conversation.item.create',
          item: {
            type: 'message',
            role: 'system',
            content: [{ type: 'input_text', text: e.content }]
          }
        })
      break
    case 'session.usage.updated':
      step.state = { ...step.state, audioSeconds: e.usage.seconds }
      break
    case 'session.closed':
      step.state = { ...step.state, audioSeconds: e.usage.seconds, closeReason: e.reason }
      closeAnswer(step, 'completed')
      break
    case 'call.ended':
      closeAnswer(step, 'completed')
      break
    case 'session.thinking.append':
    case 'session.close':
    case 'clock.tick':
      break
  }
  settleByTime(step, t)
  return step
}

function callerStarted(step: LiveStep, t: number): void {
  const s = step.state
  const itemId = `live_in_${s.utteranceCount + 1}`
  const answer = s.answer
  const over = answer && s.earAudible ? { ...answer, overBy: { itemId, t } } : answer
  step.state = {
    ...s,
    utteranceCount: s.utteranceCount + 1,
    speakingItemId: itemId,
    answer: over,
    transcribing: [...s.transcribing, { itemId, text: '', stopT: null, lastDeltaT: null }]
  }
  step.events.push({ type: 'input_audio_buffer.speech_started', item_id: itemId })
}

function callerStopped(step: LiveStep, t: number): void {
  const itemId = step.state.speakingItemId
  if (itemId === null) return
  step.state = {
    ...step.state,
    speakingItemId: null,
    transcribing: step.state.transcribing.map((u) => (u.itemId === itemId ? { ...u, stopT: t } : u))
  }
  step.events.push(
    { type: 'input_audio_buffer.speech_stopped', item_id: itemId },
    { type: 'input_audio_buffer.committed', item_id: itemId }
  )
}

/** Fragments go to the oldest utterance still transcribing; with none, one is made for them. */
function callerFragment(step: LiveStep, t: number, delta: string): void {
  if (step.state.transcribing.length === 0) {
    callerStarted(step, t)
    callerStopped(step, t)
  }
  const [first, ...rest] = step.state.transcribing
  if (!first) return
  step.state = {
    ...step.state,
    transcribing: [{ ...first, text: first.text + delta, lastDeltaT: t }, ...rest]
  }
  step.events.push({
    type: 'conversation.item.input_audio_transcription.delta',
    item_id: first.itemId,
    delta
  })
}

/** Completes the transcripts of utterances that ended (the agent answers, or time passed). */
function completeTranscripts(step: LiveStep, done: (u: LiveUtterance) => boolean): void {
  const keep: LiveUtterance[] = []
  let lastCallerText = step.state.lastCallerText
  for (const u of step.state.transcribing) {
    if (u.stopT === null || !done(u)) {
      keep.push(u)
      continue
    }
    const transcript = u.text.trim()
    if (!transcript) continue
    lastCallerText = transcript
    step.events.push({
      type: 'conversation.item.input_audio_transcription.completed',
      item_id: u.itemId,
      transcript
    })
  }
  step.state = { ...step.state, transcribing: keep, lastCallerText }
}

function openAnswer(step: LiveStep, t: number): void {
  closeAnswer(step, 'completed')
  // The agent answers: what the caller said before it is complete.
  completeTranscripts(step, (u) => u.lastDeltaT !== null)
  const id = `live_out_${step.state.answerCount + 1}`
  step.state = {
    ...step.state,
    answerCount: step.state.answerCount + 1,
    followUpDue: false,
    answer: { id, lastEndMs: null, activeT: t, overBy: null, endsSentence: false }
  }
  const response: ResponseLike = {
    id,
    status: 'in_progress',
    conversation_id: 'live',
    metadata: null
  }
  step.events.push({ type: 'response.created', response })
}

function closeAnswer(step: LiveStep, status: 'completed' | 'cancelled'): void {
  const answer = step.state.answer
  if (!answer) return
  step.state = { ...step.state, answer: null }
  const response: ResponseLike = {
    id: answer.id,
    status,
    status_details:
      status === 'cancelled' ? { type: 'cancelled', reason: 'turn_detected' } : { type: status },
    usage: null
  }
  step.events.push({ type: 'response.done', response })
}

/** The open answer's audio should be over by now (its timeline is known). */
function answerShouldHaveEnded(s: LiveAdapterState, t: number): boolean {
  const end = s.answer?.lastEndMs
  return end != null && s.offsetMs !== null && t >= s.offsetMs + end + ANSWER_GAP_MS
}

function touchAnswer(step: LiveStep, t: number): void {
  const answer = step.state.answer
  if (answer) step.state = { ...step.state, answer: { ...answer, activeT: t } }
}

function agentFragment(
  step: LiveStep,
  t: number,
  delta: string,
  startMs: number,
  endMs: number
): void {
  const offset = t - startMs
  step.state = {
    ...step.state,
    offsetMs: step.state.offsetMs === null ? offset : Math.min(step.state.offsetMs, offset)
  }
  const answer = step.state.answer
  // Speech queued behind speech comes without a gap: a delegation's follow-up is told from
  // the acknowledgement before it by starting a sentence after the result went in.
  const followUp = step.state.followUpDue && answer?.endsSentence === true
  const continues =
    answer !== null &&
    !followUp &&
    (answer.lastEndMs === null || startMs - answer.lastEndMs < ANSWER_GAP_MS)
  if (!continues) {
    openAnswer(step, t)
    // Its audio began with this fragment, under an ear that never went quiet in between.
    if (step.state.earAudible) step.events.push({ type: 'remote_audio.audible' })
  }
  const current = step.state.answer!
  const endsSentence = /[.!?…]["')\]]?\s*$/.test(delta)
  step.state = {
    ...step.state,
    answer: { ...current, lastEndMs: endMs, activeT: t, endsSentence }
  }
  step.events.push({
    type: 'response.output_audio_transcript.delta',
    response_id: current.id,
    delta
  })
}

/** The agent's audio stopped right after the caller started over it: the caller cut it. */
function cutIfCallerStopped(step: LiveStep, t: number): void {
  const over = step.state.answer?.overBy
  if (over && t - over.t <= CUT_WINDOW_MS) closeAnswer(step, 'cancelled')
}

function delegated(step: LiveStep, t: number, delegationId: string): void {
  completeTranscripts(step, (u) => u.lastDeltaT !== null)
  if (!step.state.answer) openAnswer(step, t)
  const plan = planDelegation(step.state.lastCallerText)
  step.events.push({
    type: 'response.function_call_arguments.done',
    response_id: step.state.answer!.id,
    call_id: delegationId,
    name: plan.name,
    arguments: JSON.stringify(plan.arguments)
  })
}

/** Time-based endings, checked on every input (the page ticks every 250 ms). */
function settleByTime(step: LiveStep, t: number): void {
  completeTranscripts(step, (u) => t - (u.lastDeltaT ?? u.stopT ?? t) >= TRANSCRIPT_SETTLE_MS)
  const { answer, earAudible, offsetMs } = step.state
  if (!answer || earAudible) return
  const quiet = t - answer.activeT
  const over =
    answer.lastEndMs === null || offsetMs === null
      ? quiet >= ANSWER_IDLE_MS
      : quiet >= ANSWER_CLOSE_MS && t >= offsetMs + answer.lastEndMs + ANSWER_CLOSE_MS
  if (over) closeAnswer(step, 'completed')
}
