// Rows arrive from a driver as records (or arrays) of unknown values. Each table's mapper reads
// its columns through these narrowing readers once, so nothing above the database layer casts a
// row: a column of the wrong type (a hand-edited file, a schema drift) fails loudly here, with
// the table and column named, instead of travelling on as a lie. Each check is one typeof: the
// hot paths (report columns, event appends) keep their speed.

/** A driver's row: column name → value. */
export type Row = Record<string, unknown>

export class RowShapeError extends Error {}

const fail = (table: string, column: string, wanted: string, value: unknown): never => {
  throw new RowShapeError(`${table}.${column}: expected ${wanted}, got ${typeof value}`)
}

/** Reads the columns of one table's rows. */
export interface ColumnReader {
  text(row: Row, column: string): string
  textOrNull(row: Row, column: string): string | null
  number(row: Row, column: string): number
  numberOrNull(row: Row, column: string): number | null
  /** An INTEGER 0/1 column. */
  flag(row: Row, column: string): boolean
  flagOrNull(row: Row, column: string): boolean | null
  /** A text column whose CHECK (or writer) allows only `values`. */
  oneOf<T extends string>(row: Row, column: string, values: readonly T[]): T
  oneOfOrNull<T extends string>(row: Row, column: string, values: readonly T[]): T | null
}

/** The readers for `table`'s columns (the name goes into every error). */
export function columnsOf(table: string): ColumnReader {
  const text = (row: Row, column: string): string => {
    const value = row[column]
    return typeof value === 'string' ? value : fail(table, column, 'text', value)
  }
  const textOrNull = (row: Row, column: string): string | null => {
    const value = row[column]
    return value === null || typeof value === 'string'
      ? value
      : fail(table, column, 'text or NULL', value)
  }
  const number = (row: Row, column: string): number => {
    const value = row[column]
    return typeof value === 'number' ? value : fail(table, column, 'a number', value)
  }
  const numberOrNull = (row: Row, column: string): number | null => {
    const value = row[column]
    return value === null || typeof value === 'number'
      ? value
      : fail(table, column, 'a number or NULL', value)
  }
  const oneOf = <T extends string>(row: Row, column: string, values: readonly T[]): T => {
    const value = row[column]
    return (values as readonly unknown[]).includes(value)
      ? (value as T)
      : fail(table, column, values.join(' | '), value)
  }
  return {
    text,
    textOrNull,
    number,
    numberOrNull,
    flag: (row, column) => number(row, column) === 1,
    flagOrNull: (row, column) => {
      const value = numberOrNull(row, column)
      return value === null ? null : value === 1
    },
    oneOf,
    oneOfOrNull: (row, column, values) => (row[column] === null ? null : oneOf(row, column, values))
  }
}

/** One element of a row read as an array (statements that return arrays). */
export function textAt(row: unknown[], index: number, what: string): string {
  const value = row[index]
  return typeof value === 'string' ? value : fail(what, String(index), 'text', value)
}

export function numberAt(row: unknown[], index: number, what: string): number {
  const value = row[index]
  return typeof value === 'number' ? value : fail(what, String(index), 'a number', value)
}
