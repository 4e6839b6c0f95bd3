/** Precision and recall as the Rules tab prints them: two decimals, "—" when undefined. */
export const formatScore = (value: number | null): string =>
  value === null ? '—' : value.toFixed(2)
