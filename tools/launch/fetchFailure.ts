/** One failed request, as recordFetchFailure.mjs writes it (a JSON line). */
export type FetchFailure =
  | { url: string; status: number; statusText: string }
  | { url: string; code: string | undefined; detail: string }

export function parseFetchFailures(jsonLines: string): FetchFailure[] {
  return jsonLines
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FetchFailure)
}

/** "connect ECONNREFUSED 127.0.0.1:9", "HTTP 404 Not Found"; the code when the text lacks it. */
export function describeFetchFailure(failure: FetchFailure): string {
  if ('status' in failure) return `HTTP ${failure.status} ${failure.statusText}`.trim()
  const { code, detail } = failure
  if (!code || detail.includes(code)) return detail
  return detail ? `${code}: ${detail}` : code
}
