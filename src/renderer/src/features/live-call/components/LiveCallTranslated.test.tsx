import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { initialCallState } from '@shared/live-call/callState'
import { EMPTY_TOKEN_TOTALS } from '@shared/live-call/usageCost'
import { i18next } from '@renderer/i18n'
import { mockApi } from '@renderer/test/mockApi'
import { ICE_FAILED_MESSAGE, microphoneFailure } from '../engine/callFailure'
import { CallEventUploader } from '../engine/CallEventUploader'
import { useLiveCallStore } from '../store/liveCallStore'
import { CallControls } from './CallControls'
import { CallFailureBanner } from './CallFailureBanner'
import { CallStatsPanel } from './CallStatsPanel'

const figure = (testId: string): string | null => screen.getByTestId(testId).textContent

describe('Live call screen in Spanish and French', () => {
  afterEach(async () => {
    cleanup()
    Reflect.deleteProperty(window, 'api')
    useLiveCallStore.setState(useLiveCallStore.getInitialState())
    await i18next.changeLanguage('en')
  })

  it("prints the call's figures with French labels and number formats", async () => {
    await i18next.changeLanguage('fr')
    useLiveCallStore.setState({
      startedAt: 0,
      endedAt: 65_000,
      call: {
        ...initialCallState(),
        tokens: {
          ...EMPTY_TOKEN_TOTALS,
          inputTokens: 12_345,
          outputTokens: 678,
          outputAudioTokens: 100_000,
          responsesWithUsage: 1,
          responsesWithoutUsage: 1
        }
      },
      quality: { rttMs: 12_345.4, jitterMs: 4.6, lossPct: 1.5 }
    })
    render(<CallStatsPanel />)
    expect(screen.getByText('Jetons')).toBeTruthy()
    expect(figure('call-elapsed')).toBe('1:05')
    expect(figure('call-tokens')).toBe('12\u202f345 ent. · 678 sort.')
    // 100 000 audio output tokens at $64 per million; one response came without usage.
    expect(figure('call-cost')).toMatch(/^6,40\s\$US \(partiel\)$/)
    expect(figure('call-rtt')).toBe('12\u202f345 ms')
    expect(figure('call-jitter')).toBe('5 ms')
    expect(figure('call-loss')).toMatch(/^1,5\s%$/)
  })

  it('names the controls and the phase in Spanish', async () => {
    await i18next.changeLanguage('es')
    render(
      <CallControls
        phase="in_call"
        muted={false}
        deviceId=""
        onDevice={vi.fn()}
        onCall={vi.fn()}
        onHangup={vi.fn()}
        onMute={vi.fn()}
        onStopAgent={vi.fn()}
      />
    )
    expect(screen.getByRole('button', { name: 'Colgar' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Silenciar' })).toBeTruthy()
    // Each control names its chord; the keys are listed under them, in Spanish.
    expect(
      screen.getByRole('button', { name: 'Silenciar' }).getAttribute('aria-keyshortcuts')
    ).toBe('Control+Shift+M Meta+Shift+M')
    expect(screen.getByTestId('call-shortcuts').textContent).toBe(
      'Teclas: Ctrl+Shift+Enter llamar · Ctrl+Shift+E colgar · Ctrl+Shift+M silenciar o reactivar · Ctrl+Shift+S detener al agente'
    )
    expect(figure('call-phase')).toBe('En llamada')
    expect(screen.getByTestId('call-phase').getAttribute('data-phase')).toBe('in_call')
  })

  it('explains failures in Spanish, wrapping the browser’s own words', async () => {
    await i18next.changeLanguage('es')
    const { rerender } = render(
      <CallFailureBanner
        failure={{ kind: 'ice_failed', message: ICE_FAILED_MESSAGE }}
        onRetry={vi.fn()}
      />
    )
    const banner = screen.getByTestId('call-failure')
    expect(banner.getAttribute('data-kind')).toBe('ice_failed')
    expect(banner.textContent).toContain('Falló la conexión de audio')
    expect(banner.textContent).toContain('no hay ruta de red hasta el servicio')
    expect(screen.getByRole('button', { name: 'Reintentar' })).toBeTruthy()

    rerender(<CallFailureBanner failure={microphoneFailure('NotAllowedError')} onRetry={vi.fn()} />)
    expect(screen.getByTestId('call-failure').textContent).toContain(
      'No se pudo abrir el micrófono (NotAllowedError).'
    )
    // Main's words about a refused start are shown as main wrote them.
    rerender(
      <CallFailureBanner
        failure={{ kind: 'bad_key', message: '(401: invalid_api_key)' }}
        onRetry={vi.fn()}
      />
    )
    expect(screen.getByTestId('call-failure').textContent).toBe(
      'La clave de API fue rechazada(401: invalid_api_key)Reintentar'
    )
  })

  it('reports recording in the UI language', async () => {
    await i18next.changeLanguage('fr')
    mockApi({})
    const messages: (string | null)[] = []
    const uploader = new CallEventUploader((_, message) => messages.push(message))
    await uploader.begin({ provider: 'openai', model: 'gpt-realtime', startedAt: 1 })
    expect(messages).toEqual(["Cette version n'enregistre pas les appels."])
  })
})
