import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CatalogStatus } from '@shared/catalog/catalogStatus'
import { catalogStatus } from '@renderer/test/catalogStatus'
import { ok } from '@renderer/test/mockApi'
import { FINISHED_HOLD_MS, useCatalogStatus } from './useCatalogStatus'

const withState = (state: CatalogStatus['index']['state']): CatalogStatus =>
  catalogStatus({ state })

/** window.api whose main-process events the test sends. */
function apiWithEvents(initial: CatalogStatus): (name: string, payload: unknown) => void {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const api = {
    request: vi.fn(async () => ok(initial)),
    on: (name: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(name) ?? new Set()
      set.add(listener)
      listeners.set(name, set)
      return () => set.delete(listener)
    }
  }
  Object.defineProperty(window, 'api', { value: api, configurable: true, writable: true })
  return (name, payload) => act(() => listeners.get(name)?.forEach((listener) => listener(payload)))
}

/** The hook mounted on a main whose status starts in `state`, once it has read it. */
async function watch(state: CatalogStatus['index']['state']) {
  const send = apiWithEvents(withState(state))
  const { result } = renderHook(() => useCatalogStatus())
  await waitFor(() => expect(result.current.status?.index.state).toBe(state))
  return { send, result }
}

describe('useCatalogStatus', () => {
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
    Reflect.deleteProperty(window, 'api')
  })

  it('holds a finished build for a moment, even one too fast to show a step', async () => {
    const { send, result } = await watch('ready')
    expect(result.current.justFinished).toBe(false)

    vi.useFakeTimers()
    send('catalog.changed', withState('building'))
    send('catalog.indexProgress', { phase: 'products', done: 10, total: 25 })
    expect(result.current.progress).toEqual({ phase: 'products', done: 10, total: 25 })
    send('catalog.changed', withState('ready'))
    expect(result.current.progress).toBeNull()
    expect(result.current.justFinished).toBe(true)

    act(() => vi.advanceTimersByTime(FINISHED_HOLD_MS - 1))
    expect(result.current.justFinished).toBe(true)
    act(() => vi.advanceTimersByTime(1))
    expect(result.current.justFinished).toBe(false)
  })

  it('does not claim success for a failed build, nor for a status that was never building', async () => {
    const { send, result } = await watch('stale')
    send('catalog.changed', withState('ready'))
    expect(result.current.justFinished).toBe(false)
    send('catalog.changed', withState('building'))
    send('catalog.changed', catalogStatus({ state: 'failed', error: 'x' }))
    expect(result.current.justFinished).toBe(false)
  })

  it('drops the hold when another build starts, or an import makes the index stale', async () => {
    const { send, result } = await watch('building')
    send('catalog.changed', withState('ready'))
    expect(result.current.justFinished).toBe(true)
    send('catalog.changed', withState('building'))
    expect(result.current.justFinished).toBe(false)
    send('catalog.changed', withState('ready'))
    expect(result.current.justFinished).toBe(true)
    send('catalog.changed', withState('stale'))
    expect(result.current.justFinished).toBe(false)
  })
})
