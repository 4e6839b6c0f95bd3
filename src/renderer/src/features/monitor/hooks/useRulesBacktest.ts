import { useCallback, useEffect, useState } from 'react'
import { request, toIpcError, type IpcError } from '@renderer/app/ipc'
import type { BacktestResult } from '@shared/escalation/backtestSchema'
import {
  EscalationThresholdsSchema,
  type EscalationThresholds
} from '@shared/escalation/thresholds'
import type { AppSettings } from '@shared/settings/settingsSchema'

export interface RulesBacktest {
  /** The thresholds being edited; null until Settings have loaded. */
  draft: EscalationThresholds | null
  setDraft: (next: EscalationThresholds) => void
  /** Problems with the draft, by dotted path ("interruptions.total"). */
  problems: Record<string, string>
  result: BacktestResult | null
  running: boolean
  saving: boolean
  /** The draft differs from what Settings hold. */
  unsaved: boolean
  error: IpcError | null
  clearError: () => void
  run: () => void
  save: () => void
}

/** Thresholds from Settings, a backtest of them on open, and re-runs / saves of edits. */
export function useRulesBacktest(): RulesBacktest {
  const [settings, setSettings] = useState<AppSettings | null>(null)
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
    request('settings.get', {}).then(
      ({ settings: loaded }) => {
        if (!current) return
        setSettings(loaded)
        setDraft(loaded.escalation)
        backtest(loaded.escalation)
      },
      (e: unknown) => current && setError(toIpcError('settings.get', e))
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
    draft,
    setDraft,
    problems,
    result,
    running,
    saving,
    unsaved: settings !== null && JSON.stringify(settings.escalation) !== JSON.stringify(draft),
    error,
    clearError: () => setError(null),
    run: () => {
      if (parsed?.success) backtest(parsed.data)
    },
    save: () => {
      if (!settings || !parsed?.success) return
      setSaving(true)
      request('settings.save', { ...settings, escalation: parsed.data })
        .then(setSettings, (e: unknown) => setError(toIpcError('settings.save', e)))
        .finally(() => setSaving(false))
    }
  }
}
