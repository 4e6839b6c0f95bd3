/** The Live call screen's actions a key chord reaches from anywhere on the screen. */
export type CallShortcutAction = 'call' | 'hangUp' | 'mute' | 'stopAgent'

export interface CallShortcut {
  action: CallShortcutAction
  /** `KeyboardEvent.key`, lower case for letters: the letter printed on the key, any layout. */
  key: string
  /** As shown on screen after the modifiers. */
  label: string
}

/**
 * Ctrl+Shift (⌘⇧ on a Mac) with a letter: no text field takes such a chord, and none of them is
 * Chromium's or Electron's own (the DevTools chords are I, J and C).
 */
export const CALL_SHORTCUTS: readonly CallShortcut[] = [
  { action: 'call', key: 'enter', label: 'Enter' },
  { action: 'hangUp', key: 'e', label: 'E' },
  { action: 'mute', key: 'm', label: 'M' },
  { action: 'stopAgent', key: 's', label: 'S' }
]

/** The part of a keydown event a chord is read from. */
export interface KeyChord {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
  repeat: boolean
}

/** The action a keydown asks for, or null: Ctrl or ⌘ (not both), Shift, no Alt, not held down. */
export function callShortcutOf(chord: KeyChord): CallShortcutAction | null {
  if (chord.repeat || chord.altKey || !chord.shiftKey) return null
  if (chord.ctrlKey === chord.metaKey) return null
  const key = chord.key.toLowerCase()
  return CALL_SHORTCUTS.find((shortcut) => shortcut.key === key)?.action ?? null
}

/** How a chord reads on this platform: "Ctrl+Shift+M", or "⌘⇧M" on a Mac. */
export function chordLabel(shortcut: CallShortcut, mac: boolean): string {
  return mac ? `⌘⇧${shortcut.label}` : `Ctrl+Shift+${shortcut.label}`
}

/** The `aria-keyshortcuts` value (both platforms' modifier, as ARIA spells them). */
export function ariaKeyShortcuts(shortcut: CallShortcut): string {
  return `Control+Shift+${shortcut.label} Meta+Shift+${shortcut.label}`
}

export function shortcutFor(action: CallShortcutAction): CallShortcut {
  return CALL_SHORTCUTS.find((shortcut) => shortcut.action === action)!
}

/** Whether the console runs on a Mac (the chord's modifier is ⌘ there). */
export function isMac(platform: string = globalThis.navigator?.platform ?? ''): boolean {
  return /^mac/i.test(platform)
}
