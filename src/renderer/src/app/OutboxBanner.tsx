import { useEffect, useState, type JSX } from 'react'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import { useTranslation } from 'react-i18next'
import type { OutboxStatus } from '@shared/team/outboxStatus'
import { numberFormat } from '@renderer/i18n'
import { request } from './ipc'
import { useIpcEvent } from './useIpcEvent'

/** How long "every waiting event was delivered" stays up once the queue is empty. */
const DELIVERED_SHOWN_MS = 6_000

type Shown = { kind: 'unreachable' | 'delivering'; waiting: number } | { kind: 'delivered' } | null

/**
 * What a desk must know while the team database is away: calls still record (locally), how
 * many writes wait, and, when it is back, that they were delivered. Silent otherwise, and on a
 * desk whose outbox only waited for an import's lock for a moment.
 */
export function OutboxBanner(): JSX.Element | null {
  const { t } = useTranslation()
  const [status, setStatus] = useState<OutboxStatus | null>(null)
  const [wasAway, setWasAway] = useState(false)
  const [delivered, setDelivered] = useState(false)
  useEffect(() => {
    let current = true
    request('recording.outbox', {}).then(
      (read) => {
        if (!current) return
        // An event that came in meanwhile is newer than this answer: it stands.
        setStatus((known) => known ?? read)
        // A window opened during an outage follows its end too (delivering, then delivered).
        if (read.unreachable) setWasAway(true)
      },
      () => undefined // an older main without the route: nothing to say
    )
    return () => {
      current = false
    }
  }, [])
  useIpcEvent('recording.outbox', (next) => {
    setStatus(next)
    if (next.unreachable) {
      setWasAway(true)
      setDelivered(false)
    } else if (wasAway && next.waiting === 0) {
      setWasAway(false)
      setDelivered(true)
    }
  })
  useEffect(() => {
    if (!delivered) return
    const timer = setTimeout(() => setDelivered(false), DELIVERED_SHOWN_MS)
    return () => clearTimeout(timer)
  }, [delivered])

  const shown: Shown = status?.unreachable
    ? { kind: 'unreachable', waiting: status.waiting }
    : wasAway && status && status.waiting > 0
      ? { kind: 'delivering', waiting: status.waiting }
      : delivered
        ? { kind: 'delivered' }
        : null
  if (!shown) return null
  if (shown.kind === 'delivered')
    return (
      <Alert severity="success" data-testid="outbox-banner" sx={{ borderRadius: 0 }}>
        {t('outbox.delivered')}
      </Alert>
    )
  const count = { count: shown.waiting, n: numberFormat().format(shown.waiting) }
  return (
    <Alert
      severity={shown.kind === 'unreachable' ? 'warning' : 'info'}
      data-testid="outbox-banner"
      role="status"
      sx={{ borderRadius: 0 }}
    >
      <AlertTitle sx={{ mb: shown.kind === 'unreachable' ? 0.5 : 0 }}>
        {t(shown.kind === 'unreachable' ? 'outbox.unreachable' : 'outbox.delivering', count)}
      </AlertTitle>
      {shown.kind === 'unreachable' && t('outbox.unreachableBody')}
    </Alert>
  )
}
