import type { Input, IpcFailure, Output, Result, RouteName } from '@shared/ipc/contract'

export type IpcErrorCode = IpcFailure['code']
export type IpcIssue = NonNullable<IpcFailure['issues']>[number]

/** A failed request, typed: main's failures arrive as data and are rethrown here. */
export class IpcError extends Error {
  readonly code: IpcErrorCode
  readonly issues: IpcIssue[]

  constructor(
    readonly route: RouteName,
    failure: IpcFailure
  ) {
    super(failure.message)
    this.name = 'IpcError'
    this.code = failure.code
    this.issues = failure.issues ?? []
  }
}

/** Calls a route and returns its data; every failure, even a broken transport, is an IpcError. */
export async function request<R extends RouteName>(route: R, input: Input<R>): Promise<Output<R>> {
  let result: Result<Output<R>>
  try {
    result = await window.api.request(route, input)
  } catch (error) {
    throw new IpcError(route, { code: 'failed', message: messageOf(error) })
  }
  if (!result.ok) throw new IpcError(route, result.error)
  return result.data
}

/** Anything caught from a request, as an IpcError the UI can show. */
export const toIpcError = (route: RouteName, error: unknown): IpcError =>
  error instanceof IpcError
    ? error
    : new IpcError(route, { code: 'failed', message: messageOf(error) })

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)
