import { numberFormat } from '@renderer/i18n'

/** Catalog prices are in US dollars, shown with the UI language's number format. */
export const formatUsd = (amount: number): string =>
  numberFormat({ style: 'currency', currency: 'USD' }).format(amount)
