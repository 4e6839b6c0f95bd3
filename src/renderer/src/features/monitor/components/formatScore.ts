import { numberFormat } from '@renderer/i18n'

/** Precision and recall as the Rules tab prints them: two decimals, "—" when undefined. */
export const formatScore = (value: number | null): string =>
  value === null
    ? '—'
    : numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)
