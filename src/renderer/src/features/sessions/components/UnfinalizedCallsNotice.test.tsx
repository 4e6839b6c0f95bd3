import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { UnfinalizedCall } from '@shared/live-call/recordedCall'
import { i18next } from '@renderer/i18n'
import { UnfinalizedCallsNotice } from './UnfinalizedCallsNotice'

const TAKEN = 'Session id LIVE-20261125-143012-ab12 is already taken by another session row'

const call = (sessionId: string): UnfinalizedCall => ({
  sessionId,
  provider: 'openai',
  model: 'gpt-realtime',
  startedAtMs: Date.UTC(2026, 10, 25, 14, 30, 12),
  endedAtMs: null,
  events: 42,
  failure: {
    error: TAKEN,
    failedAt: '2026-11-25T14:40:00.000Z',
    attempts: 1
  }
})

describe('UnfinalizedCallsNotice', () => {
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
  })

  it('shows nothing while every recorded call is finalized', () => {
    render(<UnfinalizedCallsNotice calls={[]} onOpen={() => undefined} />)
    expect(screen.queryByTestId('unfinalized-calls')).toBeNull()
  })

  it('counts the calls, names each with its error, and opens the one clicked', () => {
    const onOpen = vi.fn()
    const calls = [call('LIVE-20261125-143012-ab12'), call('LIVE-20261125-150000-cd34')]
    render(<UnfinalizedCallsNotice calls={calls} onOpen={onOpen} />)
    const notice = screen.getByTestId('unfinalized-calls')
    expect(notice.textContent).toContain('2 recorded calls could not be finalized')
    expect(notice.textContent).toContain(TAKEN)
    fireEvent.click(screen.getByRole('button', { name: 'LIVE-20261125-150000-cd34' }))
    expect(onOpen).toHaveBeenCalledWith(calls[1])
  })

  it('speaks Spanish', async () => {
    await i18next.changeLanguage('es')
    render(<UnfinalizedCallsNotice calls={[call('LIVE-20261125-143012-ab12')]} onOpen={() => {}} />)
    expect(screen.getByTestId('unfinalized-calls').textContent).toContain(
      '1 llamada grabada no se pudo finalizar'
    )
  })
})
