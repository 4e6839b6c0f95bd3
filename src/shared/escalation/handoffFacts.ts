import { detectCallLanguage, type LanguageDetector } from '../classify/detectCallLanguage'
import type { CallInput } from '../live-call/callEvents'
import { replayCall } from '../live-call/callReducer'
import type { CallState } from '../live-call/callState'
import { countsAsInterruption } from '../live-call/classifyUtterance'
import type { StoredAlert } from './alertRecords'
import { RULES } from './rules'

/** How much of the call a handoff note quotes: enough to pick up the thread, not a transcript. */
export const HANDOFF_LIMITS = { callerUtterances: 3, quoteChars: 240, topResults: 3 } as const

export interface HandoffLookup {
  tool: string
  /** The arguments the model passed, as compact `key: value` pairs. */
  query: string
  ok: boolean
  /** Names (or ids) of the first results the tool returned; empty when none or unknown. */
  top: string[]
  error: string | null
}

/** What a human taking over the call needs to know, gathered from the recorded call. */
export interface HandoffFacts {
  sessionId: string
  /** ISO 639-1, or 'und' when the caller said nothing yet. */
  language: string
  /** Page clock from the first recorded input to the last one. */
  durationMs: number
  interruptions: number
  alerts: { rule: string; reason: string; quotes: string[] }[]
  callerLastSaid: string[]
  agentLastAnswer: string | null
  lookups: HandoffLookup[]
}

/**
 * Replays the call's recorded inputs through the live reducer (so the note says what the live
 * screen showed) and picks out the facts for a handoff. Tool results come from the
 * function_call_output the console sent, the only place the results themselves are recorded.
 */
export function handoffFacts(
  sessionId: string,
  inputs: readonly CallInput[],
  alerts: readonly StoredAlert[],
  detect: LanguageDetector
): HandoffFacts {
  const state = replayCall(inputs)
  const spoken = state.utterances.filter(
    (u) => u.kind !== 'echo_suspect' && u.kind !== 'backchannel'
  )
  const texts = spoken.map((u) => (u.transcript ?? u.text).trim()).filter((t) => t.length > 0)
  return {
    sessionId,
    language: detectCallLanguage(
      { callerTexts: texts, reportedLanguages: spoken.map((u) => u.language) },
      detect
    ),
    durationMs:
      state.startedT === null ? 0 : Math.max(0, (state.lastT ?? state.startedT) - state.startedT),
    interruptions: state.utterances.filter(countsAsInterruption).length,
    alerts: alerts.map((a) => ({
      rule: RULES[a.rule].label,
      reason: a.reason,
      quotes: a.evidence.items.flatMap((i) => (i.quote ? [trimQuote(i.quote)] : []))
    })),
    callerLastSaid: texts.slice(-HANDOFF_LIMITS.callerUtterances).map(trimQuote),
    agentLastAnswer: lastAnswer(state),
    lookups: lookups(state, inputs)
  }
}

function lastAnswer(state: CallState): string | null {
  for (let i = state.responses.length - 1; i >= 0; i--) {
    const text = state.responses[i]!.text.trim()
    if (text) return trimQuote(text)
  }
  return null
}

function lookups(state: CallState, inputs: readonly CallInput[]): HandoffLookup[] {
  const outputs = new Map<string, string>()
  for (const { event } of inputs) {
    const item = (event as { item?: { type?: unknown; call_id?: unknown; output?: unknown } }).item
    if (
      event.type === 'conversation.item.create' &&
      item?.type === 'function_call_output' &&
      typeof item.call_id === 'string' &&
      typeof item.output === 'string'
    )
      outputs.set(item.call_id, item.output)
  }
  return state.toolCalls.map((call) => ({
    tool: call.name,
    query: describeArgs(call.args, call.arguments),
    ok: call.result?.ok ?? false,
    top: topResults(outputs.get(call.callId)),
    error: call.result?.error ?? (call.result ? null : 'no result recorded')
  }))
}

function describeArgs(args: unknown, raw: string): string {
  if (args === null || typeof args !== 'object' || Array.isArray(args)) return trimQuote(raw)
  return Object.entries(args as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ')
}

/** The first list in the tool's result (products, passages, orders), by name or id. */
function topResults(output: string | undefined): string[] {
  if (!output) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(output)
  } catch {
    return []
  }
  const result = (parsed as { result?: unknown } | null)?.result
  if (result === null || typeof result !== 'object') return []
  const list = Object.values(result as Record<string, unknown>).find(Array.isArray) as
    unknown[] | undefined
  return (list ?? []).slice(0, HANDOFF_LIMITS.topResults).map(labelOf)
}

function labelOf(entry: unknown): string {
  if (entry === null || typeof entry !== 'object') return trimQuote(String(entry))
  const record = entry as Record<string, unknown>
  const name = ['name', 'title', 'order_id', 'id', 'sku'].map((k) => record[k]).find(isText)
  const id = ['id', 'sku', 'order_id'].map((k) => record[k]).find(isText)
  if (!name) return trimQuote(JSON.stringify(entry))
  const head = id && id !== name ? `${name} (${id})` : name
  // An order says little by its id alone: what was bought and where it is.
  const details = ['item', 'status'].map((k) => record[k]).filter(isText)
  return trimQuote(details.length > 0 ? `${head}: ${details.join(', ')}` : head)
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== ''

function trimQuote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= HANDOFF_LIMITS.quoteChars
    ? flat
    : `${flat.slice(0, HANDOFF_LIMITS.quoteChars - 1).trimEnd()}…`
}
