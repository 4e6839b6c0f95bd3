import type {
  KnownCallEvent,
  KnownCallInput,
  ResponseLike,
  SidebandJoinedObservation
} from './callEvents'
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
/**
 * The ear fell quiet this close to where the answer's audio was due to end (or later): it
 * played out. On ten recorded e2e calls, quiet machine and loaded: natural ends fell quiet at
 * most 115 ms before it; pauses and gaps in playback (up to 1.25 s long under load) 280 ms or
 * more before it, once the fragment that continues the answer was in.
 */
const PLAYED_OUT_MARGIN_MS = 250
/** An answer with no timeline (no fragment yet) is over after this long without audio. */
const ANSWER_IDLE_MS = 2500
/** Agent audio that stops this soon after the caller started over it was cut by the caller. */
const CUT_WINDOW_MS = 1500
/**
 * Caller speech that starts this soon after the agent's audio fell quiet mid-answer (a pause, a
 * gap in playback, or a cut the page's VAD had not heard the cause of yet) is over the answer.
 */
const QUIET_OVER_MS = 1000
/**
 * The service stops the agent's transcript where it cut it: the answer's last fragment started
 * before the caller did and ends after, give or take this much (under load the simulator's
 * fragments left up to 150 ms behind its timeline, so one due just before the cut never did).
 */
const CUT_FRAGMENT_SLACK_MS = 300
/** How long an answer the caller spoke over waits, quiet, for their words to tell a cut. */
const CUT_EVIDENCE_WAIT_MS = 8000
/** A caller transcript is complete when no fragment came this long after the speech ended. */
const TRANSCRIPT_SETTLE_MS = 1200

interface LiveUtterance {
  itemId: string
  startT: number
  text: string
  /** When the page's microphone VAD said the caller stopped. */
  micStopT: number | null
  /** speech_stopped and committed went to the reducer. */
  stopSent: boolean
  lastDeltaT: number | null
}

