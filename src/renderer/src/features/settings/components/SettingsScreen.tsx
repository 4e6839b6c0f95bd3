import type { JSX, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import LinearProgress from '@mui/material/LinearProgress'
import MenuItem from '@mui/material/MenuItem'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import {
  DEMO_AGENT_MODEL,
  VOICES,
  providerEngine,
  type AppSettings
} from '@shared/settings/settingsSchema'
import { LIVE_MODELS } from '@shared/live-call/voiceEngine'
import { DEFAULT_INSTRUCTIONS } from '@shared/settings/defaultInstructions'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { useUnsavedChanges } from '@renderer/app/unsavedChanges'
import { useSettingsForm } from '../hooks/useSettingsForm'
import { validationMessage } from '../validationMessage'
import { ApiKeyField } from './ApiKeyField'
import { AudioRecordingField } from './AudioRecordingField'
import { AppearanceFields } from './AppearanceFields'
import { KeyOriginDialog } from './KeyOriginDialog'
import { EmbeddingFields } from './EmbeddingFields'
import { EngineField } from './EngineField'
import { LabellingFields } from './LabellingFields'
import { PricingFields } from './PricingFields'
import { ProviderFields } from './ProviderFields'
import { TeamSection } from './TeamSection'
import { TestConnectionButton } from './TestConnectionButton'
import { TurnDetectionFields } from './TurnDetectionFields'

const NOISE_REDUCTION: AppSettings['noiseReduction'][] = ['near_field', 'far_field', 'off']
const RETRIEVAL: AppSettings['retrieval'][] = ['hybrid', 'lexical']

/** Provider and key, the voice agent's session, its instructions, and prices for cost estimates. */
export function SettingsScreen(): JSX.Element {
  const { t } = useTranslation('settings')
  const form = useSettingsForm()
  useUnsavedChanges(form.dirty, t('unsaved.settings'))
  const { draft, secrets, invalid } = form
  if (!draft || !secrets)
    return (
      <Stack sx={{ flex: 1, p: 2 }}>
        {form.error ? (
          <IpcErrorAlert error={form.error} />
        ) : (
          <LinearProgress aria-label={t('screen.loading')} />
        )}
      </Stack>
    )
  const { kind } = draft.provider
  const engine = providerEngine(draft.provider)
  const live = engine === 'live'
  const problems = [...invalid].map(([path, message]) => validationMessage(t, path, message))

  return (
    <Stack spacing={2} sx={{ flex: 1, minWidth: 0, p: 2, overflow: 'auto' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          {t('screen.title')}
        </Typography>
        <Button onClick={form.reset} disabled={!form.dirty}>
          {t('screen.discard')}
        </Button>
        <Button
          variant="contained"
          onClick={() => void form.save()}
          disabled={!form.dirty || invalid.size > 0}
        >
          {t('screen.save')}
        </Button>
      </Stack>
      {form.keyOrigin && (
        <KeyOriginDialog
          change={form.keyOrigin}
          onClose={() => void form.answerKeyOrigin(null)}
          onChoose={(choice) => void form.answerKeyOrigin(choice)}
        />
      )}
      {form.problem && <Alert severity="warning">{form.problem}</Alert>}
      {form.error && <IpcErrorAlert error={form.error} />}
      {problems.length > 0 && (
        <Alert severity="error" data-testid="settings-invalid">
          {problems.join(' · ')}
        </Alert>
      )}

      <Section title={t('screen.sections.connection')}>
        <ProviderFields value={draft.provider} onChange={(provider) => form.edit({ provider })} />
        {draft.provider.kind !== 'demo' && (
          <EngineField
            value={engine}
            onChange={(next) =>
              draft.provider.kind !== 'demo' &&
              form.edit({ provider: { ...draft.provider, engine: next } })
            }
          />
        )}
        {kind === 'demo' ? (
          <Alert severity="info" data-testid="demo-agent-note">
            <AlertTitle>{t('screen.demoNoKey')}</AlertTitle>
            {t('screen.demoExplained')}
          </Alert>
        ) : (
          <ApiKeyField
            name={kind}
            endpoint={keyEndpoint(draft.provider)}
            label={kind === 'azure' ? t('screen.azureKeyLabel') : t('screen.apiKeyLabel')}
            status={secrets}
            onChanged={form.refreshSecrets}
          />
        )}
        <TestConnectionButton disabled={form.dirty} />
        {form.dirty && (
          <Typography variant="caption" color="text.secondary">
            {t('screen.saveBeforeTest')}
          </Typography>
        )}
      </Section>

      <Section title={t('screen.sections.voiceAgent')}>
        <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
          {live ? (
            <TextField
              label={t('screen.liveModel')}
              helperText={
                kind === 'azure'
                  ? t('screen.liveModelAzure')
                  : t('screen.liveModelHelp', { models: LIVE_MODELS.join(', ') })
              }
              size="small"
              value={draft.liveModel}
              disabled={kind === 'azure'}
              onChange={(event) => form.edit({ liveModel: event.target.value })}
              sx={{ width: 260 }}
            />
          ) : (
            <TextField
              label={kind === 'azure' ? t('screen.modelAzure') : t('screen.model')}
              helperText={
                kind === 'demo' ? t('screen.modelDemo', { model: DEMO_AGENT_MODEL }) : undefined
              }
              size="small"
              value={draft.model}
              onChange={(event) => form.edit({ model: event.target.value })}
              sx={{ width: 260 }}
            />
          )}
          <TextField
            select
            label={t('screen.voice')}
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
            label={t('screen.noiseReduction.label')}
            size="small"
            value={draft.noiseReduction}
            onChange={(event) =>
              form.edit({ noiseReduction: event.target.value as AppSettings['noiseReduction'] })
            }
            sx={{ minWidth: 220, maxWidth: '100%' }}
          >
            {NOISE_REDUCTION.map((value) => (
              <MenuItem key={value} value={value}>
                {t(`screen.noiseReduction.${value}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('screen.retrieval.label')}
            size="small"
            value={draft.retrieval}
            onChange={(event) =>
              form.edit({ retrieval: event.target.value as AppSettings['retrieval'] })
            }
            sx={{ width: 300 }}
          >
            {RETRIEVAL.map((value) => (
              <MenuItem key={value} value={value}>
                {t(`screen.retrieval.${value}`)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        {live && (
          <Alert severity="info" data-testid="live-settings-note">
            {t('engine.liveFieldsNote')}
          </Alert>
        )}
        <TurnDetectionFields
          value={draft.turnDetection}
          onChange={(turnDetection) => form.edit({ turnDetection })}
        />
        <Stack direction="row" spacing={2}>
          <TextField
            label={t('screen.transcriptionModel')}
            size="small"
            value={draft.transcription.model}
            onChange={(event) =>
              form.edit({ transcription: { ...draft.transcription, model: event.target.value } })
            }
            sx={{ width: 260 }}
          />
          <TextField
            label={t('screen.languageHint')}
            size="small"
            value={draft.transcription.language}
            placeholder={t('screen.languageHintPlaceholder')}
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

      <Section title={t('screen.sections.instructions')}>
        <TextField
          multiline
          minRows={6}
          value={draft.instructions}
          onChange={(event) => form.edit({ instructions: event.target.value })}
          slotProps={{ htmlInput: { 'aria-label': t('screen.sections.instructions') } }}
        />
        <Button
          sx={{ alignSelf: 'flex-start' }}
          disabled={draft.instructions === DEFAULT_INSTRUCTIONS}
          onClick={() => form.edit({ instructions: DEFAULT_INSTRUCTIONS })}
        >
          {t('screen.restorePersona')}
        </Button>
      </Section>

      <Section title={t('screen.sections.recording')}>
        <AudioRecordingField
          value={draft.recordAudio}
          onChange={(recordAudio) => form.edit({ recordAudio })}
        />
      </Section>

      <Section title={t('screen.sections.labelling')}>
        <LabellingFields
          value={draft.labelling}
          onChange={(labelling) => form.edit({ labelling })}
        />
      </Section>

      <Section title={t('screen.sections.embeddings')}>
        <EmbeddingFields
          value={draft.embeddings}
          onChange={(embeddings) => form.edit({ embeddings })}
        />
      </Section>

      <Section title={t('team.section')}>
        <TeamSection value={draft.team} onChange={(team) => form.edit({ team })} />
      </Section>

      <Section title={t('screen.sections.appearance')}>
        <AppearanceFields />
      </Section>

      <Section title={t('screen.sections.pricing')}>
        <PricingFields value={draft.pricing} onChange={(pricing) => form.edit({ pricing })} />
      </Section>
    </Stack>
  )
}

/** The endpoint a key typed beside the provider is for (OpenAI's is fixed, so none is sent). */
function keyEndpoint(provider: AppSettings['provider']): string | undefined {
  if (provider.kind === 'azure') return provider.endpoint
  if (provider.kind === 'custom') return provider.baseUrl
  return undefined
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
