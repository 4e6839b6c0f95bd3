import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { KnownCallInput } from '@shared/live-call/callEvents'
import type { RecordedInput } from '@shared/live-call/recordedCall'
import { defaultSettings } from '@shared/settings/settingsSchema'
import type { BoardSnapshot, LiveCallRow } from '@shared/team/boardSnapshot'
import type { FollowedCall, FollowedCallChunk } from '@shared/team/followedCall'
import { i18next } from '@renderer/i18n'
import { emit, mockApi, ok } from '@renderer/test/mockApi'
import { BARGE_IN_CLEARED, TOOL_CALL } from '../../../../../../test/support/callFixtures'
import { LiveCallsScreen } from '../components/LiveCallsScreen'

const SESSION = 'LIVE-PHONE'

const phoneRow: LiveCallRow = {
  sessionId: SESSION,
  seat: 'gw-1',
  channel: 'phone',
  caller: '+1 ••• ••• 0142',
  engine: 'realtime',
  startedAt: '2026-11-25T14:30:12.000Z',
  durationMs: 65_000,
  language: 'en',
  turns: 3,
  interruptions: 1,
  p50Ms: 410,
  latestAlert: {
    alertId: 9,
    rule: 'interruptions_total',
    severity: 'warning',
    raisedAt: '2026-11-25T14:31:00.000Z',
    status: 'open'
  },
  stale: false,
  lastHeardAt: new Date().toISOString()
}

const board: BoardSnapshot = {
  takenAt: new Date().toISOString(),
  channel: 'connected',
  staleAfterMs: 6_000,
  calls: [phoneRow]
}

const followed: FollowedCall = {
  sessionId: SESSION,
  channel: 'phone',
  seat: 'gw-1',
  startedAtMs: Date.parse('2026-11-25T14:30:12.000Z'),
  status: 'active'
}

const supervisorSettings = () => {
  const settings = defaultSettings()
  return ok({
    settings: { ...settings, team: { ...settings.team, role: 'supervisor' as const } },
    problem: null
  })
}

/** Opens the row's live view as a supervisor; returns the request mock and the follow id. */
async function openLiveView() {
  const request = mockApi({
    'team.board': ok(board),
    'settings.get': supervisorSettings(),
    'team.followCall': ok(followed),
    'team.unfollowCall': ok({ followed: true }),
    'gateway.act': ok({ commandId: 1, gatewaySeat: 'gw-1', note: null })
  })
  render(<LiveCallsScreen />)
  const row = await screen.findByTestId('wallboard-row')
  fireEvent.click(within(row).getByRole('button', { name: 'Live view' }))
  await screen.findByTestId('followed-call')
  const asked = request.mock.calls.find(([route]) => route === 'team.followCall')
  const { followId, sessionId } = asked![1] as { followId: string; sessionId: string }
  expect(sessionId).toBe(SESSION)
  return { request, followId }
}

/** Main's chunks of `inputs`, `size` at a time, as JSON crosses IPC. */
function chunks(followId: string, inputs: readonly KnownCallInput[], size: number) {
  const recorded = JSON.parse(JSON.stringify(inputs)) as RecordedInput[]
  const out: FollowedCallChunk[] = []
  for (let from = 0; from < recorded.length; from += size) {
    const part = recorded.slice(from, from + size)
    out.push({
      followId,
      sessionId: SESSION,
      afterSeq: from - 1,
      throughSeq: from + part.length - 1,
      inputs: part,
      ended: from + size >= recorded.length
    })
  }
  return out
}

