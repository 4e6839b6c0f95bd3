const usd = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' })

/** Catalog prices are in US dollars, shown with the user's number format. */
export const formatUsd = (amount: number): string => usd.format(amount)
