/**
 * `rows` sorted by `compare`: a bottom-up merge sort over one scratch Uint32Array, in place of
 * TypedArray#sort with a comparator, which copies the elements onto the V8 heap first (at 10M
 * sessions out of id order that copy, twice for the text's two passes, cost ~100 MB of peak).
 * Neighbouring runs already in order are copied, not merged: a file in id order but for a few
 * rows costs little more than the copies. Returns `rows` or the start of `scratch` (at least as
 * long as `rows`), either one overwritten.
 */
export function sortRows(
  rows: Uint32Array,
  compare: (a: number, b: number) => number,
  scratch: Uint32Array = new Uint32Array(rows.length)
): Uint32Array {
  const n = rows.length
  let from = rows
  let to = scratch.subarray(0, n)
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n)
      const hi = Math.min(lo + 2 * width, n)
      if (mid === hi || compare(from[mid - 1]!, from[mid]!) < 0) {
        if (hi - lo > 64) to.set(from.subarray(lo, hi), lo)
        else for (let i = lo; i < hi; i++) to[i] = from[i]!
        continue
      }
      let i = lo
      let j = mid
      let k = lo
      while (i < mid && j < hi) to[k++] = compare(from[i]!, from[j]!) <= 0 ? from[i++]! : from[j++]!
      while (i < mid) to[k++] = from[i++]!
      while (j < hi) to[k++] = from[j++]!
    }
    const swap = from
    from = to
    to = swap
  }
  return from
}
