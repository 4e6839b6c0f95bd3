import type { JSX } from 'react'
import FormControlLabel from '@mui/material/FormControlLabel'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Switch from '@mui/material/Switch'
import TextField from '@mui/material/TextField'
import { useTranslation } from 'react-i18next'
import type { EscalationThresholds } from '@shared/escalation/thresholds'
import { TermHelp, type GlossaryTerm } from '@renderer/components/glossary'

type Section = keyof EscalationThresholds

type FieldOf<S extends Section> = Exclude<keyof EscalationThresholds[S], 'enabled'> & string

// Labels live in monitor.json under thresholds.<section>.<field>.
const FIELDS: { [S in Section]: FieldOf<S>[] } = {
  interruptions: ['total', 'burstCount', 'burstWindowSec'],
  humanRequest: [],
  sentiment: ['recentUtterances', 'minNegative', 'minInterruptions'],
  latency: ['lastTurns', 'minTurns', 'p95Ms'],
  tools: ['failures', 'zeroResultsInRow']
}

interface ThresholdFieldsProps {
  value: EscalationThresholds
  problems: Record<string, string>
  onChange: (next: EscalationThresholds) => void
}

/** One row per rule: on/off and its numbers, checked against the same schema as main. */
/** The rules whose title names a measure a newcomer may not know. */
const SECTION_TERMS: Partial<Record<Section, GlossaryTerm>> = {
  interruptions: 'interruptions',
  sentiment: 'sentiment',
  latency: 'atEar',
  tools: 'toolCall'
}

export function ThresholdFields({ value, problems, onChange }: ThresholdFieldsProps): JSX.Element {
  const { t } = useTranslation('monitor')
  const set = <S extends Section>(section: S, patch: Partial<EscalationThresholds[S]>): void =>
    onChange({ ...value, [section]: { ...value[section], ...patch } })
  return (
    <Paper sx={{ p: 2 }} component="section" aria-label={t('thresholds.label')}>
      <Stack spacing={1.5}>
        {(Object.keys(FIELDS) as Section[]).map((section) => (
          <Stack
            key={section}
            direction="row"
            spacing={2}
            sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 1 }}
          >
            <FormControlLabel
              sx={{ width: 260, mt: 0.5 }}
              control={
                <Switch
                  checked={value[section].enabled}
                  onChange={(_, enabled) => set(section, { enabled })}
                />
              }
              label={
                <>
                  {t(`thresholds.${section}.title`)}
                  {SECTION_TERMS[section] && <TermHelp term={SECTION_TERMS[section]} />}
                </>
              }
            />
            {(FIELDS[section] as string[]).map((field) => {
              const number = (value[section] as unknown as Record<string, number>)[field]!
              const problem = problems[`${section}.${field}`]
              return (
                <TextField
                  key={field}
                  label={t(`thresholds.${section}.${field}` as 'thresholds.tools.failures')}
                  type="number"
                  size="small"
                  disabled={!value[section].enabled}
                  value={Number.isNaN(number) ? '' : number}
                  error={problem !== undefined}
                  helperText={problem}
                  onChange={(e) =>
                    set(section, {
                      [field]: e.target.value === '' ? Number.NaN : Number(e.target.value)
                    } as Partial<EscalationThresholds[typeof section]>)
                  }
                  sx={{ width: 170 }}
                />
              )
            })}
          </Stack>
        ))}
      </Stack>
    </Paper>
  )
}
