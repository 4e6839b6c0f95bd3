import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SessionImporter } from '../../../src/main/sessions/SessionImporter'
import { SessionStore } from '../../../src/main/sessions/SessionStore'
import { writeSessionsCsv } from '../../../src/main/sessions/writeSessionsCsv'
import { LAB_COLUMNS } from '../../../src/shared/sessions/labSchema'
import { syntheticSessionLines } from '../../../tools/generate/syntheticSessions'
import { generatedCsv, HEADER, PILOT_CSV, useTempDir } from '../../support/tempDir'
import {
  openSqliteSessionDatabase,
  type SqliteSessionDatabase
} from '../../../src/main/database/sqlite/SqliteSessionDatabase'

const ALL = { column: 'session_id', direction: 'asc' } as const

function setup(dir: string): {
  store: SessionStore<SqliteSessionDatabase>
  importer: SessionImporter
} {
  const path = join(dir, 'sessions.sqlite')
  const store = new SessionStore(openSqliteSessionDatabase(path))
  return { store, importer: new SessionImporter(path, () => Date.UTC(2026, 10, 25)) }
}

describe('SessionImporter', () => {
  const tmp = useTempDir()

  it('imports a 100-row file in one go and records its source', async () => {
    const { store, importer } = setup(tmp.path())
    const outcome = await importer.importFile(tmp.write('g.csv', generatedCsv(100)), 'fail')
    expect(outcome).toEqual({
      status: 'imported',
      fileName: 'g.csv',
      inserted: 100,
      replaced: 0,
      skipped: 0,
      warnings: []
    })
    const page = await store.list({}, ALL, 0, 5)
    expect(page.total).toBe(100)
    expect(page.rows[0]).toMatchObject({ session_id: 'G0001', source: 'import', rag_used: false })
    await store.close()
  })

  it('is all-or-nothing: one bad row rejects the file and changes nothing', async () => {
    const { store, importer } = setup(tmp.path())
    const good = generatedCsv(50).trimEnd().split('\n')
    good.splice(30, 0, 'BAD1,faq,10,90,80,0,1,neutral,m,true,en')
    const outcome = await importer.importFile(tmp.write('bad.csv', good.join('\n')), 'fail')
    expect(outcome.status).toBe('rejected')
    if (outcome.status !== 'rejected') return
    expect(outcome.issues).toEqual([
      {
        row: 31,
        column: 'latency_p95_ms',
        reason: 'P95 (80) is below P50 (90)',
        code: 'p95BelowP50',
        params: { p95: 80, p50: 90 }
      }
    ])
    expect(outcome.issueCount).toBe(1)
    expect(outcome.conflictCount).toBe(0)
    expect(await store.count()).toBe(0)
    await store.close()
  })

  it('reports ids already in the database, then skips or replaces them on request', async () => {
    const { store, importer } = setup(tmp.path())
    await importer.importFile(PILOT_CSV, 'fail', 'seed')
    const file = tmp.write(
      'again.csv',
      `${HEADER}\nS01,faq,1,1,2,0,1,neutral,new-model,false,fr\nNEW1,faq,1,1,2,0,1,neutral,m,true,en\n`
    )

    const refused = await importer.importFile(file, 'fail')
    expect(refused).toMatchObject({
      status: 'rejected',
      issueCount: 1,
      conflictCount: 1,
      issues: [
        {
          row: 2,
          column: 'session_id',
          reason: 'session_id "S01" is already in the database',
          code: 'idInDatabase',
          params: { id: 'S01' }
        }
      ]
    })
    expect(await store.count()).toBe(15)

    expect(await importer.importFile(file, 'skip')).toMatchObject({ inserted: 1, skipped: 1 })
    expect((await store.list({ search: 'S01' }, ALL, 0, 1)).rows[0]).toMatchObject({
      model: 'gpt-4o-realtime',
      source: 'seed'
    })

    store.database.connection.exec(
      "UPDATE sessions SET started_at = '2026-11-01T10:00:00Z', tool_calls = 3"
    )
    expect(await importer.importFile(file, 'replace')).toMatchObject({ inserted: 0, replaced: 2 })
    expect((await store.list({ search: 'S01' }, ALL, 0, 1)).rows[0]).toMatchObject({
      model: 'new-model',
      language: 'fr',
      rag_used: false,
      source: 'import',
      started_at: null, // a replaced session is the imported row, nothing of the old one
      tool_calls: null
    })
    expect(await store.count()).toBe(16)
    await store.close()
  })

  it('still lists conflicts next to other problems, so the user sees them all at once', async () => {
    const { store, importer } = setup(tmp.path())
    await importer.importFile(PILOT_CSV, 'fail', 'seed')
    const file = tmp.write(
      'mixed.csv',
      `${HEADER}\nX1,faq,-1,1,2,0,1,neutral,m,true,en\nS02,faq,1,1,2,0,1,neutral,m,true,en\n`
    )
    const outcome = await importer.importFile(file, 'fail')
    expect(outcome).toMatchObject({ status: 'rejected', issueCount: 2, conflictCount: 1 })
    await store.close()
  })
})

