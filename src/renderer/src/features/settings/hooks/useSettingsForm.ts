import { useEffect, useState } from 'react'
import type { Output } from '@shared/ipc/contract'
import { AppSettingsSchema, type AppSettings } from '@shared/settings/settingsSchema'
import { IpcError, request, toIpcError } from '@renderer/app/ipc'

export interface SettingsForm {
  draft: AppSettings | undefined
  saved: AppSettings | undefined
  problem: string | null
  secrets: Output<'secrets.status'> | undefined
  /** Field path → message, from the same schema main validates with. */
  invalid: Map<string, string>
  dirty: boolean
  error: IpcError | null
  edit: (change: Partial<AppSettings>) => void
  save: () => Promise<boolean>
  reset: () => void
  refreshSecrets: () => void
}

/** Loads settings and key status, keeps an edited copy, validates it live, saves it whole. */
export function useSettingsForm(): SettingsForm {
  const [saved, setSaved] = useState<AppSettings>()
  const [draft, setDraft] = useState<AppSettings>()
  const [problem, setProblem] = useState<string | null>(null)
  const [secrets, setSecrets] = useState<Output<'secrets.status'>>()
  const [error, setError] = useState<IpcError | null>(null)
  const [secretsVersion, setSecretsVersion] = useState(0)

  useEffect(() => {
    request('settings.get', {}).then(
      (data) => {
        setSaved(data.settings)
        setDraft(data.settings)
        setProblem(data.problem)
      },
      (failure: unknown) => setError(toIpcError('settings.get', failure))
    )
  }, [])
  useEffect(() => {
    request('secrets.status', {}).then(setSecrets, (failure: unknown) =>
      setError(toIpcError('secrets.status', failure))
    )
  }, [secretsVersion])

  const parsed = draft ? AppSettingsSchema.safeParse(draft) : undefined
  const invalid = new Map(
    parsed && !parsed.success
      ? parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message])
      : []
  )
  return {
    draft,
    saved,
    problem,
    secrets,
    invalid,
    dirty: JSON.stringify(draft) !== JSON.stringify(saved),
    error,
    edit: (change) => setDraft((current) => current && { ...current, ...change }),
    save: async () => {
      if (!draft || invalid.size) return false
      setError(null)
      try {
        const stored = await request('settings.save', draft)
        setSaved(stored)
        setDraft(stored)
        return true
      } catch (failure) {
        setError(toIpcError('settings.save', failure))
        return false
      }
    },
    reset: () => setDraft(saved),
    refreshSecrets: () => setSecretsVersion((v) => v + 1)
  }
}
