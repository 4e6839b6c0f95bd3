import { fireEvent, render } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import {
  CALL_SHORTCUTS,
  ariaKeyShortcuts,
  callShortcutOf,
  chordLabel,
  isMac,
  type CallShortcutAction
} from './callShortcuts'
import { useCallShortcuts } from './useCallShortcuts'

const chord = (key: string, over: Partial<Parameters<typeof callShortcutOf>[0]> = {}) => ({
  key,
  ctrlKey: true,
  metaKey: false,
  shiftKey: true,
  altKey: false,
  repeat: false,
  ...over
})

describe('the Live call screen’s key chords', () => {
  it('reads Ctrl+Shift or ⌘⇧ with the letter printed on the key, in any case', () => {
    expect(callShortcutOf(chord('M'))).toBe('mute')
    expect(callShortcutOf(chord('m'))).toBe('mute')
    expect(callShortcutOf(chord('E', { ctrlKey: false, metaKey: true }))).toBe('hangUp')
    expect(callShortcutOf(chord('Enter'))).toBe('call')
    expect(callShortcutOf(chord('S'))).toBe('stopAgent')
  })

  it('ignores other chords: no Shift, Alt, both modifiers, a held key, another letter', () => {
    expect(callShortcutOf(chord('m', { shiftKey: false }))).toBeNull()
    expect(callShortcutOf(chord('m', { altKey: true }))).toBeNull()
    expect(callShortcutOf(chord('m', { metaKey: true }))).toBeNull()
    expect(callShortcutOf(chord('m', { ctrlKey: false }))).toBeNull()
    expect(callShortcutOf(chord('m', { repeat: true }))).toBeNull()
    expect(callShortcutOf(chord('i'))).toBeNull()
  })

  it('labels each chord for the platform and for screen readers', () => {
    const mute = CALL_SHORTCUTS.find((s) => s.action === 'mute')!
    expect(chordLabel(mute, false)).toBe('Ctrl+Shift+M')
    expect(chordLabel(mute, true)).toBe('⌘⇧M')
    expect(ariaKeyShortcuts(mute)).toBe('Control+Shift+M Meta+Shift+M')
    expect(isMac('MacIntel')).toBe(true)
    expect(isMac('Linux x86_64')).toBe(false)
    // One chord per action, no chord twice.
    expect(new Set(CALL_SHORTCUTS.map((s) => s.key)).size).toBe(CALL_SHORTCUTS.length)
  })

  it('runs the action from anywhere in the window and keeps the key from the page when it ran', () => {
    const run = vi.fn((action: CallShortcutAction) => action !== 'hangUp')
    function Screen(): null {
      useCallShortcuts(run)
      return null
    }
    const { unmount } = render(<Screen />)
    const mute = new KeyboardEvent('keydown', {
      key: 'M',
      ctrlKey: true,
      shiftKey: true,
      cancelable: true
    })
    window.dispatchEvent(mute)
    expect(run).toHaveBeenLastCalledWith('mute')
    expect(mute.defaultPrevented).toBe(true)
    // Not applicable now (no call to hang up): the key goes on as usual.
    const hangUp = new KeyboardEvent('keydown', {
      key: 'E',
      ctrlKey: true,
      shiftKey: true,
      cancelable: true
    })
    window.dispatchEvent(hangUp)
    expect(run).toHaveBeenLastCalledWith('hangUp')
    expect(hangUp.defaultPrevented).toBe(false)
    fireEvent.keyDown(window, { key: 'x', ctrlKey: true, shiftKey: true })
    expect(run).toHaveBeenCalledTimes(2)
    unmount()
    fireEvent.keyDown(window, { key: 'M', ctrlKey: true, shiftKey: true })
    expect(run).toHaveBeenCalledTimes(2)
  })
})
