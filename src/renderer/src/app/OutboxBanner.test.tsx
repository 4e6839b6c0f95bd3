import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { i18next } from '@renderer/i18n'
import { emit, mockApi, ok } from '@renderer/test/mockApi'
import { OutboxBanner } from './OutboxBanner'

const banner = (): HTMLElement | null => screen.queryByTestId('outbox-banner')
const status = (unreachable: boolean, waiting: number) => ({ unreachable, waiting })

/** Renders the banner once main has answered its first read of the outbox. */
async function shown(first = status(false, 0)): Promise<void> {
  const request = mockApi({ 'recording.outbox': ok(first) })
  render(<OutboxBanner />)
  await act(async () => {}) // the answer arrives
  expect(request).toHaveBeenCalledWith('recording.outbox', {})
}

describe('OutboxBanner', () => {
  afterEach(async () => {
    cleanup()
    vi.useRealTimers()
    Reflect.deleteProperty(window, 'api')
    await i18next.changeLanguage('en')
  })

  it('shows nothing while the team database is reachable and nothing waits', async () => {
    await shown()
    expect(banner()).toBeNull()
  })

  it('says how many items wait while the team database is unreachable', async () => {
    await shown()
    emit('recording.outbox', status(true, 1))
    expect(banner()?.textContent).toContain('Team database unreachable — 1 item waiting')
    expect(banner()?.textContent).toContain('Calls keep recording on this computer')
    emit('recording.outbox', status(true, 1234))
    expect(banner()?.textContent).toContain('Team database unreachable — 1,234 items waiting')
  })

  it('says it is delivering once the database is back, then that all was delivered, then goes', async () => {
    await shown()
    emit('recording.outbox', status(true, 3))
    emit('recording.outbox', status(false, 2))
    expect(banner()?.textContent).toBe('Team database back — delivering 2 waiting items…')
    emit('recording.outbox', status(false, 1))
    expect(banner()?.textContent).toBe('Team database back — delivering 1 waiting item…')
    vi.useFakeTimers()
    emit('recording.outbox', status(false, 0))
    expect(banner()?.textContent).toBe('Team database back — every waiting item was delivered.')
    act(() => vi.advanceTimersByTime(5_900))
    expect(banner()).not.toBeNull()
    act(() => vi.advanceTimersByTime(200))
    expect(banner()).toBeNull()
  })

  it('goes back to the warning if the database leaves again while "delivered" shows', async () => {
    await shown()
    emit('recording.outbox', status(true, 1))
    vi.useFakeTimers()
    emit('recording.outbox', status(false, 0))
    emit('recording.outbox', status(true, 2))
    expect(banner()?.textContent).toContain('Team database unreachable — 2 items waiting')
    // The "delivered" timer of the first return must not clear the new outage's banner.
    act(() => vi.advanceTimersByTime(10_000))
    expect(banner()?.textContent).toContain('Team database unreachable — 2 items waiting')
  })

  it('stays silent when writes only waited a moment without the database going away', async () => {
    await shown()
    emit('recording.outbox', status(false, 2)) // an import held the database for a moment
    expect(banner()).toBeNull()
    emit('recording.outbox', status(false, 0))
    expect(banner()).toBeNull()
  })

  it('warns at once when the window opens during an outage, and follows its end', async () => {
    await shown(status(true, 4))
    expect(banner()?.textContent).toContain('Team database unreachable — 4 items waiting')
    emit('recording.outbox', status(false, 4))
    expect(banner()?.textContent).toBe('Team database back — delivering 4 waiting items…')
    emit('recording.outbox', status(false, 0))
    expect(banner()?.textContent).toBe('Team database back — every waiting item was delivered.')
  })

  it('speaks Spanish and French', async () => {
    await shown()
    await act(() => i18next.changeLanguage('es'))
    emit('recording.outbox', status(true, 2))
    expect(banner()?.textContent).toContain(
      'Base de datos del equipo inaccesible — 2 elementos en espera'
    )
    await act(() => i18next.changeLanguage('fr'))
    emit('recording.outbox', status(false, 1))
    expect(banner()?.textContent).toBe(
      "Base de l'équipe de retour — livraison de 1 élément en attente…"
    )
  })
})
