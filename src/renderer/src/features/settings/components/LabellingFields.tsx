import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import type { AppSettings } from '@shared/settings/settingsSchema'

type Labelling = AppSettings['labelling']
const SOURCES: Labelling['source'][] = ['model', 'lexicon']

/** Who labels calls: a small model through the provider's key, or the offline lexicons. */
export function LabellingFields({
  value,
  onChange
}: {
  value: Labelling
  onChange: (labelling: Labelling) => void
}): JSX.Element {
  const { t } = useTranslation('settings')
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2}>
        <TextField
          select
          label={t('screen.labelling.source')}
          size="small"
          value={value.source}
          onChange={(event) =>
            onChange({ ...value, source: event.target.value as Labelling['source'] })
          }
          sx={{ width: 300 }}
        >
          {SOURCES.map((source) => (
            <MenuItem key={source} value={source}>
              {t(`screen.labelling.${source}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('screen.labelling.modelName')}
          size="small"
          value={value.model}
          disabled={value.source === 'lexicon'}
          onChange={(event) => onChange({ ...value, model: event.target.value })}
          sx={{ width: 220 }}
        />
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('screen.labelling.help')}
      </Typography>
    </Stack>
  )
}
