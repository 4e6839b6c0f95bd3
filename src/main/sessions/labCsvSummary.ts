import type { ImportWarning } from '../../shared/sessions/importIssues'

// Apart from readLabCsv.ts so that the byte reader does not load Papa Parse with it.

export interface LabCsvSummary {
  rows: number
  validRows: number
  issueCount: number
  warnings: ImportWarning[]
}

/** Bytes per read; readLabCsvFast mirrors how the first read picks the newline. */
export const READ_BYTES = 1 << 18
