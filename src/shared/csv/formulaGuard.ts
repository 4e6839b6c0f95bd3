const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Spreadsheets run a cell that starts with = + - @ (or tab/CR) as a formula. Text cells from
 * callers' transcripts or imported files are prefixed with an apostrophe so they stay text.
 */
export const neutraliseFormula = (text: string): string =>
  FORMULA_START.test(text) ? `'${text}` : text
