/** Code-unit order of two strings (SQL's BINARY collation for ASCII), not the locale's. */
export const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
