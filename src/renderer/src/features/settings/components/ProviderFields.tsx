import type { JSX } from 'react'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import type { Provider } from '@shared/settings/settingsSchema'

/** OpenAI, Azure OpenAI (resource endpoint + deployment), or any OpenAI-compatible base URL. */
export function ProviderFields({
  value,
  onChange
}: {
  value: Provider
  onChange: (next: Provider) => void
}): JSX.Element {
  return (
    <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
      <TextField
        select
        label="Provider"
        size="small"
        value={value.kind}
        onChange={(event) => {
          const kind = event.target.value
          onChange(
            kind === 'azure'
              ? { kind, endpoint: 'https://', deployment: '' }
              : kind === 'custom'
                ? { kind, baseUrl: 'http://127.0.0.1:8787/v1' }
                : { kind: 'openai' }
          )
        }}
        sx={{ width: 260 }}
      >
        <MenuItem value="openai">OpenAI</MenuItem>
        <MenuItem value="azure">Azure OpenAI</MenuItem>
        <MenuItem value="custom">Custom (OpenAI-compatible, e.g. the local simulator)</MenuItem>
      </TextField>
      {value.kind === 'azure' && (
        <>
          <TextField
            label="Resource endpoint"
            size="small"
            value={value.endpoint}
            placeholder="https://my-resource.openai.azure.com"
            onChange={(event) => onChange({ ...value, endpoint: event.target.value })}
            sx={{ width: 360 }}
          />
          <TextField
            label="Deployment"
            size="small"
            value={value.deployment}
            onChange={(event) => onChange({ ...value, deployment: event.target.value })}
            sx={{ width: 220 }}
          />
        </>
      )}
      {value.kind === 'custom' && (
        <TextField
          label="Base URL"
          size="small"
          value={value.baseUrl}
          helperText="https://…, or http:// on 127.0.0.1 / localhost"
          onChange={(event) => onChange({ ...value, baseUrl: event.target.value })}
          sx={{ width: 360 }}
        />
      )}
    </Stack>
  )
}
