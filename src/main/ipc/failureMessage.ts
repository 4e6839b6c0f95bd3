/**
 * What the renderer reads when a handler throws. Messages main writes for the user (a validation
 * refusal, a stale import token, the provider's answer) pass, with any absolute path cut to its
 * file name; the raw text of a system, SQLite or programming error (paths, SQL, stack-ish
 * detail) never does: it becomes one of these fixed sentences, and the details go to main's log.
 */
export const FIXED_FAILURES = {
  diskFull: 'The disk is full: free some space, then try again',
  fileAccess: 'The console may not read or write one of its files (details in the log)',
  fileSystem: 'A file could not be read or written (details in the log)',
  database: 'The session database could not do this (details in the log)',
  internal: 'Something went wrong inside the console (details in the log)'
} as const

const MAX_MESSAGE_CHARS = 1000

/** Errors the JavaScript engine throws for bugs: their text is about code, not the user. */
const ENGINE_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError]

export function failureMessage(error: unknown): string {
  if (!(error instanceof Error)) return FIXED_FAILURES.internal
  const system = systemFailure(error)
  if (system) return system
  if (ENGINE_ERRORS.some((kind) => error.constructor === kind)) return FIXED_FAILURES.internal
  // A system error re-thrown as a plain Error (from a worker thread) keeps only its text.
  if (/^E[A-Z]{2,}: /.test(error.message)) return FIXED_FAILURES.fileSystem
  return withoutPaths(error.message).slice(0, MAX_MESSAGE_CHARS)
}

/**
 * Node's system and library errors carry an errno name or an ERR_ code (ENOENT, ERR_SQLITE_ERROR,
 * …), or errno/syscall. Other codes are an API's own (the OpenAI SDK's 'invalid_api_key'), whose
 * messages are written for people and pass.
 */
function systemFailure(error: Error): string | undefined {
  const { code, errno, syscall } = error as { code?: unknown; errno?: unknown; syscall?: unknown }
  const name = typeof code === 'string' ? code : ''
  const nodeCode =
    /^E[A-Z0-9]+$/.test(name) || name.startsWith('ERR_') || name.startsWith('SQLITE_')
  if (!nodeCode && errno === undefined && syscall === undefined) return undefined
  if (name === 'ENOSPC' || name === 'EDQUOT') return FIXED_FAILURES.diskFull
  if (['EACCES', 'EPERM', 'EROFS'].includes(name)) return FIXED_FAILURES.fileAccess
  if (name.startsWith('ERR_SQLITE') || name.startsWith('SQLITE_')) return FIXED_FAILURES.database
  if (syscall !== undefined || /^E[A-Z0-9]+$/.test(name)) return FIXED_FAILURES.fileSystem
  return FIXED_FAILURES.internal
}

// An absolute path after a start, space, quote, bracket, '=' or ':' (POSIX with at least one
// folder, Windows drive or UNC, file: URL). URLs (https://host/…) are left alone.
const ABSOLUTE_PATH =
  /(?<=^|[\s'"`([=:])(?:file:\/\/\/?[^\s'"`)\]]+|[A-Za-z]:\\[^\s'"`)\]]+|\\\\[^\s'"`)\]]+|\/(?:[^\s'"`()[\]/]+\/)+[^\s'"`()[\]]*)/g

/** Each absolute path in `text` reduced to its last part (the file the user knows). */
export function withoutPaths(text: string): string {
  return text.replace(ABSOLUTE_PATH, (path) => {
    const parts = path.split(/[\\/]+/).filter((part) => part !== '')
    return parts.at(-1) ?? ''
  })
}
