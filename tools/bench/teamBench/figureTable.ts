/** A target a figure's median must meet: at most (times) or at least (throughputs) `value`. */
export interface Target {
  atMost?: number
  atLeast?: number
}

/** One line of the table: a figure measured once per run. */
export interface Figure {
  name: string
  unit: string
  samples: readonly number[]
  target: Target
  /** Decimals shown (default 0). */
  digits?: number
}

export interface Spread {
  median: number
  min: number
  max: number
}

/** Median (the mean of the middle two for an even count), min and max; throws on no samples. */
export function spread(samples: readonly number[]): Spread {
  if (samples.length === 0) throw new Error('a figure needs at least one sample')
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! }
}

/** Whether `value` meets the target (both bounds when both are given). */
export function meets(value: number, target: Target): boolean {
  return (
    (target.atMost === undefined || value <= target.atMost) &&
    (target.atLeast === undefined || value >= target.atLeast)
  )
}

const runs = (count: number): string => `${count} run${count === 1 ? '' : 's'}`

const number = (value: number, digits: number): string =>
  value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })

function targetText(target: Target, unit: string): string {
  const parts: string[] = []
  if (target.atLeast !== undefined) parts.push(`≥ ${number(target.atLeast, 0)}`)
  if (target.atMost !== undefined) parts.push(`≤ ${number(target.atMost, 0)}`)
  return `${parts.join(', ')} ${unit}`
}

/** The table's cells for each figure: name, median (min–max, runs), target, pass/fail. */
export function figureRows(figures: readonly Figure[]): string[][] {
  return figures.map((figure) => {
    const digits = figure.digits ?? 0
    const { median, min, max } = spread(figure.samples)
    const measured =
      `${number(median, digits)} ${figure.unit} ` +
      `(${number(min, digits)}–${number(max, digits)}, ${runs(figure.samples.length)})`
    return [
      figure.name,
      measured,
      targetText(figure.target, figure.unit),
      meets(median, figure.target) ? 'pass' : 'FAIL'
    ]
  })
}

/** Rows under a header, each column padded to its widest cell. */
export function formatTable(header: readonly string[], rows: readonly string[][]): string {
  const all = [header, ...rows]
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)))
  const line = (row: readonly string[]): string =>
    row
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}
