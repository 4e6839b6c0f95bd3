import type { JSX, ReactNode } from 'react'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import LinearProgress from '@mui/material/LinearProgress'
import MenuItem from '@mui/material/MenuItem'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { VOICES, type AppSettings } from '@shared/settings/settingsSchema'
import { DEFAULT_INSTRUCTIONS } from '@shared/settings/defaultInstructions'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { useSettingsForm } from '../hooks/useSettingsForm'
import { ApiKeyField } from './ApiKeyField'
import { ProviderFields } from './ProviderFields'
import { TestConnectionButton } from './TestConnectionButton'
import { TurnDetectionFields } from './TurnDetectionFields'

const PRICES: { field: keyof AppSettings['pricing']; label: string }[] = [
  { field: 'audioInput', label: 'Audio in' },
  { field: 'audioOutput', label: 'Audio out' },
  { field: 'textInput', label: 'Text in' },
  { field: 'textOutput', label: 'Text out' },
  { field: 'cachedInput', label: 'Cached in' }
]

/** Provider and key, the voice agent's session, its instructions, and prices for cost estimates. */
export function SettingsScreen(): JSX.Element {
  const form = useSettingsForm()
  const { draft, secrets, invalid } = form
  if (!draft || !secrets)
    return (
      <Stack sx={{ flex: 1, p: 2 }}>
        {form.error ? (
          <IpcErrorAlert error={form.error} />
        ) : (
          <LinearProgress aria-label="Loading settings" />
        )}
      </Stack>
    )
  const secretName =
    draft.provider.kind === 'azure'
      ? 'azure'
      : draft.provider.kind === 'custom'
        ? 'custom'
        : 'openai'
  const problems = [...invalid].map(([path, message]) => `${path}: ${message}`)

  return (
    <Stack spacing={2} sx={{ flex: 1, minWidth: 0, p: 2, overflow: 'auto' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          Settings
        </Typography>
        <Button onClick={form.reset} disabled={!form.dirty}>
          Discard changes
        </Button>
        <Button
          variant="contained"
          onClick={() => void form.save()}
          disabled={!form.dirty || invalid.size > 0}
        >
          Save settings
        </Button>
      </Stack>
      {form.problem && <Alert severity="warning">{form.problem}</Alert>}
      {form.error && <IpcErrorAlert error={form.error} />}
      {problems.length > 0 && (
        <Alert severity="error" data-testid="settings-invalid">
          {problems.join(' · ')}
        </Alert>
      )}

      <Section title="Connection">
        <ProviderFields value={draft.provider} onChange={(provider) => form.edit({ provider })} />
        <ApiKeyField
          name={secretName}
          label={draft.provider.kind === 'azure' ? 'Azure OpenAI key' : 'API key'}
          status={secrets}
          onChanged={form.refreshSecrets}
        />
        <TestConnectionButton disabled={form.dirty} />
        {form.dirty && (
          <Typography variant="caption" color="text.secondary">
            Save the settings to test the connection with them.
          </Typography>
        )}
      </Section>

      <Section title="Voice agent">
        <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
          <TextField
            label={draft.provider.kind === 'azure' ? 'Model (Azure uses the deployment)' : 'Model'}
            size="small"
            value={draft.model}
            onChange={(event) => form.edit({ model: event.target.value })}
            sx={{ width: 260 }}
          />
          <TextField
            select
            label="Voice"
            size="small"
            value={draft.voice}
            onChange={(event) => form.edit({ voice: event.target.value as AppSettings['voice'] })}
            sx={{ width: 160 }}
          >
            {VOICES.map((voice) => (
              <MenuItem key={voice} value={voice}>
                {voice}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label="Noise reduction"
            size="small"
            value={draft.noiseReduction}
            onChange={(event) =>
              form.edit({ noiseReduction: event.target.value as AppSettings['noiseReduction'] })
            }
            sx={{ width: 220 }}
          >
            <MenuItem value="near_field">Near field (headset)</MenuItem>
            <MenuItem value="far_field">Far field (room microphone)</MenuItem>
            <MenuItem value="off">Off</MenuItem>
          </TextField>
          <TextField
            select
            label="Catalog search"
            size="small"
            value={draft.retrieval}
            onChange={(event) =>
              form.edit({ retrieval: event.target.value as AppSettings['retrieval'] })
            }
            sx={{ width: 300 }}
          >
            <MenuItem value="hybrid">Hybrid: words and meaning</MenuItem>
            <MenuItem value="lexical">Lexical only (fastest)</MenuItem>
          </TextField>
        </Stack>
        <TurnDetectionFields
          value={draft.turnDetection}
          onChange={(turnDetection) => form.edit({ turnDetection })}
        />
        <Stack direction="row" spacing={2}>
          <TextField
            label="Transcription model"
            size="small"
            value={draft.transcription.model}
            onChange={(event) =>
              form.edit({ transcription: { ...draft.transcription, model: event.target.value } })
            }
            sx={{ width: 260 }}
          />
          <TextField
            label="Language hint"
            size="small"
            value={draft.transcription.language}
            placeholder="empty: detect (en, es, fr…)"
            onChange={(event) =>
              form.edit({
                transcription: {
                  ...draft.transcription,
                  language: event.target.value.trim().toLowerCase()
                }
              })
            }
            sx={{ width: 220 }}
          />
        </Stack>
      </Section>

      <Section title="Agent instructions">
        <TextField
          multiline
          minRows={6}
          value={draft.instructions}
          onChange={(event) => form.edit({ instructions: event.target.value })}
          slotProps={{ htmlInput: { 'aria-label': 'Agent instructions' } }}
        />
        <Button
          sx={{ alignSelf: 'flex-start' }}
          disabled={draft.instructions === DEFAULT_INSTRUCTIONS}
          onClick={() => form.edit({ instructions: DEFAULT_INSTRUCTIONS })}
        >
          Restore the OutdoorGear persona
        </Button>
      </Section>

      <Section title="Cost estimate (USD per million tokens)">
        <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
          {PRICES.map(({ field, label }) => (
            <TextField
              key={field}
              label={label}
              type="number"
              size="small"
              value={draft.pricing[field]}
              slotProps={{ htmlInput: { step: 0.1, min: 0 } }}
              onChange={(event) =>
                form.edit({ pricing: { ...draft.pricing, [field]: Number(event.target.value) } })
              }
              sx={{ width: 130 }}
            />
          ))}
        </Stack>
      </Section>
    </Stack>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }): JSX.Element {
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {children}
      </Stack>
    </Paper>
  )
}
