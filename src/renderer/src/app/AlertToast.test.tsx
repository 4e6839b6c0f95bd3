import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { StoredAlert } from '@shared/escalation/alertRecords'
import { i18next } from '@renderer/i18n'
import { emit, mockApi } from '@renderer/test/mockApi'
import { AlertToast } from './AlertToast'
import type { ScreenId } from './NavigationRail'

const alert = (over: Partial<StoredAlert> = {}): StoredAlert => ({
  alertId: 1,
  sessionId: 'LIVE-20261125-143012-ab12',
  rule: 'human_request',
  severity: 'critical',
  raisedAt: '2026-11-25T14:31:00.000Z',
  reason: 'The caller asked for a person',
  evidence: { items: [], figures: {} },
  status: 'open',
  actionBy: null,
  actionAt: null,
  actionNote: null,
  seat: null,
  callEnded: false,
  ...over
})

const toast = (): HTMLElement | null => screen.queryByTestId('alert-toast')

function shownOn(screenId: ScreenId) {
  mockApi({})
  const onOpen = vi.fn<(screen: ScreenId) => void>()
  const view = render(<AlertToast screen={screenId} onOpen={onOpen} />)
  const show = (next: ScreenId): void => view.rerender(<AlertToast screen={next} onOpen={onOpen} />)
  return { onOpen, show }
}

describe('AlertToast', () => {
  afterEach(async () => {
    cleanup()
    vi.useRealTimers()
    Reflect.deleteProperty(window, 'api')
    await i18next.changeLanguage('en')
  })

  it("shows this desk's alert only when the live call is not in front, and goes back to it", () => {
    const { onOpen, show } = shownOn('live')
    emit('alerts.raised', alert())
    expect(toast()).toBeNull() // the call's own banner shows it there
    show('sessions')
    emit('alerts.raised', alert({ alertId: 2 }))
    expect(toast()?.textContent).toContain('Alert on your call · Caller asks for a human')
    expect(toast()?.textContent).toContain('The caller asked for a person')
    fireEvent.click(within(toast()!).getByRole('button', { name: 'Back to the call' }))
    expect(onOpen).toHaveBeenCalledExactlyOnceWith('live')
    expect(toast()).toBeNull()
  })

  it("shows another desk's alert with its seat unless Monitor is in front, and opens Monitor", () => {
    const { onOpen, show } = shownOn('monitor')
    const teamAlert = { ...alert({ rule: 'interruptions_total', severity: 'warning' }) }
    emit('team.alertRaised', { ...teamAlert, seat: 'desk-b' })
    expect(toast()).toBeNull() // Monitor lists it already
    show('live')
    emit('team.alertRaised', { ...teamAlert, alertId: 3, seat: 'desk-b' })
    expect(toast()?.textContent).toContain("Alert on desk-b's call · Interruptions in the call")
    fireEvent.click(within(toast()!).getByRole('button', { name: 'Open Monitor' }))
    expect(onOpen).toHaveBeenCalledExactlyOnceWith('monitor')
    expect(toast()).toBeNull()
  })

  it("sounds another desk's alert on every screen, Monitor included (the audio output stands in)", () => {
    const tones: number[] = []
    // The page's audio output: what WebAudio was asked to play, by frequency.
    class RecordingAudio {
      currentTime = 0
      destination = {}
      createOscillator() {
        return {
          frequency: {
            set value(hz: number) {
              tones.push(hz)
            }
          },
          connect: (node: unknown) => node,
          start: () => {},
          stop: () => {}
        }
      }
      createGain() {
        const gain = {
          gain: { setValueAtTime: () => {}, exponentialRampToValueAtTime: () => {} },
          connect: (node: unknown) => node
        }
        return gain
      }
    }
    vi.stubGlobal('AudioContext', RecordingAudio)
    try {
      shownOn('monitor')
      emit('team.alertRaised', { ...alert({ severity: 'critical' }), seat: 'desk-b' })
      expect(tones).toEqual([880, 1175])
      // This desk's own alerts sound from the live call's banner, not twice from here.
      emit('alerts.raised', alert({ alertId: 9 }))
      expect(tones).toEqual([880, 1175])
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('shows the newest alert, and closes on request', () => {
    shownOn('sessions')
    emit('alerts.raised', alert())
    emit('team.alertRaised', {
      ...alert({ alertId: 7, reason: 'Caller interrupted 4 times' }),
      seat: 'desk-c'
    })
    expect(screen.getAllByTestId('alert-toast')).toHaveLength(1)
    expect(toast()?.textContent).toContain("Alert on desk-c's call")
    expect(toast()?.textContent).toContain('Caller interrupted 4 times')
    fireEvent.click(within(toast()!).getByRole('button', { name: 'Close' }))
    expect(toast()).toBeNull()
  })

  it('lets a warning leave after 12 s but keeps a critical alert until someone acts', () => {
    vi.useFakeTimers()
    shownOn('sessions')
    emit('alerts.raised', alert({ severity: 'warning' }))
    act(() => vi.advanceTimersByTime(11_000))
    expect(toast()).not.toBeNull()
    act(() => vi.advanceTimersByTime(2_000))
    expect(toast()).toBeNull()
    emit('alerts.raised', alert({ alertId: 2, severity: 'critical' }))
    act(() => vi.advanceTimersByTime(60_000))
    expect(toast()).not.toBeNull()
  })

  it('speaks Spanish and French', async () => {
    shownOn('reports')
    await act(() => i18next.changeLanguage('es'))
    emit('team.alertRaised', { ...alert(), seat: 'desk-b' })
    expect(toast()?.textContent).toContain('Alerta en la llamada de desk-b')
    expect(within(toast()!).getByRole('button', { name: 'Abrir Monitor' }))
    await act(() => i18next.changeLanguage('fr'))
    emit('alerts.raised', alert({ alertId: 9 }))
    expect(toast()?.textContent).toContain('Alerte sur votre appel')
    expect(within(toast()!).getByRole('button', { name: "Revenir à l'appel" }))
  })
})
