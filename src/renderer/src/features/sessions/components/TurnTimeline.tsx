import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import Tooltip from '@mui/material/Tooltip'
import { useTheme, type Palette } from '@mui/material/styles'
import type { CallAlert } from '@shared/escalation/callAlert'
import type { TurnRow } from '@shared/live-call/recordedCall'
import { formatDurationMs, numberFormat } from '@renderer/i18n'
import { AlertDetails } from './AlertDetails'
import { severityColor } from './alertColors'

const LANE = 26
/** Alert flags sit in rows above the lanes, so flags raised close together stay readable. */
const FLAG_ROW = 13
const FLAG_ROWS = 4
const TOP = 8 + FLAG_ROWS * FLAG_ROW
/** About one flag label's width in viewBox units: closer flags go to the next row. */
const FLAG_LABEL_WIDTH = 220
/** About the drawer's width in pixels, so a viewBox unit is about a pixel and 12 is legible. */
const WIDTH = 600
/** The lanes in the theme's colours: caller blue, agent green, barge-in red, quiet grey. */
const laneColors = (
  palette: Palette
): Record<'caller' | 'agent' | 'barge' | 'backchannel', string> => ({
  caller: palette.primary.main,
  agent: palette.secondary.main,
  barge: palette.error.main,
  backchannel: palette.grey[palette.mode === 'dark' ? 600 : 500]
})

interface TurnTimelineProps {
  turns: readonly TurnRow[]
  alerts?: readonly CallAlert[]
  /** Fixes the time axis (a replay keeps the whole call's axis while turns appear). */
  spanMs?: number
  /** A replay's position: a cursor line at this call time. */
  cursorMs?: number
}

/**
 * Caller and agent speech on one time axis: a bar per utterance and per answer, a red marker
 * where the caller cut in (with how much of the answer was heard), grey for backchannels and
 * echo suspects, each counted turn's latency over the gap it measures, and a flag per alert.
 */
