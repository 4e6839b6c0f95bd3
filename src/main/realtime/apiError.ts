/** The `error.message` of an OpenAI/Azure-style error body, or null when there is none. */
export function apiErrorMessage(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } }
    return typeof parsed.error?.message === 'string' ? parsed.error.message : null
  } catch {
    return null
  }
}

/** Why a fetch failed to reach the server (undici hides the reason in `cause`). */
export function networkCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  return error.cause instanceof Error ? error.cause.message : error.message
}
