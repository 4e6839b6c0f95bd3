import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import type { AppSettings } from '@shared/settings/settingsSchema'

type Pricing = AppSettings['pricing']

const TOKEN_PRICES: (keyof Omit<Pricing, 'liveSessionPerMinute'>)[] = [
  'audioInput',
  'audioOutput',
  'textInput',
  'textOutput',
  'cachedInput'
]

/**
 * List prices for the cost estimate, one row per engine: the two bill in different units
 * (Realtime by tokens, GPT-Live by session time), and each row says which.
 */
export function PricingFields({
  value,
  onChange
}: {
  value: Pricing
  onChange: (next: Pricing) => void
}): JSX.Element {
  const { t } = useTranslation('settings')
  const field = (key: keyof Pricing, step: number): JSX.Element => (
    <TextField
      key={key}
      label={t(`screen.prices.${key}`)}
      type="number"
      size="small"
      value={value[key]}
      slotProps={{ htmlInput: { step, min: 0 } }}
      onChange={(event) => onChange({ ...value, [key]: Number(event.target.value) })}
      sx={{ width: 150 }}
    />
  )
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {t('screen.prices.realtimeUnit')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
        {TOKEN_PRICES.map((key) => field(key, 0.1))}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t('screen.prices.liveUnit')}
      </Typography>
      <Stack direction="row">{field('liveSessionPerMinute', 0.01)}</Stack>
    </Stack>
  )
}
