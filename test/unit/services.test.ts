import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Events } from '../../src/shared/ipc/contract'
import { useTempDir } from '../support/tempDir'
import { createTestServices, deskDatabaseOf } from '../support/testServices'

const start = (dataDir: string, events: unknown[]): ReturnType<typeof createTestServices> =>
  createTestServices(dataDir, {
    emit: <E extends keyof Events>(name: E, payload: Events[E]) => void events.push([name, payload])
  })

describe('createServices', () => {
  const tmp = useTempDir()

  it('seeds the 15 pilot sessions on first run only, even after they are deleted', async () => {
    const events: unknown[] = []
    const first = await start(tmp.path(), events)
    expect(await first.store.count()).toBe(15)
    expect(await first.store.count({ source: ['seed'] })).toBe(15)
    expect(events).toEqual([['sessions.changed', { reason: 'seeded', count: 15 }]])
    deskDatabaseOf(first).connection.exec('DELETE FROM sessions')
    first.close()

    const again = await start(tmp.path(), events)
    expect(await again.store.count()).toBe(0)
    expect(events).toHaveLength(1)
    expect(deskDatabaseOf(again).path).toBe(join(tmp.path(), 'sessions.sqlite'))
    again.close()
  })
})
