import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { resources, type UiLanguage } from './resources'
import { initialUiLanguage } from './uiLanguage'

/**
 * Starts i18next once, synchronously (the resources are bundled: no loading state, no flash of
 * keys). React components read strings with `useTranslation('<feature>')`.
 */
export function initI18n(language: UiLanguage = initialUiLanguage()): typeof i18next {
  if (i18next.isInitialized) return i18next
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'es', 'fr'],
    defaultNS: 'common',
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false
  })
  return i18next
}

export { i18next }
