import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import MenuItem from '@mui/material/MenuItem'
import TextField from '@mui/material/TextField'
import { UI_LANGUAGES, storeUiLanguage, type UiLanguage } from '@renderer/i18n'

/** The console's language (en/es/fr), remembered for the next start. */
export function LanguagePicker(): JSX.Element {
  const { t, i18n } = useTranslation()
  const current = (i18n.resolvedLanguage ?? 'en') as UiLanguage
  const choose = (language: UiLanguage): void => {
    storeUiLanguage(language)
    void i18n.changeLanguage(language)
    document.documentElement.lang = language
  }
  return (
    <TextField
      select
      size="small"
      label={t('language.label')}
      value={current}
      onChange={(event) => choose(event.target.value as UiLanguage)}
      slotProps={{ select: { renderValue: (value) => String(value).toUpperCase() } }}
      data-testid="ui-language"
    >
      {UI_LANGUAGES.map((language) => (
        <MenuItem key={language} value={language} lang={language}>
          {t(`language.${language}`)}
        </MenuItem>
      ))}
    </TextField>
  )
}
