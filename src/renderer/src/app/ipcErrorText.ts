import type { TFunction } from 'i18next'
import { plainNumber } from '@renderer/i18n'
import { en } from '@renderer/i18n/resources'
import type { IpcIssue } from '@shared/ipc/ipcIssue'
import { failedReasonOf } from '@shared/ipc/result'
import type { IpcError } from './ipc'

type Errors = TFunction<'errors'>
type TypeName = keyof typeof en.errors.ipc.type

/**
 * What went wrong, in the UI language when main's sentence is one the UI knows (refused,
 * unknown or invalid requests, a handler's fixed sentences); any other `failed` message (a
 * wrapped library or network error) stays as main wrote it.
 */
export function ipcErrorMessage(error: IpcError, t: Errors): string {
  const route = error.route
  switch (error.code) {
    case 'forbidden':
      return t('ipc.message.forbidden')
    case 'unknown_route':
      return t('ipc.message.unknownRoute', { route })
    case 'invalid_input':
      return t('ipc.message.invalidInput', { route })
    case 'invalid_output':
      return t('ipc.message.invalidOutput', { route })
    case 'failed':
      return failureText(error.message, t)
    default:
      return error.message
  }
}

/** One of main's fixed sentences in the UI language; any other failure text as it came. */
export function failureText(message: string, t: Errors): string {
  const reason = failedReasonOf(message)
  return reason ? t(`ipc.failed.${reason}`) : message
}

/** "limit: Too big: expected number to be <=500" in the UI language; zod's English otherwise. */
export function ipcIssueText(issue: IpcIssue, t: Errors): string {
  const text = translatedIssue(issue, t) ?? issue.message
  return issue.path ? `${issue.path}: ${text}` : text
}

function translatedIssue(issue: IpcIssue, t: Errors): string | undefined {
  const params = issue.params ?? {}
  switch (issue.code) {
    case 'invalid_type': {
      const { expected, received } = params
      if (typeof expected !== 'string' || typeof received !== 'string') return undefined
      return t('ipc.issue.invalidType', {
        expected: typeName(expected, t),
        received: typeName(received, t)
      })
    }
    case 'unrecognized_keys': {
      const { keys, count } = params
      if (typeof keys !== 'string' || typeof count !== 'number') return undefined
      return t('ipc.issue.unrecognizedKeys', { keys, count })
    }
    case 'too_big':
    case 'too_small': {
      const { limit, inclusive } = params
      if (typeof limit !== 'number') return undefined
      // Ungrouped, as zod prints it: "<=100000".
      const shown = plainNumber(limit)
      const bound = inclusive === true ? 'inclusive' : 'exclusive'
      return issue.code === 'too_big'
        ? t(`ipc.issue.tooBig.${bound}`, { limit: shown })
        : t(`ipc.issue.tooSmall.${bound}`, { limit: shown })
    }
    default:
      return undefined
  }
}

/** zod's type names in the UI language; names the UI does not list are shown as zod says them. */
const typeName = (name: string, t: Errors): string =>
  Object.hasOwn(en.errors.ipc.type, name) ? t(`ipc.type.${name as TypeName}`) : name
