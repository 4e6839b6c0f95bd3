import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { i18next } from '@renderer/i18n'
import { useLiveCallStore } from '../store/liveCallStore'
import { CallFailureBanner } from './CallFailureBanner'
import { CallStatsPanel } from './CallStatsPanel'

const started = (provider: 'openai' | 'demo'): void =>
  useLiveCallStore.setState({
    info: {
      ok: true,
      answerSdp: 'v=0',
      callId: 'rtc_1',
      model: 'gpt-realtime',
      provider,
      engine: 'realtime'
    },
    startedAt: Date.now()
  })

describe('the call screen says what a newcomer needs', () => {
  afterEach(async () => {
    cleanup()
    useLiveCallStore.setState({ info: null, startedAt: null })
    await i18next.changeLanguage('en')
  })

  it('offers Settings when the key is missing or refused, and only then', () => {
    const openSettings = vi.fn()
    const { rerender } = render(
      <CallFailureBanner
        failure={{ kind: 'no_key', message: 'No API key is stored' }}
        onRetry={() => {}}
        onOpenSettings={openSettings}
      />
    )
    fireEvent.click(screen.getByRole('button', { name: 'Open Settings' }))
    expect(openSettings).toHaveBeenCalledOnce()
    rerender(
      <CallFailureBanner
        failure={{ kind: 'bad_key', message: 'Refused' }}
        onRetry={() => {}}
        onOpenSettings={openSettings}
      />
    )
    expect(screen.getByRole('button', { name: 'Open Settings' })).toBeTruthy()
    rerender(
      <CallFailureBanner
        failure={{ kind: 'ice_failed', message: 'No path' }}
        onRetry={() => {}}
        onOpenSettings={openSettings}
      />
    )
    expect(screen.queryByRole('button', { name: 'Open Settings' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy()
  })

  it('prices a real call, and says a demo call is not billed', async () => {
    started('openai')
    const { unmount } = render(<CallStatsPanel />)
    // No usage reported yet: no figure, but not the demo's words either.
    expect(screen.getByTestId('call-cost').textContent).not.toContain('billed')
    unmount()
    started('demo')
    render(<CallStatsPanel />)
    expect(screen.getByTestId('call-cost').textContent).toBe('not billed (demo agent)')
    cleanup()
    await i18next.changeLanguage('fr')
    render(<CallStatsPanel />)
    expect(screen.getByTestId('call-cost').textContent).toBe('non facturé (agent de démonstration)')
  })
})
