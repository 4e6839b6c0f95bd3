import { percentile } from '../live-call/percentile'
import type { CallDomainEvent } from '../live-call/domainEvents'
import type { EscalationState, MeasuredTurn, ToolTrouble } from './escalationState'
import { raise } from './raiseAlert'

type TurnCompleted = Extract<CallDomainEvent, { type: 'turn.completed' }>
type ToolFinished = Extract<CallDomainEvent, { type: 'tool.finished' }>

/**
 * A finished turn: remembers its index (evidence of later alerts) and, when its latency counts
 * (the one LATENCY_RULE) and the ear meter measured it, checks the last K turns' at-ear P95.
 */
export function onTurnCompleted(s: EscalationState, e: TurnCompleted): EscalationState {
  const { turn } = e
  const next: EscalationState = {
    ...s,
    turnByItem: { ...s.turnByItem, [turn.callerItemId]: turn.index }
  }
  const rule = s.thresholds.latency
  if (!rule.enabled || turn.exclusion !== null || turn.atEarLatencyMs === null) return next
  const measured: MeasuredTurn[] = [
    ...s.measured,
    { turnIndex: turn.index, itemId: turn.callerItemId, t: e.t, atEarMs: turn.atEarLatencyMs }
  ].slice(-rule.lastTurns)
  const withTurn = { ...next, measured }
  if (measured.length < rule.minTurns) return withTurn
  const p95 = percentile(
    measured.map((m) => m.atEarMs),
    0.95
  )!
  if (p95 <= rule.p95Ms) return withTurn
  return raise(
    withTurn,
    'latency',
    e.t,
    `Callers wait: at-ear P95 ${Math.round(p95)} ms over the last ${measured.length} turns`,
    {
      items: measured.map((m) => ({
        itemId: m.itemId,
        turnIndex: m.turnIndex,
        t: m.t,
        quote: null
      })),
      figures: { p95Ms: p95, thresholdMs: rule.p95Ms, turns: measured.length }
    }
  )
}

/** Failed tool calls, and searches that keep finding nothing. */
export function onToolFinished(s: EscalationState, e: ToolFinished): EscalationState {
  const rule = s.thresholds.tools
  const trouble: ToolTrouble = {
    callId: e.call.callId,
    name: e.call.name,
    t: e.t,
    detail: e.outcome === 'failed' ? (e.call.result?.error ?? null) : e.call.arguments
  }
  if (e.outcome === 'ok') return { ...s, zeroRun: [] }
  const next: EscalationState =
    e.outcome === 'failed'
      ? { ...s, toolFailures: [...s.toolFailures, trouble] }
      : { ...s, zeroRun: [...s.zeroRun, trouble] }
  if (!rule.enabled) return next
  const evidence = (
    list: ToolTrouble[]
  ): { itemId: null; turnIndex: null; t: number; quote: string | null }[] =>
    list.map((x) => ({
      itemId: null,
      turnIndex: null,
      t: x.t,
      quote: `${x.name}: ${x.detail ?? ''}`
    }))
  if (next.toolFailures.length >= rule.failures && e.outcome === 'failed')
    return raise(next, 'tool_trouble', e.t, `${next.toolFailures.length} tool call(s) failed`, {
      items: evidence(next.toolFailures),
      figures: { failures: next.toolFailures.length, threshold: rule.failures }
    })
  if (next.zeroRun.length >= rule.zeroResultsInRow)
    return raise(
      next,
      'tool_trouble',
      e.t,
      `${next.zeroRun.length} searches in a row found nothing`,
      {
        items: evidence(next.zeroRun),
        figures: { zeroResultsInRow: next.zeroRun.length, threshold: rule.zeroResultsInRow }
      }
    )
  return next
}
