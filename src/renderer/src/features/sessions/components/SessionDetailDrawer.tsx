import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import Drawer from '@mui/material/Drawer'
import IconButton from '@mui/material/IconButton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import CloseIcon from '@mui/icons-material/Close'
import { LAB_COLUMNS, LIVE_METRIC_COLUMNS, type StoredSession } from '@shared/sessions/labSchema'
import { dateTimeFormat, numberFormat, useLabValueLabel } from '@renderer/i18n'
import {
  latencyScaleOf,
  SLOW_P95_MS_BY_SCALE,
  type ListedSession
} from '@shared/sessions/latencyScales'
import { TermHelp, type GlossaryTerm } from '@renderer/components/glossary'
import { NO_FIGURE } from './formatFigure'
import { RecordedCall } from './RecordedCall'

// The id is the drawer's title; every other lab column, then what the console adds.
const FIELDS = [
  ...LAB_COLUMNS.filter((column) => column !== 'session_id'),
  'source',
  'started_at',
  'ended_at',
  ...LIVE_METRIC_COLUMNS
] as const satisfies readonly (keyof StoredSession)[]

/** The glossary's word for a field a newcomer may not know (latency's depends on the call). */
const FIELD_TERMS: Partial<Record<(typeof FIELDS)[number], GlossaryTerm>> = {
  scenario: 'scenario',
  interruptions: 'interruptions',
  sentiment: 'sentiment',
  rag_used: 'rag',
  language: 'language',
  source: 'sampleData',
  at_ear_p50_ms: 'atEar',
  at_ear_p95_ms: 'atEar',
  backchannels: 'backchannel',
  echo_suspects: 'echoSuspect',
  tool_calls: 'toolCall',
  tool_ms_p50: 'toolCall',
  input_tokens: 'tokens',
  output_tokens: 'tokens',
  escalated: 'escalation'
}

const WHEN = { dateStyle: 'medium', timeStyle: 'medium' } as const
/** A call costs cents: four decimals show it, not "$0.00". */
const USD = { style: 'currency', currency: 'USD', maximumFractionDigits: 4 } as const

/** Every column of one session; for a live call, its turn timeline, alerts and replay too. */
export function SessionDetailDrawer({
  session,
  onClose
}: {
  session: ListedSession | null
  onClose: () => void
}): JSX.Element {
  const { t } = useTranslation('sessionDetail')
  const { t: tc } = useTranslation('common')
  const valueLabel = useLabValueLabel()
  // Values are data: ids as stored; the lab's codes in the reader's words, figures in the
  // reader's digits, times in the reader's own zone and language (the stored UTC time as the
  // tooltip) and money.
  const show = (key: (typeof FIELDS)[number], value: unknown): string => {
    if (typeof value === 'boolean') return value ? t('drawer.yes') : t('drawer.no')
    if (
      (key === 'scenario' || key === 'sentiment' || key === 'language' || key === 'source') &&
      typeof value === 'string'
    )
      return valueLabel(key, value)
    if ((key === 'started_at' || key === 'ended_at') && typeof value === 'string')
      return dateTimeFormat(WHEN).format(new Date(value))
    if (key === 'cost_usd' && typeof value === 'number') return numberFormat(USD).format(value)
    // Figures in the reader's digits: "25,8" in French, "1,234" tokens in English.
    if (typeof value === 'number') return numberFormat().format(value)
    return String(value)
  }
  // The latency fields name their measure (a live call's and the lab's differ) as Sessions and
  // Reports do; a call with no counted turn has none, whatever its stored 0 says.
  const scale = session ? latencyScaleOf(session.source) : 'imported'
  const latencyNote = (key: (typeof FIELDS)[number]): { text: string; help: string } | null => {
    if (key === 'latency_p50_ms' || key === 'latency_p95_ms')
      return session?.noCountedTurn
        ? { text: tc('latency.noTurn'), help: tc('latency.noTurnHelp') }
        : {
            text: tc(`latency.${scale}`),
            help: tc(`latency.${scale}Help`, { threshold: SLOW_P95_MS_BY_SCALE[scale] })
          }
    if (key === 'at_ear_p50_ms' || key === 'at_ear_p95_ms')
      return { text: tc('latency.live'), help: tc('latency.atEarHelp') }
    return null
  }
  return (
    <Drawer anchor="right" open={session !== null} onClose={onClose}>
      <Box sx={{ width: 620, p: 2 }} data-testid="session-detail">
        {session && (
          <Stack spacing={2}>
            <Stack direction="row" sx={{ alignItems: 'center' }}>
              <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
                {session.session_id}
              </Typography>
              <IconButton aria-label={t('drawer.close')} onClick={onClose}>
                <CloseIcon />
              </IconButton>
            </Stack>
            <Box
              component="dl"
              sx={{ display: 'grid', gridTemplateColumns: '180px 1fr', rowGap: 0.5, m: 0 }}
            >
              {FIELDS.filter((key) => session[key] !== null && session[key] !== undefined).map(
                (key) => {
                  const note = latencyNote(key)
                  const noTurn = note !== null && session.noCountedTurn && key.startsWith('latency')
                  const term = key.startsWith('latency')
                    ? scale === 'live'
                      ? 'liveLatency'
                      : 'labLatency'
                    : FIELD_TERMS[key]
                  return (
                    <Box key={key} sx={{ display: 'contents' }}>
                      <Typography component="dt" variant="body2" color="text.secondary">
                        {t(`drawer.fields.${key}`)}
                        {term && <TermHelp term={term} />}
                      </Typography>
                      <Typography
                        component="dd"
                        variant="body2"
                        sx={{ m: 0 }}
                        title={key.endsWith('_at') ? String(session[key]) : note?.help}
                        data-testid={`detail-${key}`}
                      >
                        {noTurn ? NO_FIGURE : show(key, session[key])}
                        {note && (
                          <Typography component="span" variant="caption" color="text.secondary">
                            {` · ${note.text}`}
                          </Typography>
                        )}
                      </Typography>
                    </Box>
                  )
                }
              )}
            </Box>
            {session.source === 'live' ? (
              <RecordedCall sessionId={session.session_id} />
            ) : (
              <Typography variant="body2" color="text.secondary">
                {session.source === 'seed' ? t('drawer.seedNote') : t('drawer.importedNote')}
              </Typography>
            )}
          </Stack>
        )}
      </Box>
    </Drawer>
  )
}
