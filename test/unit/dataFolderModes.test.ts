import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { securePrivateDataFolder } from '../../src/main/dataFolderModes'
import { openSqliteSessionDatabase } from '../../src/main/database/sqlite/SqliteSessionDatabase'
import { SqliteWriteOutbox } from '../../src/main/database/sqlite/SqliteWriteOutbox'
import { SettingsStore } from '../../src/main/settings/SettingsStore'
import { useTempDir } from '../support/tempDir'

const modeOf = (path: string): number => statSync(path).mode & 0o777

/** Runs `work` with a umask that would leave new files world-readable (0o000). */
function underPermissiveUmask<T>(work: () => T): T {
  const previous = process.umask(0)
  try {
    return work()
  } finally {
    process.umask(previous)
  }
}

describe.skipIf(process.platform === 'win32')('the private data folder', () => {
  const tmp = useTempDir()

  it('creates the database, its -wal and -shm, and settings owner-only, whatever the umask', () => {
    const dataDir = join(tmp.path(), 'data')
    underPermissiveUmask(() => {
      securePrivateDataFolder(dataDir)
      const db = openSqliteSessionDatabase(join(dataDir, 'sessions.sqlite'))
      try {
        db.connection.exec('CREATE TABLE probe (x); INSERT INTO probe VALUES (1)')
        for (const file of ['sessions.sqlite', 'sessions.sqlite-wal', 'sessions.sqlite-shm'])
          expect(modeOf(join(dataDir, file)).toString(8), file).toBe('600')
      } finally {
        // Closes at once: no transaction is open or queued (it resolves only to report that).
        void db.close()
      }
      new SettingsStore(dataDir).save(new SettingsStore(dataDir).get())
      // The live calls' outbox holds callers' words too.
      const outbox = new SqliteWriteOutbox(join(dataDir, 'recording-outbox.sqlite'))
      try {
        outbox.push('{}')
        for (const file of ['recording-outbox.sqlite', 'recording-outbox.sqlite-wal'])
          expect(modeOf(join(dataDir, file)).toString(8), file).toBe('600')
      } finally {
        outbox.close()
      }
    })
    expect(modeOf(dataDir).toString(8)).toBe('700')
    expect(modeOf(join(dataDir, 'settings.json')).toString(8)).toBe('600')
  })

  it("tightens what an older version left readable, and leaves others' folders and links alone", () => {
    const dataDir = join(tmp.path(), 'data')
    const outside = join(tmp.path(), 'outside.txt')
    mkdirSync(join(dataDir, 'catalog-index', 'products'), { recursive: true })
    mkdirSync(join(dataDir, 'Cache'))
    const files = [
      'sessions.sqlite',
      'sessions.sqlite-wal',
      'sessions.sqlite-shm',
      'settings.json',
      'secrets.json',
      join('catalog-index', 'products', 'index.json')
    ]
    for (const file of [...files, join('Cache', 'data_0')])
      writeFileSync(join(dataDir, file), 'x', { mode: 0o644 })
    writeFileSync(outside, 'not ours', { mode: 0o644 })
    symlinkSync(outside, join(dataDir, 'link.txt'))
    chmodSync(dataDir, 0o755)
    chmodSync(join(dataDir, 'catalog-index'), 0o755)

    expect(securePrivateDataFolder(dataDir)).toEqual([])
    expect(modeOf(dataDir).toString(8)).toBe('700')
    expect(modeOf(join(dataDir, 'catalog-index')).toString(8)).toBe('700')
    expect(modeOf(join(dataDir, 'catalog-index', 'products')).toString(8)).toBe('700')
    for (const file of files) expect(modeOf(join(dataDir, file)).toString(8), file).toBe('600')
    // Chromium's own folders (the data folder may be Electron's userData) are not walked.
    expect(modeOf(join(dataDir, 'Cache', 'data_0')).toString(8)).toBe('644')
    // A link is not followed: the file it points to keeps its mode.
    expect(modeOf(outside).toString(8)).toBe('644')
    expect(readFileSync(join(dataDir, 'sessions.sqlite'), 'utf8')).toBe('x') // contents untouched
  })
})
