import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { EMBEDDING_DIMENSIONS, type AppSettings } from '@shared/settings/settingsSchema'

type Embeddings = AppSettings['embeddings']
const SOURCES: Embeddings['source'][] = ['offline', 'provider']

/** The vectors behind hybrid search: offline word vectors, or the connection's endpoint. */
export function EmbeddingFields({
  value,
  onChange
}: {
  value: Embeddings
  onChange: (embeddings: Embeddings) => void
}): JSX.Element {
  const { t } = useTranslation('settings')
  const offline = value.source === 'offline'
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2}>
        <TextField
          select
          label={t('screen.embeddings.source')}
          size="small"
          value={value.source}
          onChange={(event) =>
            onChange({ ...value, source: event.target.value as Embeddings['source'] })
          }
          sx={{ width: 340 }}
        >
          {SOURCES.map((source) => (
            <MenuItem key={source} value={source}>
              {t(`screen.embeddings.${source}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('screen.embeddings.modelName')}
          size="small"
          value={value.model}
          disabled={offline}
          onChange={(event) => onChange({ ...value, model: event.target.value })}
          sx={{ width: 240 }}
        />
        <TextField
          select
          label={t('screen.embeddings.dimensions')}
          size="small"
          value={value.dimensions}
          disabled={offline}
          onChange={(event) =>
            onChange({
              ...value,
              dimensions: Number(event.target.value) as Embeddings['dimensions']
            })
          }
          sx={{ width: 140 }}
        >
          {EMBEDDING_DIMENSIONS.map((dimensions) => (
            <MenuItem key={dimensions} value={dimensions}>
              {dimensions}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('screen.embeddings.help')}
      </Typography>
    </Stack>
  )
}
