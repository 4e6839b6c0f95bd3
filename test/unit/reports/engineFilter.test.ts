import { afterEach, describe, expect, it } from 'vitest'
import type { SessionDatabase } from '../../../src/main/database/SessionDatabase'
import { ReportQueries } from '../../../src/main/reports/ReportQueries'
import type { VoiceEngine } from '../../../src/shared/live-call/voiceEngine'
import { session } from '../database/contractFixtures'
import {
  postgresBackendOn,
  sqliteBackend,
  type SessionDatabaseBackend
} from '../database/databaseBackends'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'

// Reports' figures come from the columns main holds in memory; the voice-engine filter must
// keep there exactly the sessions sessionWhere's SQL keeps (Sessions, the alerts section).

describe('the voice-engine filter in Reports, on SQLite', () => cases(sqliteBackend()))
describe.skipIf(skipWithoutPostgres)('the voice-engine filter in Reports, on PostgreSQL', () => {
  const pg = usePostgres()
  cases(postgresBackendOn(pg))
})

async function recordLive(db: SessionDatabase, id: string, engine: VoiceEngine): Promise<void> {
  await db.calls.insertIfNew({
    sessionId: id,
    callId: null,
    provider: 'openai',
    model: engine === 'live' ? 'gpt-live-1' : 'gpt-realtime',
    startedAtMs: 1_764_081_000_000,
    pricing: null,
    sentimentReader: 'lexicon',
    engine
  })
  await db.sessions.insertRecorded(
    session(id, { model: engine === 'live' ? 'gpt-live-1' : 'gpt-realtime' }),
    'now'
  )
}

function cases(backend: SessionDatabaseBackend): void {
  afterEach(() => backend.close())

  it('keeps GPT-Live calls apart from Realtime calls, imports and the pilot counting as Realtime', async () => {
    const db = await backend.open()
    await db.sessions.insertRecorded(session('IMP-1', { source: 'import' }), 'now')
    await recordLive(db, 'LIVE-RT-1', 'realtime')
    await recordLive(db, 'LIVE-GL-1', 'live')
    await recordLive(db, 'LIVE-GL-2', 'live')
    const reports = new ReportQueries(db)
    const sessions = async (engine?: VoiceEngine): Promise<number> =>
      (await reports.summary(engine ? { engine } : {})).kpis.sessions
    expect(await sessions()).toBe(4)
    expect(await sessions('live')).toBe(2)
    expect(await sessions('realtime')).toBe(2)
    // The same rows as the SQL filter.
    const sql = async (engine: VoiceEngine): Promise<string[]> =>
      (await db.sessions.page({ engine }, { column: 'session_id', direction: 'asc' }, 0, 10)).map(
        (row) => row.session_id
      )
    expect(await sql('live')).toEqual(['LIVE-GL-1', 'LIVE-GL-2'])
    expect(await sql('realtime')).toEqual(['IMP-1', 'LIVE-RT-1'])
  })
}
