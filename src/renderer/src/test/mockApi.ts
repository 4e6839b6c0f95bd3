import { vi, type Mock } from 'vitest'
import type { Api } from '@shared/ipc/api'
import type { Result } from '@shared/ipc/contract'

type RequestMock = Mock<(route: string, input: unknown) => Promise<Result<unknown>>>

/**
 * Installs a fake window.api (the IPC boundary) answering each route from `answers`, in order
 * when an array is given. Unknown routes fail the way main's dispatch does.
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
  const api = { request, on: vi.fn(() => () => undefined) } as unknown as Api
  Object.defineProperty(window, 'api', { value: api, configurable: true, writable: true })
  return request
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })
