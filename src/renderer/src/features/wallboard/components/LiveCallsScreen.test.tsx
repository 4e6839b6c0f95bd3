import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { defaultSettings } from '@shared/settings/settingsSchema'
import type { BoardSnapshot, LiveCallRow } from '@shared/team/boardSnapshot'
import { i18next } from '@renderer/i18n'
import { emit, mockApi, ok } from '@renderer/test/mockApi'
import { LiveCallsScreen } from './LiveCallsScreen'

const row = (over: Partial<LiveCallRow>): LiveCallRow => ({
  sessionId: 'LIVE-20261125-143012-ab12',
  seat: 'desk-a',
  channel: 'desk',
  caller: null,
  engine: 'realtime',
  startedAt: '2026-11-25T14:30:12.000Z',
  durationMs: 65_000,
  language: 'en',
  turns: 6,
  interruptions: 0,
  p50Ms: 610,
  latestAlert: null,
  stale: false,
  lastHeardAt: '2026-11-25T14:31:15.000Z',
  ...over
})

const board = (calls: LiveCallRow[], over: Partial<BoardSnapshot> = {}): BoardSnapshot => ({
  takenAt: new Date().toISOString(),
  channel: 'connected',
  staleAfterMs: 6_000,
  calls,
  ...over
})

/** The table's rows as the supervisor reads them: seat (with session) … alert. */
const rows = (): HTMLElement[] => screen.queryAllByTestId('wallboard-row')
const rowOf = (sessionId: string): HTMLElement => {
  const found = rows().find((r) => r.dataset.sessionId === sessionId)
  if (!found) throw new Error(`no row for ${sessionId}`)
  return found
}

/** settings.get as main answers it for a console at `role`. */
const seatOf = (role: 'agent' | 'supervisor') => {
  const settings = defaultSettings()
  return ok({ settings: { ...settings, team: { ...settings.team, role } }, problem: null })
}

const phoneRow = (over: Partial<LiveCallRow> = {}): LiveCallRow =>
  row({
    sessionId: 'LIVE-PHONE',
    seat: 'gw-1',
    channel: 'phone',
    caller: '+1 ••• ••• 0142',
    latestAlert: {
      alertId: 9,
      rule: 'human_request',
      severity: 'critical',
      raisedAt: '2026-11-25T14:31:00.000Z',
      status: 'open'
    },
    ...over
  })

