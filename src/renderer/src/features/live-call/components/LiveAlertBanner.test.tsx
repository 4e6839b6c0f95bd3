import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { StoredAlert } from '@shared/escalation/alertRecords'
import { mockApi, ok } from '@renderer/test/mockApi'
import { LiveAlertBanner } from './LiveAlertBanner'

const alert = (over: Partial<StoredAlert>): StoredAlert => ({
  alertId: 1,
  sessionId: 'LIVE-20261125-143012-ab12',
  rule: 'human_request',
  severity: 'critical',
  raisedAt: '2026-11-25T14:31:00.000Z',
  reason: 'The caller asked for a person',
  evidence: {
    items: [{ itemId: 'i1', turnIndex: 2, t: 9000, quote: 'I want a human' }],
    figures: {}
  },
  status: 'open',
  actionBy: null,
  actionAt: null,
  actionNote: null,
  ...over
})

/** The listener the banner gave window.api.on for main's alerts.raised event. */
function raise(payload: StoredAlert): void {
  const on = window.api.on as unknown as ReturnType<typeof vi.fn>
  const call = on.mock.calls.find(([name]) => name === 'alerts.raised')!
  act(() => (call[1] as (a: StoredAlert) => void)(payload))
}

describe('LiveAlertBanner', () => {
  afterEach(() => {
    cleanup()
    Reflect.deleteProperty(window, 'api')
  })

  it("shows this call's alerts with their evidence, and acknowledges the latest", async () => {
    const request = mockApi({ 'alerts.act': ok(alert({ status: 'acknowledged' })) })
    const stop = vi.fn()
    render(
      <LiveAlertBanner callStartedAt={Date.parse('2026-11-25T14:30:12Z')} onStopAgent={stop} />
    )
    expect(screen.queryByTestId('live-alert')).toBeNull()
    // An alert from an earlier call is not this call's business.
    raise(alert({ alertId: 9, raisedAt: '2026-11-25T14:00:00.000Z' }))
    expect(screen.queryByTestId('live-alert')).toBeNull()
    raise(alert({}))
    const banner = await screen.findByTestId('live-alert')
    expect(banner.textContent).toContain('Caller asks for a human')
    expect(banner.textContent).toContain('The caller asked for a person — “I want a human”')
    fireEvent.click(screen.getByRole('button', { name: 'Stop agent speaking' }))
    expect(stop).toHaveBeenCalledOnce()
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }))
    expect(request).toHaveBeenCalledWith('alerts.act', { alertId: 1, action: 'acknowledge' })
    await waitFor(() => expect(screen.queryByTestId('live-alert')).toBeNull())
  })
})
