/** Ids up to this long show whole; longer ones fold their middle. */
const WHOLE_UP_TO = 16
const HEAD = 5
const TAIL = 11

/**
 * An id in three parts, the middle one to fold on screen: "LIVE-" + "20261206-" + "143012-a3f9".
 * A live call's id (LIVE-yyyymmdd-hhmmss-xxxx) keeps its kind and what tells it from the calls
 * of the same day (time and random suffix); the date is in the Started column. Imported ids
 * keep their first and last characters, where the ones people make differ.
 */
export function compactSessionId(id: string): { head: string; middle: string; tail: string } {
  if (id.length <= WHOLE_UP_TO) return { head: id, middle: '', tail: '' }
  return { head: id.slice(0, HEAD), middle: id.slice(HEAD, -TAIL), tail: id.slice(-TAIL) }
}
