import type { SessionColumn } from './sessionColumns'

export interface FittedColumns {
  shown: SessionColumn[]
  /** Chosen columns left out for want of width, in the order they would show. */
  hidden: SessionColumn[]
}

/**
 * The chosen columns that fit `widthPx` with `reservePx` left over (for the match column), the
 * ones that give way first left out until they do: the table never scrolls sideways. Unknown
 * width (null): all of them.
 */
export function fitColumns(
  chosen: readonly SessionColumn[],
  widthPx: number | null,
  reservePx = 0
): FittedColumns {
  if (widthPx === null) return { shown: [...chosen], hidden: [] }
  const room = widthPx - reservePx
  let used = chosen.reduce((sum, c) => sum + c.width, 0)
  const out = new Set<SessionColumn>()
  const byGiveWay = [...chosen].sort((a, b) => a.giveWay - b.giveWay)
  for (const column of byGiveWay) {
    if (used <= room || column.giveWay === Infinity) break
    out.add(column)
    used -= column.width
  }
  return {
    shown: chosen.filter((c) => !out.has(c)),
    hidden: chosen.filter((c) => out.has(c))
  }
}
