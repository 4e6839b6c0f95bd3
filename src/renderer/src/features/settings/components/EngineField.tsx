import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormLabel from '@mui/material/FormLabel'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import Typography from '@mui/material/Typography'
import { VOICE_ENGINES, type VoiceEngine } from '@shared/live-call/voiceEngine'

/**
 * The voice API this provider's calls run on, each choice with one line on when to pick it:
 * the choice is about deployments and figures, not a technical detail a user can guess.
 */
export function EngineField({
  value,
  onChange
}: {
  value: VoiceEngine
  onChange: (next: VoiceEngine) => void
}): JSX.Element {
  const { t } = useTranslation('settings')
  return (
    <FormControl data-testid="engine-field">
      <FormLabel id="engine-label">{t('engine.label')}</FormLabel>
      <RadioGroup
        aria-labelledby="engine-label"
        value={value}
        onChange={(event) => onChange(event.target.value as VoiceEngine)}
      >
        {VOICE_ENGINES.map((engine) => (
          <FormControlLabel
            key={engine}
            value={engine}
            control={<Radio size="small" />}
            label={
              <>
                <Typography variant="body2">{t(`engine.${engine}.name`)}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {t(`engine.${engine}.when`)}
                </Typography>
              </>
            }
            sx={{ alignItems: 'flex-start', mt: 0.5, '& .MuiRadio-root': { pt: 0.25 } }}
          />
        ))}
      </RadioGroup>
    </FormControl>
  )
}
