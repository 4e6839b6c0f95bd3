import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../../src/shared/settings/settingsSchema'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'
import { data, STARTED_AT } from '../recording/support'
import { useTeamDesks } from './support/teamDesks'

// Deleting a call's audio on the team database: a supervisor's seat only, and every desk then
// reads who deleted it and when (a real PostgreSQL; skipped without one unless CI is set).
describe.skipIf(skipWithoutPostgres)("team mode: deleting a call's audio", () => {
  const pg15 = usePostgres()
  const teamDesk = useTeamDesks()

  it("refuses an agent's seat, says why, and lets a supervisor delete it, recorded as the seat", async () => {
    const url = await pg15.freshUrl()
    const agent = await teamDesk(url, 'desk-a', { role: 'agent' })
    const lead = await teamDesk(url, 'lead', { role: 'supervisor' })
    const settings = data<{ settings: ReturnType<typeof defaultSettings> }>(
      await agent.call('settings.get', {})
    ).settings
    data(await agent.call('settings.save', { ...settings, recordAudio: true }))
    const { sessionId } = data<{ sessionId: string }>(
      await agent.call('recording.begin', { provider: 'openai', model: 'm', startedAt: STARTED_AT })
    )
    data(
      await agent.call('recording.appendAudio', {
        sessionId,
        seq: 0,
        mimeType: 'audio/webm;codecs=opus',
        startT: 0,
        endMs: 1000,
        data: Buffer.from([1, 2, 3]).toString('base64')
      })
    )
    data(await agent.call('recording.finish', { sessionId, endedAt: STARTED_AT + 2000 }))

    expect(await agent.call('recording.removeAudio', { sessionId })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining("Only a supervisor's seat deletes") }
    })
    expect(data(await lead.call('recording.audio', { sessionId, fromSeq: 0 }))).not.toBeNull()

    const removed = data<{ removedBy: string; chunks: number }>(
      await lead.call('recording.removeAudio', { sessionId })
    )
    expect(removed).toMatchObject({ removedBy: 'lead', chunks: 1 })
    expect(data(await agent.call('recording.audio', { sessionId, fromSeq: 0 }))).toBeNull()
    expect(data(await agent.call('recording.audioRemoval', { sessionId }))).toMatchObject({
      removedBy: 'lead'
    })
  })
})
