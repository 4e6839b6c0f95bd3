import { act } from '@testing-library/react'
import { vi, type Mock } from 'vitest'
import type { Api } from '@shared/ipc/api'
import type { EventName, Events, Result } from '@shared/ipc/contract'

type RequestMock = Mock<(route: string, input: unknown) => Promise<Result<unknown>>>
type Listener = (payload: unknown) => void

/** Listeners the components gave window.api.on, by event: what main's events reach. */
let listeners = new Map<string, Set<Listener>>()

/**
 * Installs a fake window.api (the IPC boundary) answering each route from `answers`, in order
 * when an array is given. Unknown routes fail the way main's dispatch does. Its `on` keeps the
 * listeners (until they unsubscribe), so `emit` can play main's events to them.
 */
export function mockApi(answers: Record<string, Result<unknown> | Result<unknown>[]>): RequestMock {
  const queues = new Map(
    Object.entries(answers).map(([route, answer]) => [
      route,
      Array.isArray(answer) ? [...answer] : answer
    ])
  )
  const request: RequestMock = vi.fn(async (route: string) => {
    const answer = queues.get(route)
    if (answer === undefined)
      return { ok: false, error: { code: 'unknown_route', message: `no mock for ${route}` } }
    if (!Array.isArray(answer)) return answer
    const next = answer.shift()
    if (!next) throw new Error(`mock for ${route} ran out of answers`)
    return next
  })
  const subscribed = new Map<string, Set<Listener>>()
  listeners = subscribed
  const on = vi.fn((name: string, listener: Listener) => {
    const set = subscribed.get(name) ?? new Set<Listener>()
    subscribed.set(name, set)
    set.add(listener)
    return () => void set.delete(listener)
  })
  const api = { request, on } as unknown as Api
  Object.defineProperty(window, 'api', { value: api, configurable: true, writable: true })
  return request
}

/** Main sends an event: every listener subscribed now gets it, inside act as React expects. */
export function emit<E extends EventName>(name: E, payload: Events[E]): void {
  act(() => {
    for (const listener of [...(listeners.get(name) ?? [])]) listener(payload)
  })
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })
