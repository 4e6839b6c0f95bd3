import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import type { Provider, ProviderKind } from '@shared/settings/settingsSchema'

const KINDS: ProviderKind[] = ['openai', 'azure', 'custom', 'demo']

/** A provider of that kind with starting values for its fields. */
function providerOf(kind: ProviderKind): Provider {
  if (kind === 'azure') return { kind, endpoint: 'https://', deployment: '' }
  if (kind === 'custom') return { kind, baseUrl: 'http://127.0.0.1:8787/v1' }
  return { kind }
}

/**
 * OpenAI, Azure OpenAI (resource endpoint + deployment), any OpenAI-compatible base URL, or the
 * demo agent (the bundled simulator, run by main, nothing to configure).
 */
export function ProviderFields({
  value,
  onChange
}: {
  value: Provider
  onChange: (next: Provider) => void
}): JSX.Element {
  const { t } = useTranslation('settings')
  return (
    <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
      <TextField
        select
        label={t('provider.label')}
        size="small"
        value={value.kind}
        onChange={(event) => onChange(providerOf(event.target.value as ProviderKind))}
        // Grows with the chosen option's text (longer in es/fr) rather than cutting it.
        sx={{ minWidth: 400, maxWidth: '100%' }}
      >
        {KINDS.map((kind) => (
          <MenuItem key={kind} value={kind}>
            {t(`provider.${kind}`)}
          </MenuItem>
        ))}
      </TextField>
      {value.kind === 'azure' && (
        <>
          <TextField
            label={t('provider.endpoint')}
            size="small"
            value={value.endpoint}
            placeholder="https://my-resource.openai.azure.com"
            onChange={(event) => onChange({ ...value, endpoint: event.target.value })}
            sx={{ width: 360 }}
          />
          <TextField
            label={t('provider.deployment')}
            size="small"
            value={value.deployment}
            onChange={(event) => onChange({ ...value, deployment: event.target.value })}
            sx={{ width: 220 }}
          />
        </>
      )}
      {value.kind === 'custom' && (
        <TextField
          label={t('provider.baseUrl')}
          size="small"
          value={value.baseUrl}
          helperText={t('provider.baseUrlHelp')}
          onChange={(event) => onChange({ ...value, baseUrl: event.target.value })}
          sx={{ width: 360 }}
        />
      )}
    </Stack>
  )
}
