import { useEffect, useState } from 'react'
import type { Input, Output, RouteName } from '@shared/ipc/contract'
import { IpcError, request, toIpcError } from './ipc'

export interface RequestState<T> {
  data: T | undefined
  error: IpcError | null
  loading: boolean
}

interface Settled<T> {
  key: string
  data: T | undefined
  error: IpcError | null
}

/**
 * Fetches a route whenever its input (compared by value) or `refreshKey` changes. The previous
 * data stays visible while the next request runs, so figures do not flash on every keystroke.
 */
export function useRequest<R extends RouteName>(
  route: R,
  input: Input<R>,
  refreshKey = 0
): RequestState<Output<R>> {
  // Inputs cross IPC as plain data, so their JSON is a faithful identity for callers' fresh literals.
  const inputJson = JSON.stringify(input)
  const key = `${route}\u0000${inputJson}\u0000${refreshKey}`
  const [settled, setSettled] = useState<Settled<Output<R>> | null>(null)

  useEffect(() => {
    let current = true
    request(route, JSON.parse(inputJson) as Input<R>).then(
      (data) => current && setSettled({ key, data, error: null }),
      (error: unknown) =>
        current && setSettled({ key, data: undefined, error: toIpcError(route, error) })
    )
    return () => {
      current = false
    }
  }, [route, inputJson, key])

  return {
    data: settled?.data,
    error: settled?.error ?? null,
    loading: settled?.key !== key
  }
}
