import { useEffect, useState } from 'react'
import type { Output } from '@shared/ipc/contract'
import { AppSettingsSchema, type AppSettings } from '@shared/settings/settingsSchema'
import { keyOriginChange } from '@shared/settings/keyOrigin'
import { IpcError, request, toIpcError } from '@renderer/app/ipc'

/** A save that would send a stored key to another origin than it was entered for. */
export type KeyOriginChange = NonNullable<ReturnType<typeof keyOriginChange>>
type KeyForNewOrigin = { apiKey: string } | { confirmOrigin: string }

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
  /** Saves; when the endpoint moves a stored key, first asks (see `keyOrigin`) and returns false. */
  save: () => Promise<boolean>
  /** The question `save` is waiting on: the key again, or a confirmation naming the new origin. */
  keyOrigin: KeyOriginChange | null
  answerKeyOrigin: (answer: KeyForNewOrigin | null) => Promise<boolean>
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
  const [keyOrigin, setKeyOrigin] = useState<KeyOriginChange | null>(null)

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
  const send = async (
    next: AppSettings & { keyForNewOrigin?: KeyForNewOrigin }
  ): Promise<boolean> => {
    setError(null)
    try {
      const stored = await request('settings.save', next)
      setSaved(stored)
      setDraft(stored)
      return true
    } catch (failure) {
      setError(toIpcError('settings.save', failure))
      return false
    }
  }
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
      const change = secrets ? keyOriginChange(draft.provider, secrets) : null
      if (change) {
        setKeyOrigin(change)
        return false
      }
      return send(draft)
    },
    keyOrigin,
    answerKeyOrigin: async (answer) => {
      setKeyOrigin(null)
      if (!answer || !draft) return false
      const done = await send({ ...draft, keyForNewOrigin: answer })
      setSecretsVersion((v) => v + 1)
      return done
    },
    reset: () => setDraft(saved),
    refreshSecrets: () => setSecretsVersion((v) => v + 1)
  }
}
