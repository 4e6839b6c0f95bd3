type TypedArray = Float64Array | Int32Array | Uint32Array | Uint16Array

/** A copy of `array` at least `atLeast` long, doubling so appends stay amortised O(1). */
export function growTypedArray<T extends TypedArray>(array: T, atLeast: number): T {
  let length = Math.max(1, array.length * 2)
  while (length < atLeast) length *= 2
  const next = new (array.constructor as new (n: number) => T)(length)
  next.set(array)
  return next
}