export function TurnTimeline({
  turns,
  alerts = [],
  spanMs,
  cursorMs
}: TurnTimelineProps): JSX.Element {
  const { t } = useTranslation('sessionDetail')
  const { palette } = useTheme()
  const COLORS = laneColors(palette)
  const ends = turns.flatMap((turn) => [
    turn.caller_stop_ms,
    turn.agent_stop_ms,
    turn.caller_start_ms,
    turn.agent_start_ms
  ])
  const alertTimes = alerts.map((a) => a.t)
  const span =
    spanMs ?? Math.max(1, ...[...ends, ...alertTimes].filter((v): v is number => v !== null))
  const x = (ms: number): number => (Math.min(ms, span) / span) * WIDTH
  const flagRows = flagRowsOf(alerts, x)
  const ms = (value: number): string => numberFormat({ maximumFractionDigits: 0 }).format(value)
  const bar = (
    from: number | null,
    to: number | null,
    lane: number,
    color: string,
    key: string
  ): JSX.Element | null =>
    from === null ? null : (
      <rect
        key={key}
        x={x(from)}
        y={TOP + lane * LANE}
        width={Math.max(2, x((to ?? from) - from))}
        height={LANE - 8}
        rx={3}
        fill={color}
      />
    )
  return (
    <Box
      component="svg"
      viewBox={`0 0 ${WIDTH} ${TOP + 2 * LANE + 18}`}
      role="img"
      aria-label={t('timeline.label', {
        seconds: numberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
          span / 1000
        )
      })}
      data-testid="turn-timeline"
      sx={{ width: '100%', height: 'auto', fontSize: 12, overflow: 'visible' }}
    >
      {turns.map((turn) => {
        const quiet = turn.backchannel || turn.echo_suspect
        return (
          <g key={turn.turn_index}>
            {bar(
              turn.caller_start_ms,
              turn.caller_stop_ms,
              0,
              quiet ? COLORS.backchannel : COLORS.caller,
              'c'
            )}
            {bar(turn.agent_start_ms, turn.agent_stop_ms, 1, COLORS.agent, 'a')}
            {turn.barge_in && turn.caller_start_ms !== null && (
              <g>
                <line
                  x1={x(turn.caller_start_ms)}
                  x2={x(turn.caller_start_ms)}
                  y1={TOP - 4}
                  y2={TOP + 2 * LANE}
                  stroke={COLORS.barge}
                  strokeWidth={2}
                />
                <text x={x(turn.caller_start_ms) + 3} y={TOP + 2 * LANE + 12} fill={COLORS.barge}>
                  {bargeInLabel(turn.heard_pct, t, ms)}
                </text>
              </g>
            )}
            {turn.latency_ms !== null && turn.caller_stop_ms !== null && !turn.barge_in && (
              <text x={x(turn.caller_stop_ms)} y={TOP + LANE - 2} fill="currentColor">
                {t('timeline.latency', { ms: ms(turn.latency_ms) })}
              </text>
            )}
          </g>
        )
      })}
      {alerts.map((alert, index) =>
        alert.t === null ? null : (
          <Tooltip key={alert.alertId} title={<AlertDetails alert={alert} />} placement="top" arrow>
            <g
              data-testid="timeline-alert"
              data-rule={alert.rule}
              data-severity={alert.severity}
              role="img"
              aria-label={t('timeline.alertMarker', {
                rule: t(`alerts.rules.${alert.rule}`, { defaultValue: alert.rule }),
                severity: t(`alerts.severity.${alert.severity}`),
                time: formatDurationMs(alert.t)
              })}
              tabIndex={0}
              style={{ cursor: 'help' }}
            >
              <line
                x1={x(alert.t)}
                x2={x(alert.t)}
                y1={flagRows[index]! * FLAG_ROW + 4}
                y2={TOP + 2 * LANE}
                stroke={severityColor(palette, alert.severity)}
                strokeWidth={2}
                strokeDasharray="4 3"
              />
              <path
                d={`M ${x(alert.t)} ${flagRows[index]! * FLAG_ROW} l 12 5 l -12 5 z`}
                fill={severityColor(palette, alert.severity)}
              />
              <text
                // Near the right edge the label runs leftwards from the flag, not off the panel.
                {...(x(alert.t) > WIDTH - FLAG_LABEL_WIDTH
                  ? { x: x(alert.t) - 3, textAnchor: 'end' }
                  : { x: x(alert.t) + 14 })}
                y={flagRows[index]! * FLAG_ROW + 10}
                fill={severityColor(palette, alert.severity)}
              >
                {t(`alerts.rules.${alert.rule}`, { defaultValue: alert.rule })}
              </text>
            </g>
          </Tooltip>
        )
      )}
      {cursorMs !== undefined && (
        <line
          data-testid="replay-cursor"
          x1={x(cursorMs)}
          x2={x(cursorMs)}
          y1={0}
          y2={TOP + 2 * LANE + 6}
          stroke="currentColor"
          strokeWidth={1.5}
        />
      )}
    </Box>
  )
}

/** Row of each alert's flag: the first row whose last label ends before this flag. */
function flagRowsOf(alerts: readonly CallAlert[], x: (ms: number) => number): number[] {
  const ends: number[] = Array.from({ length: FLAG_ROWS }, () => -Infinity)
  return alerts.map((alert) => {
    if (alert.t === null) return 0
    const at = x(alert.t)
    // The label runs right of the flag, or left of it near the edge (as drawn above).
    const [from, to] =
      at > WIDTH - FLAG_LABEL_WIDTH ? [at - FLAG_LABEL_WIDTH, at] : [at, at + FLAG_LABEL_WIDTH]
    const free = ends.findIndex((end) => end <= from)
    // All rows taken: reuse the one that frees first.
    const row = free >= 0 ? free : ends.indexOf(Math.min(...ends))
    ends[row] = to
    return row
  })
}

/**
 * A cut-in's label with how much of the answer was heard; a cut at the very end (the estimate
 * rounds to all of it) says so rather than "100 % heard" beside a cut.
 */
function bargeInLabel(
  heardPct: number | null,
  t: ReturnType<typeof useTranslation<'sessionDetail'>>['t'],
  format: (value: number) => string
): string {
  if (heardPct === null) return t('timeline.bargeIn')
  if (heardPct >= 99.5) return t('timeline.bargeInAtEnd')
  return t('timeline.bargeInHeard', { pct: format(heardPct) })
}