describe('a team call opened from the wallboard', () => {
  afterEach(async () => {
    cleanup()
    Reflect.deleteProperty(window, 'api')
    await i18next.changeLanguage('en')
  })

  it("shows the recording through the live call's panels, live, then says it ended", async () => {
    const { followId } = await openLiveView()
    expect(screen.getByRole('heading', { name: 'Live view · gw-1' })).toBeTruthy()
    expect(screen.getByTestId('followed-call-facts').textContent).toContain(
      'Phone · +1 ••• ••• 0142'
    )
    const parts = chunks(followId, BARGE_IN_CLEARED, 6)
    // Another view's chunk is not this one's.
    emit('team.callRecorded', { ...parts[0]!, followId: 'someone-else-1' })
    expect(screen.queryAllByTestId('transcript-caller')).toHaveLength(0)
    for (const part of parts.slice(0, -1)) emit('team.callRecorded', part)

    const callers = screen.getAllByTestId('transcript-caller').map((el) => el.textContent)
    expect(callers).toEqual([
      'CallerWhat waterproof boots do you have?',
      'Caller · cut inWait, I need them in size eleven.'
    ])
    expect(screen.getByTestId('interruption-count').textContent).toBe('1')
    // Confirmed at 6.7 s of the call, which has reached 9 s: still lit.
    expect(screen.getByTestId('barge-in-indicator').dataset.state).toBe('lit')
    expect(screen.getByTestId('latency-chips').textContent).toMatch(/#1 \d+ ms/)
    expect(screen.getByTestId('followed-call-status').textContent).toBe('Live')
    expect(screen.getByTestId('followed-call-alert').textContent).toBe(
      'Interruptions in the call · open'
    )
    // A supervisor's takeover of the gateway's call, from here too.
    const actions = screen.getByTestId('gateway-call-actions')
    expect(within(actions).getByRole('button', { name: 'Transfer to a person' })).toBeTruthy()
    // No audio reaches this console: who speaks, without level meters.
    expect(screen.queryAllByRole('meter')).toHaveLength(0)

    emit('team.callRecorded', parts.at(-1)!)
    expect(screen.getByTestId('followed-call-status').textContent).toBe('Ended')
    expect(screen.getByTestId('followed-call-ended')).toBeTruthy()
    expect(screen.queryByTestId('gateway-call-actions')).toBeNull()
    expect(screen.getByTestId('barge-in-indicator').dataset.state).toBe('idle')
  })

  it('does not light the barge-in indicator for an interruption long past when opened', async () => {
    const { followId } = await openLiveView()
    const running = BARGE_IN_CLEARED.filter((input) => input.event.type !== 'call.ended')
    const [part] = chunks(followId, [...running, { t: 12_000, event: { type: 'clock.tick' } }], 99)
    emit('team.callRecorded', { ...part!, ended: false })
    expect(screen.getByTestId('interruption-count').textContent).toBe('1')
    expect(screen.getByTestId('barge-in-indicator').dataset.state).toBe('idle')
    expect(screen.getByTestId('followed-call-status').textContent).toBe('Live')
  })

  it('goes back to the wallboard by Escape, lets go of the call and focuses the row again', async () => {
    const { request, followId } = await openLiveView()
    for (const part of chunks(followId, TOOL_CALL, 50)) emit('team.callRecorded', part)
    const card = screen.getByTestId('tool-call-card')
    expect(card.dataset.tool).toBe('search_products')
    expect(within(card).getByTestId('tool-call-result').textContent).toBe(
      '→ 3 results, 812 bytes, 65 ms'
    )
    fireEvent.keyDown(screen.getByRole('button', { name: 'Back to Live calls' }), {
      key: 'Escape'
    })
    const open = await screen.findByRole('button', { name: 'Live view' })
    expect(screen.queryByTestId('followed-call')).toBeNull()
    await waitFor(() => expect(document.activeElement).toBe(open))
    expect(request).toHaveBeenCalledWith('team.unfollowCall', { followId })
  })

  it('follows again from the first input when a chunk skips ahead', async () => {
    const { request, followId } = await openLiveView()
    const parts = chunks(followId, TOOL_CALL, 4)
    emit('team.callRecorded', parts[0]!)
    emit('team.callRecorded', parts[2]!)
    await waitFor(() =>
      expect(request.mock.calls.filter(([route]) => route === 'team.followCall')).toHaveLength(2)
    )
    expect(request).toHaveBeenCalledWith('team.unfollowCall', { followId })
    const again = request.mock.calls.filter(([route]) => route === 'team.followCall')[1]!
    const nextId = (again[1] as { followId: string }).followId
    expect(nextId).not.toBe(followId)
    for (const part of chunks(nextId, TOOL_CALL, 4)) emit('team.callRecorded', part)
    expect(screen.getAllByTestId('transcript-caller')).toHaveLength(1)
    expect(screen.getByTestId('followed-call-status').textContent).toBe('Ended')
  })

  it('speaks Spanish and French', async () => {
    await i18next.changeLanguage('es')
    mockApi({
      'team.board': ok(board),
      'settings.get': supervisorSettings(),
      'team.followCall': ok(followed),
      'team.unfollowCall': ok({ followed: true })
    })
    render(<LiveCallsScreen />)
    fireEvent.click(await screen.findByRole('button', { name: 'Vista en directo' }))
    expect(await screen.findByRole('button', { name: 'Volver a Llamadas en curso' })).toBeTruthy()
    expect(screen.getByTestId('followed-call-status').textContent).toBe('En directo')
    await i18next.changeLanguage('fr')
    expect(await screen.findByRole('button', { name: 'Retour aux appels en cours' })).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Vue en direct · gw-1' })).toBeTruthy()
  })
})
