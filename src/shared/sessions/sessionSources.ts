/** Where a stored session came from (apart so that labSchema and storedSessionSchema share it). */
export const SESSION_SOURCES = ['seed', 'import', 'live'] as const
export type SessionSource = (typeof SESSION_SOURCES)[number]
