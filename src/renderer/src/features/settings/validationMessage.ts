import type { TFunction } from 'i18next'

// The schema's own messages (src/shared/settings/settingsSchema.ts), keyed for translation;
// zod's built-in messages pass through as they are.
const KNOWN = {
  'not a URL': 'notUrl',
  'must start with https://': 'httpsOnly',
  'must be https://, or http:// on 127.0.0.1 / localhost': 'httpsOrLoopback',
  'empty value': 'empty',
  'a two-letter code': 'twoLetterCode'
} as const

/** One invalid field as the form lists it: `path: message`, the message in the UI language. */
export function validationMessage(t: TFunction<'settings'>, path: string, message: string): string {
  const key = Object.hasOwn(KNOWN, message) ? KNOWN[message as keyof typeof KNOWN] : null
  return `${path}: ${key ? t(`validation.${key}`) : message}`
}
