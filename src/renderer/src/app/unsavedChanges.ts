import { createContext, useContext, useEffect, useId } from 'react'

/** What a screen with unsaved edits tells the shell, and how the shell asks before leaving. */
export interface UnsavedChangesRegistry {
  /** `sentence` while the source has unsaved edits ("Your changes to … are not saved."), null once not. */
  mark: (source: string, sentence: string | null) => void
  /** Runs `leave` now, or once the user chose to discard the unsaved edits. */
  guard: (leave: () => void) => void
}

/** Outside the shell (a screen rendered alone) nothing navigates away: nothing to guard. */
const UNGUARDED: UnsavedChangesRegistry = { mark: () => undefined, guard: (leave) => leave() }

export const UnsavedChangesContext = createContext<UnsavedChangesRegistry>(UNGUARDED)

const useRegistry = (): UnsavedChangesRegistry => useContext(UnsavedChangesContext)

/**
 * Declares edits that would be lost if the screen went away: while `dirty`, leaving it (another
 * screen, a tab, a drill-down, closing or reloading the window) asks first. `sentence` says
 * what would be lost, in the UI language.
 */
export function useUnsavedChanges(dirty: boolean, sentence: string): void {
  const { mark } = useRegistry()
  const source = useId()
  useEffect(() => {
    mark(source, dirty ? sentence : null)
  }, [mark, source, dirty, sentence])
  // Gone with its screen: what it held is discarded by then.
  useEffect(() => () => mark(source, null), [mark, source])
}

/** Wraps a navigation so it asks before dropping unsaved edits (see useUnsavedChanges). */
export function useGuardedLeave(): (leave: () => void) => void {
  return useRegistry().guard
}
