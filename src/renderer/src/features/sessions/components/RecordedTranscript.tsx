import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemText from '@mui/material/ListItemText'
import type { TurnRow } from '@shared/live-call/recordedCall'
import { numberFormat } from '@renderer/i18n'

/** The caller's and agent's words per turn; what the caller cut off is struck through. */
export function RecordedTranscript({ turns }: { turns: readonly TurnRow[] }): JSX.Element {
  const { t } = useTranslation('sessionDetail')
  return (
    <List dense aria-label={t('turns.transcript')}>
      {turns.map((turn) => (
        <ListItem key={turn.turn_index} sx={{ display: 'block' }}>
          {turn.caller_text && (
            <ListItemText
              primary={turn.caller_text}
              secondary={t('turns.caller', { kind: turn.kind })}
            />
          )}
          {turn.agent_text && (
            <ListItemText
              primary={
                turn.barge_in && turn.agent_heard_text !== null ? (
                  <>
                    {turn.agent_heard_text}{' '}
                    <s>{turn.agent_text.slice(turn.agent_heard_text.length)}</s>
                  </>
                ) : (
                  turn.agent_text
                )
              }
              secondary={
                turn.latency_ms !== null
                  ? t('turns.agentLatency', {
                      latency: numberFormat({ maximumFractionDigits: 0 }).format(turn.latency_ms)
                    })
                  : t('turns.agent')
              }
            />
          )}
        </ListItem>
      ))}
    </List>
  )
}