describe('LiveCallsScreen', () => {
  afterEach(async () => {
    cleanup()
    Reflect.deleteProperty(window, 'api')
    await i18next.changeLanguage('en')
  })

  it('says Live calls need team mode on a console outside it', async () => {
    mockApi({ 'team.board': ok(null) })
    render(<LiveCallsScreen />)
    expect(
      await screen.findByText('Live calls across desks need team mode: Settings → Team.')
    ).toBeTruthy()
    expect(screen.queryByTestId('wallboard-table')).toBeNull()
  })

  it('says so when no desk has a call in progress', async () => {
    mockApi({ 'team.board': ok(board([])) })
    render(<LiveCallsScreen />)
    const empty = await screen.findByTestId('wallboard-empty')
    expect(empty.textContent).toBe('No calls in progress on any desk.')
    expect(screen.queryByTestId('wallboard-channel')).toBeNull()
  })

  it("lists each desk's call with its figures and latest alert", async () => {
    mockApi({
      'team.board': ok(
        board([
          row({
            sessionId: 'call-b',
            seat: 'desk-b',
            interruptions: 3,
            language: null,
            p50Ms: null,
            latestAlert: {
              alertId: 4,
              rule: 'human_request',
              severity: 'critical',
              raisedAt: '2026-11-25T14:31:00.000Z',
              status: 'open'
            }
          }),
          row({ sessionId: 'call-a', seat: 'desk-a', interruptions: 1 })
        ])
      )
    })
    render(<LiveCallsScreen />)
    await screen.findByTestId('wallboard-table')
    expect(rows().map((r) => r.dataset.sessionId)).toEqual(['call-b', 'call-a'])

    const b = rowOf('call-b')
    expect(within(b).getByText('desk-b'))
    expect(within(b).getByTestId('wallboard-interruptions').textContent).toBe('3')
    expect(within(b).getByTestId('wallboard-alert').textContent).toBe(
      'Caller asks for a human · open'
    )
    expect(within(b).getAllByText('—')).toHaveLength(2) // no language, no P50 yet

    const a = rowOf('call-a')
    expect(within(a).getByText('desk-a'))
    expect(within(a).getByTestId('wallboard-interruptions').textContent).toBe('1')
    expect(within(a).getByTestId('wallboard-alert').textContent).toBe('None')
    expect(within(a).getByText('610 ms'))
    expect(within(a).getByText('English'))
  })

  it("replaces the rows with each board main sends, the alert's status included", async () => {
    mockApi({ 'team.board': ok(board([row({ sessionId: 'call-a' })])) })
    render(<LiveCallsScreen />)
    await screen.findByTestId('wallboard-table')
    emit(
      'team.board',
      board([
        row({
          sessionId: 'call-c',
          seat: 'desk-c',
          interruptions: 2,
          latestAlert: {
            alertId: 9,
            rule: 'interruptions_total',
            severity: 'warning',
            raisedAt: '2026-11-25T14:32:00.000Z',
            status: 'escalated'
          }
        })
      ])
    )
    expect(rows().map((r) => r.dataset.sessionId)).toEqual(['call-c'])
    expect(within(rowOf('call-c')).getByTestId('wallboard-alert').textContent).toBe(
      'Interruptions in the call · escalated'
    )
    emit('team.board', board([]))
    expect(rows()).toEqual([])
    expect(screen.getByTestId('wallboard-empty'))
  })

  it('warns that rows may be old while the team channel reconnects', async () => {
    mockApi({ 'team.board': ok(board([row({})])) })
    render(<LiveCallsScreen />)
    await screen.findByTestId('wallboard-table')
    expect(screen.queryByTestId('wallboard-channel')).toBeNull()
    emit('team.board', board([row({})], { channel: 'reconnecting' }))
    expect(screen.getByTestId('wallboard-channel').textContent).toBe(
      'Reconnecting to the team database: rows may be out of date.'
    )
    expect(rows()).toHaveLength(1)
    emit('team.board', board([row({})]))
    expect(screen.queryByTestId('wallboard-channel')).toBeNull()
  })

  it("says since when a silent desk has not reported, and stops counting its call's time", async () => {
    const takenAt = new Date(Date.now() - 125_000).toISOString()
    mockApi({
      'team.board': ok(
        board(
          [
            row({ sessionId: 'fresh', durationMs: 60_000 }),
            row({
              sessionId: 'silent',
              durationMs: 65_000,
              stale: true,
              lastHeardAt: '2026-11-25T14:31:05.000Z'
            })
          ],
          { takenAt }
        )
      )
    })
    render(<LiveCallsScreen />)
    await screen.findByTestId('wallboard-table')
    const silent = rowOf('silent')
    expect(silent.textContent).toMatch(/Not reporting since 2:31:05\sPM/)
    expect(within(silent).getByTestId('wallboard-duration').textContent).toBe('1 min 5 sec')
    // A fresh call's time runs on from the snapshot: 60 s then, over 3 min now.
    expect(within(rowOf('fresh')).getByTestId('wallboard-duration').textContent).toMatch(
      /^3 min \d+ sec$/
    )
    expect(rowOf('fresh').textContent).not.toContain('Not reporting')
  })

  it("shows each call's channel, and a phone call's number masked", async () => {
    mockApi({ 'team.board': ok(board([row({ sessionId: 'desk-call' }), phoneRow()])) })
    render(<LiveCallsScreen />)
    await screen.findByTestId('wallboard-table')
    expect(within(rowOf('LIVE-PHONE')).getByTestId('wallboard-channel-cell').textContent).toBe(
      'Phone+1 ••• ••• 0142'
    )
    expect(within(rowOf('desk-call')).getByTestId('wallboard-channel-cell').textContent).toBe(
      'Desk'
    )
    // An agent's console (no supervisor role) is offered no takeover.
    expect(screen.queryByTestId('gateway-call-actions')).toBeNull()
  })

  it('offers no transfer on a web call (only a phone call can be handed to a person)', async () => {
    mockApi({
      'team.board': ok(
        board([phoneRow(), phoneRow({ sessionId: 'LIVE-WEB', channel: 'web', caller: null })])
      ),
      'settings.get': seatOf('supervisor')
    })
    render(<LiveCallsScreen />)
    await screen.findByTestId('wallboard-table')
    const web = await waitFor(() => within(rowOf('LIVE-WEB')).getByTestId('gateway-call-actions'))
    expect(within(rowOf('LIVE-WEB')).getByTestId('wallboard-channel-cell').textContent).toBe('Web')
    expect(within(web).getByRole('button', { name: 'End call' })).toBeTruthy()
    expect(within(web).queryByRole('button', { name: 'Transfer to a person' })).toBeNull()
    const phone = within(rowOf('LIVE-PHONE')).getByTestId('gateway-call-actions')
    expect(within(phone).getByRole('button', { name: 'Transfer to a person' })).toBeTruthy()
  })

  it('disables Stop agent speaking on a GPT-Live call (Live has no way to stop its agent), and offers the rest', async () => {
    mockApi({
      'team.board': ok(board([phoneRow(), phoneRow({ sessionId: 'LIVE-GPT', engine: 'live' })])),
      'settings.get': seatOf('supervisor')
    })
    render(<LiveCallsScreen />)
    await screen.findByTestId('wallboard-table')
    const live = await waitFor(() => within(rowOf('LIVE-GPT')).getByTestId('gateway-call-actions'))
    const stop = (actions: HTMLElement): HTMLButtonElement =>
      within(actions).getByRole('button', { name: 'Stop agent speaking' })
    expect(stop(live).disabled).toBe(true)
    expect(within(live).getByRole('button', { name: 'Transfer to a person' })).toBeTruthy()
    expect(within(live).getByRole('button', { name: 'End call' })).toBeTruthy()
    const realtime = within(rowOf('LIVE-PHONE')).getByTestId('gateway-call-actions')
    expect(stop(realtime).disabled).toBe(false)
  })

  it('offers a supervisor the takeover of a phone call, transfers it from its alert and says when it is done', async () => {
    const request = mockApi({
      'team.board': ok(board([row({ sessionId: 'desk-call' }), phoneRow()])),
      'settings.get': seatOf('supervisor'),
      'gateway.act': [
        ok({ commandId: 1, gatewaySeat: 'gw-1', note: null }),
        ok({ commandId: 2, gatewaySeat: 'gw-1', note: 'Handoff — call LIVE-PHONE' })
      ]
    })
    render(<LiveCallsScreen />)
    await screen.findByTestId('wallboard-table')
    const actions = await waitFor(() =>
      within(rowOf('LIVE-PHONE')).getByTestId('gateway-call-actions')
    )
    // A desk's own call is taken over at that desk, not from here.
    expect(within(rowOf('desk-call')).queryByTestId('gateway-call-actions')).toBeNull()

    fireEvent.click(within(actions).getByRole('button', { name: 'Stop agent speaking' }))
    await waitFor(() =>
      expect(request).toHaveBeenCalledWith('gateway.act', {
        sessionId: 'LIVE-PHONE',
        alertId: 9,
        action: 'stop_agent'
      })
    )
    fireEvent.click(within(actions).getByRole('button', { name: 'Transfer to a person' }))
    await waitFor(() =>
      expect(request).toHaveBeenCalledWith('gateway.act', {
        sessionId: 'LIVE-PHONE',
        alertId: 9,
        action: 'transfer'
      })
    )
    expect((await screen.findByTestId('gateway-call-sent')).textContent).toContain(
      'Transfer sent to the call gateway'
    )
    emit('team.commandDone', {
      type: 'call.commandDone',
      commandId: 2,
      sessionId: 'LIVE-PHONE',
      seat: 'gw-1',
      action: 'transfer',
      bySeat: 'lead',
      ok: true,
      reason: null,
      at: '2026-11-25T14:31:30.000Z'
    })
    expect(screen.getByTestId('wallboard-command-done').textContent).toBe('Transferred by lead')
  })

  it("shows main's refusal of a takeover, and a gateway's failure, in the UI's language", async () => {
    mockApi({
      'team.board': ok(board([phoneRow({ latestAlert: null })])),
      'settings.get': seatOf('supervisor'),
      'gateway.act': {
        ok: false,
        error: { code: 'failed', message: 'That call is no longer running at the call gateway' }
      }
    })
    render(<LiveCallsScreen />)
    await act(() => i18next.changeLanguage('fr'))
    const actions = await screen.findByTestId('gateway-call-actions')
    fireEvent.click(within(actions).getByRole('button', { name: "Mettre fin à l'appel" }))
    expect(
      await screen.findByText("Cet appel n'est plus en cours à la passerelle d'appels")
    ).toBeTruthy()
    emit('team.commandDone', {
      type: 'call.commandDone',
      commandId: 3,
      sessionId: 'LIVE-PHONE',
      seat: 'gw-1',
      action: 'transfer',
      bySeat: 'lead',
      ok: false,
      reason: 'this gateway has no --transfer-uri',
      at: '2026-11-25T14:31:30.000Z'
    })
    expect(screen.getByTestId('wallboard-command-done').textContent).toBe(
      'Transfert non effectué : this gateway has no --transfer-uri'
    )
    expect(within(screen.getByTestId('wallboard-table')).getByText('Téléphone')).toBeTruthy()
  })

  it('speaks Spanish', async () => {
    mockApi({ 'team.board': ok(board([row({ stale: true })], { channel: 'reconnecting' })) })
    render(<LiveCallsScreen />)
    await screen.findByTestId('wallboard-table')
    await act(() => i18next.changeLanguage('es'))
    expect(screen.getByText('Llamadas en curso'))
    expect(screen.getByTestId('wallboard-channel').textContent).toContain(
      'Reconectando con la base de datos del equipo'
    )
    expect(rows()[0]?.textContent).toContain('Sin noticias desde las')
    expect(within(rows()[0]!).getByTestId('wallboard-alert').textContent).toBe('Ninguna')
  })
})
