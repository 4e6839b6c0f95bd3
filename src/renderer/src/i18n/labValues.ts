import { useMemo } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { KNOWN_VALUES } from '@shared/sessions/labSchema'
import { SESSION_SOURCES } from '@shared/sessions/sessionSources'
import { languageNames } from './intl'

/** Columns whose stored values are codes (`product_inquiry`, `negative`, `es`, `seed`). */
export type LabValueColumn = 'scenario' | 'sentiment' | 'language' | 'source'

/**
 * A stored code in the reader's words; a value the lab does not document shows as stored. The
 * short form is for narrow table cells (a scenario's one word), the full one everywhere else.
 */
export type LabValueLabel = (
  column: LabValueColumn,
  value: string,
  form?: 'full' | 'short'
) => string

const known = (list: readonly string[] | undefined, value: string): boolean =>
  list?.includes(value) ?? false

function languageName(uiLanguage: string, code: string): string | undefined {
  try {
    return languageNames(uiLanguage).of(code)
  } catch {
    // Not a language tag at all (an imported "english"): it is data, shown as stored.
    return undefined
  }
}

/**
 * The labeller for one UI language. Scenario, sentiment and source codes come from the locale
 * files; languages from the runtime's own names (`Intl.DisplayNames`), so "es" reads "Spanish",
 * "español" or "espagnol" without a table of our own. Used by tables, filters, charts and exports
 * on screen; CSV files and the CLI keep the codes.
 */
export function labValueLabeller(t: TFunction<'common'>, uiLanguage: string): LabValueLabel {
  return (column, value, form = 'full') => {
    switch (column) {
      case 'scenario':
        if (!known(KNOWN_VALUES.scenario, value)) return value
        return form === 'short'
          ? t(`labValues.scenarioShort.${value as 'faq'}`)
          : t(`labValues.scenario.${value as 'faq'}`)
      case 'sentiment':
        return known(KNOWN_VALUES.sentiment, value)
          ? t(`labValues.sentiment.${value as 'neutral'}`)
          : value
      case 'source':
        return known(SESSION_SOURCES, value) ? t(`labValues.source.${value as 'seed'}`) : value
      case 'language':
        if (value === 'und') return t('labValues.language.und')
        return languageName(uiLanguage, value) ?? value
    }
  }
}

/** `labValueLabeller` for the current UI language, stable until the language changes. */
export function useLabValueLabel(): LabValueLabel {
  const { t, i18n } = useTranslation('common')
  const language = i18n.resolvedLanguage ?? 'en'
  return useMemo(() => labValueLabeller(t, language), [t, language])
}
