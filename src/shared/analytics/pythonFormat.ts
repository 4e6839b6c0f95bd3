/**
 * Python's f"{x:.Nf}": rounds the exact binary value, ties to even. JavaScript's toFixed rounds
 * exact ties away from zero, so 0.125 would print 0.13 where the lab prints 0.12.
 */
export function formatFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf'
  const exact = Math.abs(x).toFixed(Math.min(100, digits + 60))
  const cut = exact.indexOf('.') + 1 + digits
  const rest = exact.slice(digits === 0 ? cut - 1 : cut).replace('.', '')
  const isTie = /^50*$/.test(rest)
  if (!isTie) return x.toFixed(digits)
  const truncated = exact.slice(0, digits === 0 ? cut - 1 : cut)
  const lastDigit = Number(truncated.replace('.', '').slice(-1))
  // toFixed takes the larger magnitude on an exact tie, which is right when the last digit is odd.
  const magnitude = lastDigit % 2 === 0 ? truncated : Math.abs(x).toFixed(digits)
  return (x < 0 && Number(magnitude) !== 0 ? '-' : '') + magnitude
}

/**
 * A pandas Series the way the lab's expected output shows it: rounded half up by hand
 * (positive 0.625 → 0.63), unlike its f-strings (formatFixed).
 */
export const formatLabSeriesValue = (x: number, digits: number): string => x.toFixed(digits)
