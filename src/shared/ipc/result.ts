import type { IpcIssue } from './ipcIssue'

export interface IpcFailure {
  code: 'forbidden' | 'unknown_route' | 'invalid_input' | 'invalid_output' | 'failed'
  message: string
  issues?: IpcIssue[]
}

/** Errors cross IPC as data: a thrown error would reach the renderer as a bare string. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: IpcFailure }
