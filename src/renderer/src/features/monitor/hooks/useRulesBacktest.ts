import { useCallback, useEffect, useState } from 'react'
import { request, toIpcError, type IpcError } from '@renderer/app/ipc'
import type { BacktestResult } from '@shared/escalation/backtestSchema'
import type { EscalationRules } from '@shared/escalation/escalationRules'
import {
  EscalationThresholdsSchema,
  type EscalationThresholds
} from '@shared/escalation/thresholds'

export interface RulesBacktest {
  /** The thresholds in force, where they live and who changed them last; null until loaded. */
  rules: EscalationRules | null
  /** The thresholds being edited; null until the rules have loaded. */
  draft: EscalationThresholds | null
  setDraft: (next: EscalationThresholds) => void
  /** Problems with the draft, by dotted path ("interruptions.total"). */
  problems: Record<string, string>
  result: BacktestResult | null
  running: boolean
  saving: boolean
  /** The draft differs from the thresholds in force. */
  unsaved: boolean
  error: IpcError | null
  clearError: () => void
  run: () => void
  save: () => void
}

/**
 * The thresholds in force (this desk's settings, or the team's rules in team mode), a backtest
 * of them on open, and re-runs / saves of edits.
 */
export function useRulesBacktest(): RulesBacktest {
  const [rules, setRules] = useState<EscalationRules | null>(null)
  const [draft, setDraft] = useState<EscalationThresholds | null>(null)
  const [result, setResult] = useState<BacktestResult | null>(null)
  const [running, setRunning] = useState(false)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<IpcError | null>(null)

  const backtest = useCallback((thresholds: EscalationThresholds): void => {
    setRunning(true)
    request('escalation.backtest', { thresholds })
      .then(setResult, (e: unknown) => setError(toIpcError('escalation.backtest', e)))
      .finally(() => setRunning(false))
  }, [])

  useEffect(() => {
    let current = true
    request('escalation.rules.get', {}).then(
      (loaded) => {
        if (!current) return
        setRules(loaded)
        setDraft(loaded.thresholds)
        backtest(loaded.thresholds)
      },
      (e: unknown) => current && setError(toIpcError('escalation.rules.get', e))
    )
    return () => {
      current = false
    }
  }, [backtest])

  const parsed = draft ? EscalationThresholdsSchema.safeParse(draft) : null
  const problems: Record<string, string> = {}
  if (parsed && !parsed.success)
    for (const issue of parsed.error.issues) problems[issue.path.join('.')] ??= issue.message

  return {
    rules,
    draft,
    setDraft,
    problems,
    result,
    running,
    saving,
    unsaved: rules !== null && JSON.stringify(rules.thresholds) !== JSON.stringify(draft),
    error,
    clearError: () => setError(null),
    run: () => {
      if (parsed?.success) backtest(parsed.data)
    },
    save: () => {
      if (!rules || !parsed?.success) return
      setSaving(true)
      request('escalation.rules.save', { thresholds: parsed.data })
        .then(setRules, (e: unknown) => setError(toIpcError('escalation.rules.save', e)))
        .finally(() => setSaving(false))
    }
  }
}
