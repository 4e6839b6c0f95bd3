import { useCallback, useState } from 'react'
import {
  CHOOSABLE_KEYS,
  DEFAULT_COLUMN_KEYS,
  SESSION_COLUMNS,
  type ColumnKey,
  type SessionColumn
} from '../components/sessionColumns'

/** Kept by this desk's window, as the colour scheme and the welcome's dismissal are. */
const STORAGE_KEY = 'sessions-columns'

const isKey = (value: unknown): value is ColumnKey =>
  typeof value === 'string' && (CHOOSABLE_KEYS as readonly string[]).includes(value)

/** The stored choice (unknown keys dropped, the id always in), else the defaults. */
export function readShownColumns(): ColumnKey[] {
  try {
    const stored: unknown = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? 'null')
    if (!Array.isArray(stored)) return [...DEFAULT_COLUMN_KEYS]
    const keys = new Set(stored.filter(isKey))
    keys.add('session_id')
    return CHOOSABLE_KEYS.filter((key) => keys.has(key))
  } catch {
    return [...DEFAULT_COLUMN_KEYS]
  }
}

function storeShownColumns(keys: readonly ColumnKey[]): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(keys))
  } catch {
    // Storage refused (a locked-down profile): the choice lasts for this run.
  }
}

export interface ShownColumns {
  keys: readonly ColumnKey[]
  columns: SessionColumn[]
  toggle: (key: ColumnKey) => void
  reset: () => void
}

/** The columns this desk chose to see, in the table's order; the session id cannot be hidden. */
export function useShownColumns(): ShownColumns {
  const [keys, setKeys] = useState<readonly ColumnKey[]>(readShownColumns)
  const update = useCallback((next: readonly ColumnKey[]) => {
    storeShownColumns(next)
    setKeys(next)
  }, [])
  const toggle = useCallback(
    (key: ColumnKey) => {
      if (key === 'session_id') return
      update(
        CHOOSABLE_KEYS.filter((each) => (each === key ? !keys.includes(each) : keys.includes(each)))
      )
    },
    [keys, update]
  )
  const reset = useCallback(() => update([...DEFAULT_COLUMN_KEYS]), [update])
  const columns = SESSION_COLUMNS.filter((c) => keys.includes(c.key))
  return { keys, columns, toggle, reset }
}
