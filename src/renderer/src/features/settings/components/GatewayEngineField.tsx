import { useEffect, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormHelperText from '@mui/material/FormHelperText'
import FormLabel from '@mui/material/FormLabel'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import Typography from '@mui/material/Typography'
import type { GatewayEngineChoice, GatewayEngineSetting } from '@shared/gateway/teamGatewayEngine'
import { VOICE_ENGINES } from '@shared/live-call/voiceEngine'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { IpcError, request, toIpcError } from '@renderer/app/ipc'
import { dateTimeFormat } from '@renderer/i18n'

/** The radio value of "each gateway's own settings.json" (the stored choice is null). */
const OWN = 'own'
type Option = (typeof VOICE_ENGINES)[number] | typeof OWN
const OPTIONS: Option[] = [...VOICE_ENGINES, OWN]

const choiceOf = (option: Option): GatewayEngineChoice => (option === OWN ? null : option)

/**
 * The team's voice engine for its call gateways' new calls (team mode on the team database).
 * Applied when picked, not with Settings' Save: it is the team's, not this desk's settings.json,
 * and every gateway takes it for its next call. Only a supervisor's seat may change it.
 */
export function GatewayEngineField(): JSX.Element {
  const { t } = useTranslation('settings')
  const [setting, setSetting] = useState<GatewayEngineSetting>()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<IpcError | null>(null)

  useEffect(() => {
    request('gateway.engine.get', {}).then(setSetting, (failure: unknown) =>
      setError(toIpcError('gateway.engine.get', failure))
    )
  }, [])

  const choose = async (option: Option): Promise<void> => {
    setSaving(true)
    setError(null)
    try {
      setSetting(await request('gateway.engine.set', { engine: choiceOf(option) }))
    } catch (failure) {
      setError(toIpcError('gateway.engine.set', failure))
    } finally {
      setSaving(false)
    }
  }

  const team = setting?.team ?? null
  const value: Option = team?.engine ?? OWN
  const at =
    team?.updatedAt &&
    dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(team.updatedAt))
  return (
    <FormControl data-testid="gateway-engine-field" disabled={!setting?.canChange || saving}>
      <FormLabel id="gateway-engine-label">{t('team.gatewayEngine.label')}</FormLabel>
      <Typography variant="body2" color="text.secondary">
        {t('team.gatewayEngine.help')}
      </Typography>
      {setting && (
        <RadioGroup
          aria-labelledby="gateway-engine-label"
          value={value}
          onChange={(event) => void choose(event.target.value as Option)}
        >
          {OPTIONS.map((option) => (
            <FormControlLabel
              key={option}
              value={option}
              control={<Radio size="small" />}
              label={
                <>
                  <Typography variant="body2">
                    {option === OWN ? t('team.gatewayEngine.own') : t(`engine.${option}.name`)}
                  </Typography>
                  <Typography variant="caption" color="text.secondary">
                    {option === OWN ? t('team.gatewayEngine.ownWhen') : t(`engine.${option}.when`)}
                  </Typography>
                </>
              }
              sx={{ alignItems: 'flex-start', mt: 0.5, '& .MuiRadio-root': { pt: 0.25 } }}
            />
          ))}
        </RadioGroup>
      )}
      {team?.updatedBy && at && (
        <FormHelperText data-testid="gateway-engine-changed">
          {t('team.gatewayEngine.changed', { seat: team.updatedBy, at })}
        </FormHelperText>
      )}
      {setting && !setting.canChange && (
        <FormHelperText data-testid="gateway-engine-supervisor-only">
          {t('team.gatewayEngine.supervisorOnly')}
        </FormHelperText>
      )}
      {error && <IpcErrorAlert error={error} />}
    </FormControl>
  )
}