describe('SessionStore queries', () => {
  const tmp = useTempDir()

  it('filters, sorts and pages', async () => {
    const { store, importer } = setup(tmp.path())
    await importer.importFile(PILOT_CSV, 'fail', 'seed')
    expect(await store.count({ sentiment: ['negative'] })).toBe(4)
    expect(await store.count({ ragUsed: false, language: ['en'] })).toBe(3)
    expect(await store.count({ search: 'complaint' })).toBe(3)
    expect(await store.count({ search: '100%_' })).toBe(0) // LIKE wildcards are escaped
    const slowest = await store.list({}, { column: 'latency_p95_ms', direction: 'desc' }, 0, 2)
    expect(slowest.rows.map((r) => r.session_id)).toEqual(['S14', 'S09'])
    expect((await store.list({}, ALL, 14, 10)).rows.map((r) => r.session_id)).toEqual(['S15'])
    await store.close()
  })
})

describe('writeSessionsCsv', () => {
  const tmp = useTempDir()

  it('exports the pilot back byte for byte', async () => {
    const { store, importer } = setup(tmp.path())
    await importer.importFile(PILOT_CSV, 'fail', 'seed')
    const out = join(tmp.path(), 'out.csv')
    expect(await writeSessionsCsv(store.iterate(), out, false)).toBe(15)
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(PILOT_CSV, 'utf8'))
    await store.close()
  })

  it('neutralises spreadsheet formulas in text cells and quotes where needed', async () => {
    const { store, importer } = setup(tmp.path())
    const file = tmp.write(
      'evil.csv',
      `${HEADER}\n"=HYPERLINK(""x"")",+cmd,1,1,2,0,1,-neg,@sum,true,"en,gb"\n`
    )
    expect((await importer.importFile(file, 'fail')).status).toBe('imported')
    const out = join(tmp.path(), 'out.csv')
    await writeSessionsCsv(store.iterate(), out, false)
    expect(readFileSync(out, 'utf8').split('\n')[1]).toBe(
      `"'=HYPERLINK(""x"")",'+cmd,1,1,2,0,1,'-neg,'@sum,true,"en,gb"`
    )
    await store.close()
  })

  it('adds the extended columns on request, empty where a metric is unknown', async () => {
    const { store, importer } = setup(tmp.path())
    await importer.importFile(PILOT_CSV, 'fail', 'seed')
    const out = join(tmp.path(), 'out.csv')
    await writeSessionsCsv(store.iterate({ search: 'S01' }), out, true)
    const [header, row] = readFileSync(out, 'utf8').split('\n')
    expect(header).toBe(
      `${HEADER},started_at,ended_at,source,at_ear_p50_ms,at_ear_p95_ms,backchannels,echo_suspects,tool_calls,tool_ms_p50,input_tokens,output_tokens,cost_usd,escalated`
    )
    expect(row).toBe(
      'S01,product_inquiry,45,85,170,1,8,positive,gpt-4o-realtime,true,en,,,seed,,,,,,,,,,'
    )
    await store.close()
  })
})

describe('SessionStore streams', () => {
  const tmp = useTempDir()

  it('streams every matching session in id order across pages, lab columns or all', async () => {
    const { store, importer } = setup(tmp.path())
    const csv = tmp.write('many.csv', [...syntheticSessionLines(12_345)].join('\n') + '\n')
    expect(await importer.importFile(csv, 'fail')).toMatchObject({ inserted: 12_345 })
    const ids = (await Array.fromAsync(store.iterate())).map((s) => s.session_id)
    expect(ids).toHaveLength(12_345)
    expect(ids).toEqual([...ids].sort())
    const pages = await Array.fromAsync(store.labPages({ sentiment: ['negative'] }))
    const negative = pages.flat()
    expect(negative.length).toBe(await store.count({ sentiment: ['negative'] }))
    expect(negative.every((s) => s.sentiment === 'negative')).toBe(true)
    expect(pages.every((page) => page.length > 0 && page.length <= 5000)).toBe(true)
    expect(Object.keys(negative[0]!).sort()).toEqual([...LAB_COLUMNS].sort())
    expect(typeof negative[0]!.rag_used).toBe('boolean')
    await store.close()
  })
})
