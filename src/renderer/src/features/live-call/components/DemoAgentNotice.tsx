import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Alert from '@mui/material/Alert'
import { useRequest } from '@renderer/app/useRequest'
import { CALL_PHASES } from '../engine/CallEngine'
import { useLiveCallStore } from '../store/liveCallStore'

/**
 * Says plainly when the Demo agent (the bundled simulator) answers, so nobody takes a scripted
 * call for the real AI agent: during a demo call, and before a call while it is the provider.
 */
export function DemoAgentNotice(): JSX.Element | null {
  const { t } = useTranslation('liveCall')
  const phase = useLiveCallStore((s) => s.phase)
  const callProvider = useLiveCallStore((s) => s.info?.provider)
  // Read again whenever the call phase changes: Settings may have switched provider meanwhile.
  const { data } = useRequest('settings.get', {}, CALL_PHASES.indexOf(phase))
  const demo = callProvider ? callProvider === 'demo' : data?.settings.provider.kind === 'demo'
  if (!demo) return null
  return (
    <Alert severity="info" data-testid="demo-agent-banner">
      {t('demoAgent.banner')}
    </Alert>
  )
}
