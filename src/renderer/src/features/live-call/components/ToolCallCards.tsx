import type { JSX } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { ToolCallRecord } from '@shared/live-call/callRecords'
import { plainNumber } from '@renderer/i18n'
import { useCallView } from '../store/callView'
import { formatWhole } from './format'

/** The agent's lookups: what it asked, how many results came back, how long main took. */
export function ToolCallCards(): JSX.Element | null {
  const calls = useCallView((s) => s.call.toolCalls)
  if (calls.length === 0) return null
  return (
    <Stack spacing={1}>
      {calls.map((call) => (
        <ToolCallCard key={call.callId} call={call} />
      ))}
    </Stack>
  )
}

/** "→ 3 results, 812 bytes, 14 ms", or why the lookup failed (main's words stay English). */
function resultText(result: ToolCallRecord['result'], t: TFunction<'liveCall'>): string {
  if (!result) return t('tools.lookingUp')
  const ms = formatWhole(result.ms)
  if (!result.ok) return t('tools.failed', { error: result.error ?? t('tools.unknownError'), ms })
  // Ungrouped, as the e2e tests and logs read it ("12345 bytes").
  const bytes = plainNumber(result.resultBytes)
  return result.resultCount === null
    ? t('tools.resultsUnknown', { bytes, ms })
    : t('tools.results', { count: result.resultCount, bytes, ms })
}

function ToolCallCard({ call }: { call: ToolCallRecord }): JSX.Element {
  const { t } = useTranslation('liveCall')
  const args = call.args as Record<string, unknown> | null
  const query = args
    ? Object.entries(args)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join(' · ')
    : call.arguments
  const result = call.result
  return (
    <Paper variant="outlined" data-testid="tool-call-card" data-tool={call.name} sx={{ p: 1.5 }}>
      <Typography variant="subtitle2" sx={{ fontFamily: 'monospace' }}>
        {call.name}
      </Typography>
      <Typography variant="body2">{query}</Typography>
      <Typography
        variant="body2"
        color={result && !result.ok ? 'error' : 'text.secondary'}
        data-testid="tool-call-result"
      >
        {resultText(result, t)}
      </Typography>
    </Paper>
  )
}
