import { useEffect, useRef } from 'react'
import { callShortcutOf, type CallShortcutAction } from './callShortcuts'

/**
 * Listens for the Live call screen's chords while it is mounted. `run` decides, at the moment
 * of the key, whether the action applies (no hang-up without a call): it returns false if not.
 */
export function useCallShortcuts(run: (action: CallShortcutAction) => boolean): void {
  // The latest `run` (it closes over the call's phase) without re-subscribing on each render.
  const latest = useRef(run)
  useEffect(() => {
    latest.current = run
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const action = callShortcutOf(event)
      if (action && latest.current(action)) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
