/**
 * The web pages a link in the console may open in the user's browser. The console shows no
 * links today, so only the pages where a user gets the keys it asks for are listed; every other
 * URL (another site, http:, file:, a custom scheme that would start a program) is refused.
 */
export const EXTERNAL_LINK_ORIGINS: readonly string[] = [
  'https://platform.openai.com',
  'https://portal.azure.com'
]

export function isAllowedExternalLink(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  // No user:password@ (a disguise for the real host), and only the listed origins.
  if (parsed.username !== '' || parsed.password !== '') return false
  return parsed.protocol === 'https:' && EXTERNAL_LINK_ORIGINS.includes(parsed.origin)
}
