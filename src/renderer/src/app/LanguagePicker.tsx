import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import TranslateIcon from '@mui/icons-material/Translate'
import Box from '@mui/material/Box'
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
      value={current}
      onChange={(event) => choose(event.target.value as UiLanguage)}
      slotProps={{
        select: {
          // Named apart from the screens' own "Language" filters; the icon says what it is.
          'aria-label': t('language.label'),
          // The rail is 72 px inside: the translate icon stands in for the arrow.
          IconComponent: () => null,
          sx: { '& .MuiSelect-select': { px: '10px !important' } },
          renderValue: (value) => (
            <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
              <TranslateIcon fontSize="small" />
              {String(value).toUpperCase()}
            </Box>
          )
        }
      }}
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
