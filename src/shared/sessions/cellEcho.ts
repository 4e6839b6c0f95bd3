/** How many characters of a cell a message quotes; the rest is cut to "…". */
export const ECHO_CHARS = 60

/**
 * Longest cell the reader accepts, in characters: Excel's own cell limit (32,767), so nothing a
 * spreadsheet can hold is refused, while a runaway quote or a pasted blob is stopped before it
 * reaches the database or a message. Lab values are tens of characters.
 */
export const MAX_CELL_CHARS = 32_767

/**
 * Longest row the reader holds while looking for its end, in characters: far above any
 * valid row (11 cells at the limit plus generous extra columns), low enough that memory stays
 * bounded when a quote is never closed.
 */
export const MAX_ROW_CHARS = 4 << 20

// C0 and C1 controls, DEL, line/paragraph separators, bidirectional overrides, BOM: characters
// that move a terminal's cursor, recolour it or reorder the text around them.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`

/**
 * A cell's text as messages quote it: control characters spelled out (\u001b), at most
 * ECHO_CHARS characters then "…", so a hostile cell can neither drive a terminal nor flood it.
 */
export function echoCell(value: string): string {
  if (value.length <= ECHO_CHARS) return value.replace(UNSAFE, escape)
  let cut = value.slice(0, ECHO_CHARS)
  // Never leave half a surrogate pair.
  const last = cut.charCodeAt(cut.length - 1)
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1)
  return cut.replace(UNSAFE, escape) + '…'
}