interface LiveAnswer {
  id: string
  /** Timeline start (ms) of its first output fragment, and start and end of its last. */
  firstStartMs: number | null
  lastStartMs: number | null
  lastEndMs: number | null
  /** When the ear first heard it, and when it last fell quiet (null while audible). */
  heardFromT: number | null
  quietT: number | null
  /** Page time of its last sign of life (opened, fragment, audible, silent). */
  activeT: number
  /**
   * The caller started speaking over it (audible, or quiet mid-answer): when, which utterance,
   * and whether their words showed, on the session timeline, that they cut it.
   */
  overBy: { itemId: string; t: number; cutShown: boolean } | null
  /** output_audio_buffer.started / its end went to the reducer. */
  audioStarted: boolean
  audioEnded: boolean
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
  | SidebandJoinedObservation
  | { type: 'remote_audio.audible' | 'remote_audio.silent' | 'clock.tick' | 'call.ended' }

export interface LiveStep {
  state: LiveAdapterState
  /**
   * Realtime-shaped events for the reducer, in order, at the input's time except a caller's
   * speech end, placed where the page could tell (see callerFragment).
   */
  events: KnownCallInput[]
}

/** One input through the adapter: the new state and the events it stands for. */
export function translateLive(state: LiveAdapterState, t: number, e: LiveAdapterInput): LiveStep {
  const events: KnownCallInput[] = []
  const push = (...list: KnownCallEvent[]): void => {
    for (const event of list) events.push({ t, event })
  }
  const step: Step = { state, events, t, push }
  switch (e.type) {
    // A gateway's sideband that joined after the start stands for it (same session id: once).
    case 'session.started':
    case 'sideband.joined':
      step.push({
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
      callerFragment(step, t, e.delta, e.start_ms)
      break
    case 'session.output_transcript.delta':
      agentFragment(step, t, e.delta, e.start_ms, e.end_ms)
      break
    case 'remote_audio.audible':
      if (!step.state.answer || answerShouldHaveEnded(step.state, t)) openAnswer(step, t)
      step.state = { ...step.state, earAudible: true }
      touchAnswer(step, t)
      earHeard(step, t, true)
      break
    case 'remote_audio.silent':
      step.state = { ...step.state, earAudible: false }
      touchAnswer(step, t)
      earHeard(step, t, false)
      // Whether it played out is decided later (callerStarted, settleByTime): under load the
      // fragment that continues the answer can arrive after the silence of a gap in playback.
      cutIfCallerStopped(step, t)
      break
    case 'session.delegation.created':
      if (e.delegation.target === 'client') delegated(step, t, e.delegation.id)
      break
    case 'session.commentary.append':
      // The delegation's result: to the reducer, the tool output and the request to answer it.
      if (e.delegation_id === null) break
      step.state = { ...step.state, followUpDue: true }
      step.push(
        {
          type: 'conversation.item.create',
          item: { type: 'function_call_output', call_id: e.delegation_id, output: e.content }
        },
        { type: 'response.create' }
      )
      break
    case 'session.instructions.append':
      if (e.delegation_id === null)
        step.push({
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
  return { state: step.state, events }
}

/** A translation under way: the state so far and the events emitted. */
interface Step {
  state: LiveAdapterState
  events: KnownCallInput[]
  t: number
  push(...events: KnownCallEvent[]): void
}

function callerStarted(step: Step, t: number): void {
  endQuietAnswerAudio(step, t)
  const s = step.state
  const itemId = `live_in_${s.utteranceCount + 1}`
  const answer = s.answer
  const overAnswer = answer && (s.earAudible || quietInAnswer(s, t))
  const over = answer && overAnswer ? { ...answer, overBy: { itemId, t, cutShown: false } } : answer
  step.state = {
    ...s,
    utteranceCount: s.utteranceCount + 1,
    speakingItemId: itemId,
    answer: over,
    transcribing: [
      ...s.transcribing,
      {
        itemId,
        startT: t,
        text: '',
        micStopT: null,
        stopSent: false,
        lastDeltaT: null
      }
    ]
  }
  step.push({ type: 'input_audio_buffer.speech_started', item_id: itemId })
}

/**
 * The ear fell quiet inside the open answer at most QUIET_OVER_MS before `t`, short of where its
 * audio was due to end: speech starting now is over it (a pause, a gap in playback, or the
 * service cut it for this caller before the page's VAD heard them). The reducer, not told the
 * answer's audio ended, takes it so too (barge_in.detected).
 */
function quietInAnswer(s: LiveAdapterState, t: number): boolean {
  const answer = s.answer
  if (!answer || !answer.audioStarted || answer.audioEnded || answer.quietT === null) return false
  return t - answer.quietT <= QUIET_OVER_MS && !playedOut(s, answer.quietT)
}

/** The ear fell quiet in the open answer and it is not over the answer: its audio ended there. */
function endQuietAnswerAudio(step: Step, t: number): void {
  const { answer, earAudible } = step.state
  if (earAudible || !answer || answer.quietT === null || quietInAnswer(step.state, t)) return
  endAudio(step, 'output_audio_buffer.stopped', answer.quietT)
}

/**
 * The caller's first words over the answer, with their start on the session timeline: the
 * service cut the answer for them if its transcript stops in the fragment they started in
 * (docs/gpt-live.md, "Barge-in"). Told at once if the ear is quiet, else at its silence.
 */
function showCutByWords(step: Step, itemId: string, startMs: number): void {
  const answer = step.state.answer
  const over = answer?.overBy
  if (!answer || !over || over.itemId !== itemId || answer.lastEndMs === null) return
  // The caller's start: the service's, or the page's microphone's if that reads earlier.
  const from = Math.min(startMs, over.t - (step.state.offsetMs ?? 0))
  const cut =
    from < answer.lastEndMs + CUT_FRAGMENT_SLACK_MS &&
    (answer.lastStartMs ?? 0) <= startMs + CUT_FRAGMENT_SLACK_MS
  step.state = {
    ...step.state,
    answer: { ...answer, overBy: cut ? { ...over, cutShown: true } : null }
  }
  if (cut && !step.state.earAudible && answer.quietT !== null)
    closeAnswer(step, 'cancelled', Math.min(over.t, answer.quietT))
}

/**
 * The agent answers again before the words of the caller who spoke over its last answer came:
 * the page's own stamp of their start, on the session timeline, tells the cut instead.
 */
function cutBeforeNextAnswer(step: Step, t: number): void {
  const { answer, offsetMs } = step.state
  const over = answer?.overBy
  if (!answer || !over || offsetMs === null) return
  if (!over.cutShown) showCutByWords(step, over.itemId, over.t - offsetMs)
  if (step.state.answer?.overBy?.cutShown)
    closeAnswer(step, 'cancelled', Math.min(over.t, answer.quietT ?? t))
}

/** The caller spoke over the answer, now quiet, and their words are still to tell a cut. */
function awaitingCutEvidence(s: LiveAdapterState, t: number): boolean {
  const over = s.answer?.overBy
  return !s.earAudible && over != null && !over.cutShown && t - over.t < CUT_EVIDENCE_WAIT_MS
}

function callerStopped(step: Step, t: number): void {
  const itemId = step.state.speakingItemId
  if (itemId === null) return
  // Told to the reducer once the service shows it heard the end (callerFragment, sendStops).
  step.state = {
    ...step.state,
    speakingItemId: null,
    transcribing: step.state.transcribing.map((u) =>
      u.itemId === itemId ? { ...u, micStopT: t } : u
    )
  }
}

/** speech_stopped + committed for utterances that ended (at `at`, else the microphone's stop). */
function sendStops(step: Step, which: (u: LiveUtterance) => boolean, at?: number): void {
  step.state = {
    ...step.state,
    transcribing: step.state.transcribing.map((u) => {
      if (u.stopSent || u.micStopT === null || !which(u)) return u
      const stopT = at ?? u.micStopT
      step.events.push(
        { t: stopT, event: { type: 'input_audio_buffer.speech_stopped', item_id: u.itemId } },
        { t: stopT, event: { type: 'input_audio_buffer.committed', item_id: u.itemId } }
      )
      return { ...u, stopSent: true }
    })
  }
}

/**
 * Fragments go to the oldest utterance still transcribing; with none, one is made for them.
 * The first fragment after the microphone fell silent is the service's first sign that it
 * heard the turn end (GPT-Live sends nothing when its VAD decides): the caller's speech ends
 * there, for latency, as Realtime's speech_stopped arrival ends it. The page's microphone
 * alone would say so earlier by the uplink's delay, and the two engines' figures would differ.
 */
function callerFragment(step: Step, t: number, delta: string, startMs: number): void {
  if (step.state.transcribing.length === 0) {
    callerStarted(step, t)
    callerStopped(step, t)
  }
  const [first, ...rest] = step.state.transcribing
  if (!first) return
  if (first.lastDeltaT === null) showCutByWords(step, first.itemId, startMs)
  step.state = {
    ...step.state,
    transcribing: [{ ...first, text: first.text + delta, lastDeltaT: t }, ...rest]
  }
  sendStops(step, (u) => u.itemId === first.itemId, t)
  step.push({
    type: 'conversation.item.input_audio_transcription.delta',
    item_id: first.itemId,
    delta
  })
}

/** Completes the transcripts of utterances that ended (the agent answers, or time passed). */
function completeTranscripts(step: Step, done: (u: LiveUtterance) => boolean): void {
  sendStops(step, (u) => done(u))
  const keep: LiveUtterance[] = []
  let lastCallerText = step.state.lastCallerText
  for (const u of step.state.transcribing) {
    if (u.micStopT === null || !done(u)) {
      keep.push(u)
      continue
    }
    const transcript = u.text.trim()
    if (!transcript) continue
    lastCallerText = transcript
    step.push({
      type: 'conversation.item.input_audio_transcription.completed',
      item_id: u.itemId,
      transcript
    })
  }
  step.state = { ...step.state, transcribing: keep, lastCallerText }
}

function openAnswer(step: Step, t: number): void {
  cutBeforeNextAnswer(step, t)
  closeAnswer(step, 'completed')
  // The agent answers: the caller's turn is over, and what they said is complete.
  sendStops(step, () => true)
  completeTranscripts(step, (u) => u.lastDeltaT !== null)
  const id = `live_out_${step.state.answerCount + 1}`
  step.state = {
    ...step.state,
    answerCount: step.state.answerCount + 1,
    followUpDue: false,
    answer: {
      id,
      firstStartMs: null,
      lastStartMs: null,
      lastEndMs: null,
      heardFromT: null,
      quietT: null,
      activeT: t,
      overBy: null,
      endsSentence: false,
      audioStarted: false,
      audioEnded: false
    }
  }
  const response: ResponseLike = {
    id,
    status: 'in_progress',
    conversation_id: 'live',
    metadata: null
  }
  step.push({ type: 'response.created', response })
}

/** Ends the open answer; its audio ended at `at` (by default where the ear fell quiet, or now). */
function closeAnswer(step: Step, status: 'completed' | 'cancelled', at?: number): void {
  const answer = step.state.answer
  if (!answer) return
  const audioEndT = at ?? (step.state.earAudible ? null : answer.quietT) ?? step.t
  endAudio(
    step,
    status === 'cancelled' ? 'output_audio_buffer.cleared' : 'output_audio_buffer.stopped',
    audioEndT
  )
  step.state = { ...step.state, answer: null }
  const response: ResponseLike = {
    id: answer.id,
    status,
    status_details:
      status === 'cancelled' ? { type: 'cancelled', reason: 'turn_detected' } : { type: status },
    usage: null
  }
  step.push({ type: 'response.done', response })
}

/**
 * Page time at which the ear should hear the end of the open answer's audio so far: its
 * timeline end on the page clock, later by the ear's lag on this answer (its first sound after
 * its first fragment: the jitter buffer, more on a loaded machine). Null without a timeline.
 */
function earEndT(s: LiveAdapterState): number | null {
  const answer = s.answer
  if (!answer || answer.lastEndMs === null || s.offsetMs === null) return null
  const sent = s.offsetMs + answer.lastEndMs
  if (answer.heardFromT === null || answer.firstStartMs === null) return sent
  return Math.max(sent, answer.heardFromT + answer.lastEndMs - answer.firstStartMs)
}

/** The ear fell quiet at `quietT` where the open answer's audio was due to end (or later). */
function playedOut(s: LiveAdapterState, quietT: number): boolean {
  const end = s.answer?.lastEndMs
  return end != null && s.offsetMs !== null && quietT >= s.offsetMs + end - PLAYED_OUT_MARGIN_MS
}

/** The open answer's audio should be over by now (its timeline is known). */
function answerShouldHaveEnded(s: LiveAdapterState, t: number): boolean {
  const end = earEndT(s)
  return end !== null && t >= end + ANSWER_GAP_MS
}

/** The ear heard the open answer (or fell quiet in it) at `t`. */
function earHeard(step: Step, t: number, audible: boolean): void {
  const answer = step.state.answer
  if (!answer) return
  step.state = {
    ...step.state,
    answer: {
      ...answer,
      heardFromT: answer.heardFromT ?? (audible ? t : null),
      quietT: audible ? null : t
    }
  }
}

function touchAnswer(step: Step, t: number): void {
  const answer = step.state.answer
  if (answer) step.state = { ...step.state, answer: { ...answer, activeT: t } }
}

/**
 * The answer's audio ended: stopped (played out) or cleared (cut). With `started` at its first
 * fragment, these stand for Realtime's output_audio_buffer events, so latency ends where the
 * service says the agent's audio began, as on Realtime, and the ear keeps the at-ear figure.
 */
function endAudio(
  step: Step,
  type: 'output_audio_buffer.stopped' | 'output_audio_buffer.cleared',
  t: number = step.t
): void {
  const answer = step.state.answer
  if (!answer || !answer.audioStarted || answer.audioEnded) return
  step.state = { ...step.state, answer: { ...answer, audioEnded: true } }
  step.events.push({ t, event: { type, response_id: answer.id } })
}

function agentFragment(step: Step, t: number, delta: string, startMs: number, endMs: number): void {
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
    if (step.state.earAudible) {
      step.push({ type: 'remote_audio.audible' })
      earHeard(step, t, true)
    }
  }
  const current = step.state.answer!
  const endsSentence = /[.!?…]["')\]]?\s*$/.test(delta)
  step.state = {
    ...step.state,
    answer: {
      ...current,
      firstStartMs: current.firstStartMs ?? startMs,
      lastStartMs: startMs,
      lastEndMs: endMs,
      activeT: t,
      endsSentence,
      audioStarted: true
    }
  }
  // The first fragment leaves the service with the first audio frame (docs/gpt-live.md).
  if (!current.audioStarted)
    step.push({ type: 'output_audio_buffer.started', response_id: current.id })
  step.push({
    type: 'response.output_audio_transcript.delta',
    response_id: current.id,
    delta
  })
}

/**
 * The agent's audio stopped right after the caller started over it: the caller cut it, when
 * the service heard them. Dated at their speech start: the ear's silence lags the service's
 * cut by the downlink and the jitter buffer, and the answer's audio start is the service's.
 */
function cutIfCallerStopped(step: Step, t: number): void {
  const over = step.state.answer?.overBy
  if (over && (over.cutShown || t - over.t <= CUT_WINDOW_MS))
    closeAnswer(step, 'cancelled', Math.min(over.t, t))
}

function delegated(step: Step, t: number, delegationId: string): void {
  sendStops(step, () => true)
  completeTranscripts(step, (u) => u.lastDeltaT !== null)
  if (!step.state.answer) openAnswer(step, t)
  const plan = planDelegation(step.state.lastCallerText)
  step.push({
    type: 'response.function_call_arguments.done',
    response_id: step.state.answer!.id,
    call_id: delegationId,
    name: plan.name,
    arguments: JSON.stringify(plan.arguments)
  })
}

/** Time-based endings, checked on every input (the page ticks every 250 ms). */
function settleByTime(step: Step, t: number): void {
  completeTranscripts(step, (u) => t - (u.lastDeltaT ?? u.micStopT ?? t) >= TRANSCRIPT_SETTLE_MS)
  if (awaitingCutEvidence(step.state, t)) return
  const { answer, earAudible } = step.state
  if (!answer || earAudible) return
  const quiet = t - answer.activeT
  const end = earEndT(step.state)
  const over =
    end === null ? quiet >= ANSWER_IDLE_MS : quiet >= ANSWER_CLOSE_MS && t >= end + ANSWER_CLOSE_MS
  if (over) closeAnswer(step, 'completed')
}
