import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { GatewayEngineSetting } from '@shared/gateway/teamGatewayEngine'
import { i18next } from '@renderer/i18n'
import { mockApi, ok } from '@renderer/test/mockApi'
import { GatewayEngineField } from './GatewayEngineField'

const UNSET: GatewayEngineSetting = {
  team: { engine: null, updatedBy: null, updatedAt: null },
  canChange: true
}
const LIVE: GatewayEngineSetting = {
  team: { engine: 'live', updatedBy: 'lead', updatedAt: '2026-12-07T16:05:00.000Z' },
  canChange: true
}

const radio = (name: RegExp): HTMLInputElement => screen.getByRole('radio', { name }) as never

describe("Settings → Team: the gateway calls' voice engine", () => {
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
    Reflect.deleteProperty(window, 'api')
  })

  it("lets a supervisor pick GPT-Live for every gateway's next call, applied at once", async () => {
    const request = mockApi({ 'gateway.engine.get': ok(UNSET), 'gateway.engine.set': ok(LIVE) })
    render(<GatewayEngineField />)
    await screen.findByRole('radio', { name: /each gateway's own/i })
    expect(radio(/each gateway's own/i).checked).toBe(true)
    // Each choice says when to pick it (the provider's engine texts, reused).
    expect(screen.getByTestId('gateway-engine-field').textContent).toMatch(
      /Pick it for the newer voice model/
    )
    fireEvent.click(radio(/^GPT-Live/))
    await waitFor(() => expect(radio(/^GPT-Live/).checked).toBe(true))
    expect(request).toHaveBeenCalledWith('gateway.engine.set', { engine: 'live' })
    expect(screen.getByTestId('gateway-engine-changed').textContent).toMatch(
      /^Last changed by lead/
    )
  })

  it("goes back to each gateway's own setting as null", async () => {
    const request = mockApi({ 'gateway.engine.get': ok(LIVE), 'gateway.engine.set': ok(UNSET) })
    render(<GatewayEngineField />)
    fireEvent.click(await screen.findByRole('radio', { name: /each gateway's own/i }))
    await waitFor(() =>
      expect(request).toHaveBeenCalledWith('gateway.engine.set', { engine: null })
    )
  })

  it("shows an agent the team's choice, disabled, and says who may change it (in French)", async () => {
    await i18next.changeLanguage('fr')
    const request = mockApi({ 'gateway.engine.get': ok({ ...LIVE, canChange: false }) })
    render(<GatewayEngineField />)
    await screen.findByRole('radio', { name: /^GPT-Live/ })
    expect(radio(/^GPT-Live/).checked).toBe(true)
    for (const input of screen.getAllByRole('radio'))
      expect((input as HTMLInputElement).disabled).toBe(true)
    expect(screen.getByTestId('gateway-engine-supervisor-only').textContent).toBe(
      'Seul un superviseur peut le modifier.'
    )
    expect(request).not.toHaveBeenCalledWith('gateway.engine.set', expect.anything())
  })

  it("words main's refusal in the UI's language", async () => {
    await i18next.changeLanguage('es')
    mockApi({
      'gateway.engine.get': ok(UNSET),
      'gateway.engine.set': {
        ok: false,
        error: {
          code: 'failed',
          message: "Only a supervisor can change the gateways' voice engine"
        }
      }
    })
    render(<GatewayEngineField />)
    fireEvent.click(await screen.findByRole('radio', { name: /^API Realtime/ }))
    expect(await screen.findByText(/Solo un supervisor puede cambiar el motor de voz/)).toBeTruthy()
    expect(radio(/propio de cada pasarela/).checked).toBe(true)
  })
})
