import { UI_LANGUAGES, type UiLanguage } from './resources'

const STORAGE_KEY = 'ui-language'

const isUiLanguage = (value: string | null | undefined): value is UiLanguage =>
  (UI_LANGUAGES as readonly string[]).includes(value ?? '')

/** The user's pick if any, else the first of the system's languages we have, else English. */
export function initialUiLanguage(
  stored: string | null = readStored(),
  preferred: readonly string[] = globalThis.navigator?.languages ?? []
): UiLanguage {
  if (isUiLanguage(stored)) return stored
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]
    if (isUiLanguage(base)) return base
  }
  return 'en'
}

/** A display preference of this window only, so it lives with the renderer, not in main. */
export function storeUiLanguage(language: UiLanguage): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language)
  } catch {
    // Storage can be unavailable (private mode, tests): the pick then lasts for this run.
  }
}

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null
  } catch {
    return null
  }
}
