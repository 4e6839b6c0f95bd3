import { describe, expect, it, vi } from 'vitest'
import { MainWindowKeeper } from '../../../src/main/windows/MainWindowKeeper'

const fakeWindow = () => {
  const state = { destroyed: false, minimized: false, calls: [] as string[] }
  return {
    state,
    isDestroyed: () => state.destroyed,
    isMinimized: () => state.minimized,
    restore: () => {
      state.minimized = false
      state.calls.push('restore')
    },
    show: () => state.calls.push('show'),
    focus: () => state.calls.push('focus')
  }
}

const keeper = () => {
  const opened: ReturnType<typeof fakeWindow>[] = []
  const open = vi.fn(() => {
    const window = fakeWindow()
    opened.push(window)
    return window
  })
  return { opened, open, windows: new MainWindowKeeper(open) }
}

describe('MainWindowKeeper', () => {
  it('opens no window before start-up has finished, and exactly one when it has', () => {
    const { open, windows } = keeper()
    // macOS emits activate on launch, possibly while the services are still being built.
    expect(windows.reveal()).toBeNull()
    expect(windows.reveal()).toBeNull()
    expect(open).not.toHaveBeenCalled()
    const first = windows.startUpFinished()
    expect(open).toHaveBeenCalledTimes(1)
    expect(windows.current).toBe(first)
  })

  it('brings the open window back instead of opening another', () => {
    const { open, opened, windows } = keeper()
    windows.startUpFinished()
    expect(windows.reveal()).toBe(opened[0])
    expect(windows.reveal()).toBe(opened[0])
    expect(open).toHaveBeenCalledTimes(1)
    expect(opened[0]!.state.calls).toEqual(['show', 'focus', 'show', 'focus'])
  })

  it('restores a minimised window before showing and focusing it', () => {
    const { opened, windows } = keeper()
    windows.startUpFinished()
    opened[0]!.state.minimized = true
    windows.reveal()
    expect(opened[0]!.state.calls).toEqual(['restore', 'show', 'focus'])
    expect(opened[0]!.state.minimized).toBe(false)
  })

  it('opens a new window once the last one was closed (macOS keeps running)', () => {
    const { open, opened, windows } = keeper()
    windows.startUpFinished()
    opened[0]!.state.destroyed = true
    expect(windows.current).toBeNull()
    const second = windows.reveal()
    expect(open).toHaveBeenCalledTimes(2)
    expect(second).toBe(opened[1])
    expect(windows.reveal()).toBe(second)
    expect(open).toHaveBeenCalledTimes(2)
  })
})
