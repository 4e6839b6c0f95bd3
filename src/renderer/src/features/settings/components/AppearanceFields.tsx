import { useId, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormHelperText from '@mui/material/FormHelperText'
import FormLabel from '@mui/material/FormLabel'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import { useColorSchemeChoice } from '@renderer/app/useColorSchemeChoice'
import { COLOR_SCHEME_CHOICES, type ColorSchemeChoice } from '@renderer/app/colorScheme'

/**
 * System, light or dark. A display preference like the language: it applies at once and is
 * kept by this window, apart from the settings Save sends to main.
 */
export function AppearanceFields(): JSX.Element {
  const { t } = useTranslation('settings')
  const { choice, systemMode, choose } = useColorSchemeChoice()
  const labelId = useId()
  const helpId = useId()
  return (
    <FormControl data-testid="color-scheme">
      <FormLabel id={labelId}>{t('appearance.label')}</FormLabel>
      <RadioGroup
        row
        aria-labelledby={labelId}
        aria-describedby={helpId}
        value={choice}
        onChange={(event) => choose(event.target.value as ColorSchemeChoice)}
      >
        {COLOR_SCHEME_CHOICES.map((value) => (
          <FormControlLabel
            key={value}
            value={value}
            control={<Radio />}
            label={t(`appearance.${value}`)}
          />
        ))}
      </RadioGroup>
      <FormHelperText id={helpId} sx={{ mx: 0 }}>
        {t('appearance.help', { context: systemMode })} {t('appearance.applies')}
      </FormHelperText>
    </FormControl>
  )
}
