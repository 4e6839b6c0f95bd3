import { afterEach, describe, expect, it } from 'vitest'
import type { ReportFilter } from '../../../src/shared/analytics/reportSchemas'
import type { SessionStore } from '../../../src/main/sessions/SessionStore'
import { openReportDb } from './reportFixtures'
import { useTempDir } from '../../support/tempDir'
import { whereFor } from '../../../src/main/database/sqlite/sessionWhere'
import { selectRows } from '../../../src/main/reports/selectRows'
import { loadSessionColumns } from '../../../src/main/reports/sessionColumns'
import type { SqliteSessionDatabase } from '../../../src/main/database/sqlite/SqliteSessionDatabase'

const noPause = async (): Promise<void> => {}

describe('selectRows (the report filter over in-memory columns)', () => {
  const tmp = useTempDir()
  let store: SessionStore<SqliteSessionDatabase> | undefined
  afterEach(async () => {
    await store?.close()
    store = undefined
  })

  it('keeps exactly the sessions the SQL of whereFor selects, dates and NULLs included', async () => {
    const db = await openReportDb(tmp.path(), 3000)
    store = db.store
    // Two-thirds of the sessions dated over ten days (some at midnight), a third undated.
    store.database.connection.exec(
      `UPDATE sessions SET started_at = strftime('%Y-%m-%dT%H:%M:%fZ', '2025-03-01',
         '+' || (abs(unicode(substr(session_id, -1)) * 7 + length(session_id)) % 10) || ' days',
         '+' || ((unicode(substr(session_id, -2, 1)) % 3) * 43199) || ' seconds')
       WHERE unicode(substr(session_id, -1)) % 3 <> 0`
    )
    const columns = await loadSessionColumns(store.database.reports, noPause)
    expect(columns.size).toBe(3015)
    const filters: ReportFilter[] = [
      {},
      { sentiment: ['negative'] },
      { scenario: ['complaint', 'return_request'], language: ['es', 'fr'] },
      { ragUsed: false, model: ['gpt-4o-realtime'] },
      { ragUsed: true, source: ['import'] },
      { source: ['live', 'seed'] },
      { scenario: ['no such scenario'] },
      { startedFrom: '2025-03-04' },
      { startedTo: '2025-03-04' },
      { startedFrom: '2025-03-03', startedTo: '2025-03-03' },
      { startedFrom: '2025-03-02', startedTo: '2025-03-06', sentiment: ['positive', 'neutral'] },
      { startedFrom: '2026-01-01' }
    ]
    for (const filter of filters) {
      const where = whereFor(filter)
      const expected = (
        store.database.connection
          .prepare(`SELECT session_id FROM sessions${where.clause} ORDER BY session_id`)
          .all(...where.params) as { session_id: string }[]
      ).map((r) => r.session_id)
      const rows = [...selectRows(columns, filter)].map((i) => columns.sessionIds.at(i))
      expect(rows, JSON.stringify(filter)).toEqual(expected)
      // The date ranges cut through the data: neither everything nor nothing.
      if (filter.startedFrom === '2025-03-04' || filter.startedTo === '2025-03-04')
        expect(expected.length).toBeGreaterThan(100)
      if (filter.startedFrom || filter.startedTo) expect(expected.length).toBeLessThan(2000)
    }
  })
})
