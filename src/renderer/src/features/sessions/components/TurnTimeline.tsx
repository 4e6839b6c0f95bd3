import type { JSX } from 'react'
import Box from '@mui/material/Box'
import type { TurnRow } from '@shared/ipc/routes/recordingRoutes'

const LANE = 26
const TOP = 18
const WIDTH = 1000
const COLORS = { caller: '#2e6da4', agent: '#4c7a6a', barge: '#c62828', backchannel: '#9e9e9e' }

/**
 * Caller and agent speech on one time axis: a bar per utterance and per answer, a red marker
 * where the caller cut in (with how much of the answer was heard), grey for backchannels and
 * echo suspects, and each counted turn's latency over the gap it measures.
 */
export function TurnTimeline({ turns }: { turns: readonly TurnRow[] }): JSX.Element {
  const ends = turns.flatMap((t) => [
    t.caller_stop_ms,
    t.agent_stop_ms,
    t.caller_start_ms,
    t.agent_start_ms
  ])
  const span = Math.max(1, ...ends.filter((v): v is number => v !== null))
  const x = (ms: number): number => (ms / span) * WIDTH
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
      aria-label={`Turn timeline over ${(span / 1000).toFixed(1)} s: caller on the first lane, agent on the second`}
      data-testid="turn-timeline"
      sx={{ width: '100%', height: 'auto', fontSize: 11 }}
    >
      {turns.map((t) => {
        const quiet = t.backchannel || t.echo_suspect
        return (
          <g key={t.turn_index}>
            {bar(
              t.caller_start_ms,
              t.caller_stop_ms,
              0,
              quiet ? COLORS.backchannel : COLORS.caller,
              'c'
            )}
            {bar(t.agent_start_ms, t.agent_stop_ms, 1, COLORS.agent, 'a')}
            {t.barge_in && t.caller_start_ms !== null && (
              <g>
                <line
                  x1={x(t.caller_start_ms)}
                  x2={x(t.caller_start_ms)}
                  y1={TOP - 4}
                  y2={TOP + 2 * LANE}
                  stroke={COLORS.barge}
                  strokeWidth={2}
                />
                <text x={x(t.caller_start_ms) + 3} y={TOP + 2 * LANE + 12} fill={COLORS.barge}>
                  barge-in{t.heard_pct !== null ? ` · ${Math.round(t.heard_pct)} % heard` : ''}
                </text>
              </g>
            )}
            {t.latency_ms !== null && t.caller_stop_ms !== null && !t.barge_in && (
              <text x={x(t.caller_stop_ms)} y={TOP + LANE - 2} fill="currentColor">
                {Math.round(t.latency_ms)} ms
              </text>
            )}
          </g>
        )
      })}
    </Box>
  )
}
