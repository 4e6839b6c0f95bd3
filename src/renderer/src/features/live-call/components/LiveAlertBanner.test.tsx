import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { StoredAlert } from '@shared/escalation/alertRecords'
import { i18next } from '@renderer/i18n'
import { mockApi, ok } from '@renderer/test/mockApi'
import { CANNED_INSTRUCTIONS } from '@renderer/components/alert-actions/cannedInstructions'
import { useLiveCallStore } from '../store/liveCallStore'
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
  seat: null,
  callEnded: false,
  ...over
})

const STARTED = Date.parse('2026-11-25T14:30:12Z')
const NOTE =
  'Handoff — call LIVE-20261125-143012-ab12\nCaller said (latest last):\n  “I want a human”'

/** The listener the banner gave window.api.on for main's alerts.raised event. */
function raise(payload: StoredAlert): void {
  const on = window.api.on as unknown as ReturnType<typeof vi.fn>
  const call = on.mock.calls.find(([name]) => name === 'alerts.raised')!
  act(() => (call[1] as (a: StoredAlert) => void)(payload))
}

/** A call in progress, with the engine's entry points replaced by spies. */
function inCall() {
  const instruct = vi.fn<(text: string) => boolean>(() => true)
  const hangup = vi.fn(async () => {})
  useLiveCallStore.setState({ phase: 'in_call', startedAt: STARTED, instruct, hangup })
  return { instruct, hangup }
}

/** The shared 2-vCPU machine can take seconds to re-render: room to wait, no timing claim. */
const SLOW = { timeout: 8000 }

describe('LiveAlertBanner', () => {
  const initial = useLiveCallStore.getState()
  let writeText: ReturnType<typeof vi.fn>
  beforeEach(() => {
    writeText = vi.fn(async () => {})
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
  })
  afterEach(async () => {
    cleanup()
    Reflect.deleteProperty(window, 'api')
    useLiveCallStore.setState(initial, true)
    await i18next.changeLanguage('en')
  })

  it("shows this call's alerts with their evidence, and acknowledges the latest", async () => {
    const request = mockApi({ 'alerts.act': ok(alert({ status: 'acknowledged' })) })
    inCall()
    const stop = vi.fn()
    render(<LiveAlertBanner callStartedAt={STARTED} onStopAgent={stop} />)
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
    expect(request).toHaveBeenCalledWith('alerts.act', { alertId: 1, action: 'stop_agent' })
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }))
    expect(request).toHaveBeenCalledWith('alerts.act', { alertId: 1, action: 'acknowledge' })
    await waitFor(() => expect(screen.queryByTestId('live-alert')).toBeNull(), SLOW)
  })

  it('instructs the agent (hand over), escalates with the handoff note copied, and ends the call', async () => {
    const request = mockApi({
      'alerts.act': [
        ok(alert({ status: 'acknowledged' })),
        ok(alert({ status: 'escalated', actionNote: NOTE })),
        ok(alert({ status: 'escalated', actionNote: NOTE }))
      ]
    })
    const { instruct, hangup } = inCall()
    render(<LiveAlertBanner callStartedAt={STARTED} onStopAgent={() => {}} />)
    raise(alert({}))
    fireEvent.click(await screen.findByRole('button', { name: 'Instruct…' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Hand over to a human' }))
    expect(instruct).toHaveBeenCalledWith(CANNED_INSTRUCTIONS.handover)
    await waitFor(
      () =>
        expect(request).toHaveBeenCalledWith('alerts.act', {
          alertId: 1,
          action: 'instruct',
          instruction: CANNED_INSTRUCTIONS.handover
        }),
      SLOW
    )
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW)
    // Instructing does not take the alert off the banner: escalation is still to come.
    fireEvent.click(screen.getByRole('button', { name: 'Escalate' }))
    const dialog = await screen.findByRole('dialog', { name: 'Handoff note' })
    expect(within(dialog).getByTestId('handoff-note').textContent).toBe(NOTE)
    await waitFor(
      () =>
        expect(within(dialog).getByTestId('handoff-copy-status').textContent).toBe(
          'Copied to the clipboard.'
        ),
      SLOW
    )
    expect(writeText).toHaveBeenCalledWith(NOTE)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SLOW)
    const banner = screen.getByTestId('live-alert')
    expect(banner.textContent).toContain('escalated')
    // Settled: no more acknowledge or escalate, but the call can still be ended.
    expect(within(banner).queryByRole('button', { name: 'Escalate' })).toBeNull()
    fireEvent.click(within(banner).getByRole('button', { name: 'End call' }))
    await waitFor(
      () =>
        expect(request).toHaveBeenLastCalledWith('alerts.act', { alertId: 1, action: 'end_call' }),
      SLOW
    )
    expect(hangup).toHaveBeenCalledOnce()
  })

  it('says when the clipboard refuses the note, and keeps it on screen', async () => {
    writeText.mockRejectedValue(new DOMException('denied', 'NotAllowedError'))
    mockApi({ 'alerts.act': ok(alert({ status: 'escalated', actionNote: NOTE })) })
    inCall()
    render(<LiveAlertBanner callStartedAt={STARTED} onStopAgent={() => {}} />)
    raise(alert({}))
    fireEvent.click(await screen.findByRole('button', { name: 'Escalate' }))
    const status = await screen.findByTestId('handoff-copy-status')
    expect(status.textContent).toContain('The clipboard refused the note')
    expect(screen.getByTestId('handoff-note').textContent).toBe(NOTE)
  })

  it('writes a custom instruction, and refuses to log one when no call runs', async () => {
    const request = mockApi({ 'alerts.act': ok(alert({ status: 'acknowledged' })) })
    const { instruct } = inCall()
    instruct.mockReturnValue(false)
    render(<LiveAlertBanner callStartedAt={STARTED} onStopAgent={() => {}} />)
    raise(alert({}))
    fireEvent.click(await screen.findByRole('button', { name: 'Instruct…' }))
    const send = await screen.findByRole('button', { name: 'Send' })
    expect(send.hasAttribute('disabled')).toBe(true)
    fireEvent.change(screen.getByRole('textbox', { name: 'Or write an instruction' }), {
      target: { value: '  Offer 10% off the boots.  ' }
    })
    fireEvent.click(send)
    expect(instruct).toHaveBeenCalledWith('Offer 10% off the boots.')
    expect(await screen.findByText(/No call is running in this window/)).toBeTruthy()
    expect(request).not.toHaveBeenCalled()
  })

  it('speaks Spanish, with the count of further alerts', async () => {
    mockApi({})
    inCall()
    await i18next.changeLanguage('es')
    render(<LiveAlertBanner callStartedAt={STARTED} onStopAgent={() => {}} />)
    raise(alert({ alertId: 1 }))
    raise(alert({ alertId: 2 }))
    const banner = await screen.findByTestId('live-alert')
    expect(banner.textContent).toContain('El cliente pide hablar con una persona (+1 más)')
    expect(within(banner).getByRole('button', { name: 'Dar instrucción…' })).toBeTruthy()
    expect(within(banner).getByRole('button', { name: 'Terminar la llamada' })).toBeTruthy()
    expect(within(banner).getByText('Sonido')).toBeTruthy()
  })
})
