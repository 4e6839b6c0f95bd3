import pg from 'pg'
import { to as copyTo } from 'pg-copy-streams'
import { afterEach, describe, expect, it } from 'vitest'
import { CopyOutQuery } from '../../../../src/main/database/postgres/copyOutQuery'
import { skipWithoutPostgres, usePostgres } from '../../../support/postgres'

// COPY … TO STDOUT read off pg's socket must give the bytes pg-copy-streams gives, leave the
// connection as pg expects it after the copy (or after its error), and report what failed.

const ROWS = `SELECT g, repeat(chr(65 + g % 26), g % 700), g * 0.5 FROM generate_series(1, 20000) g`

describe.skipIf(skipWithoutPostgres)('CopyOutQuery', () => {
  const server = usePostgres()
  let client: pg.Client | null = null
  afterEach(async () => {
    await client?.end()
    client = null
  })
  const connect = async (): Promise<pg.Client> => {
    client = new pg.Client({ connectionString: await server.freshUrl() })
    await client.connect()
    return client
  }

  /** The copy's bytes as CopyOutQuery hands them over, and how many ranges they came in. */
  const copied = async (c: pg.Client, text: string): Promise<{ bytes: Buffer; ranges: number }> => {
    const parts: Buffer[] = []
    await c.query(
      new CopyOutQuery(text, (buffer, view, from, to) => {
        expect(view.buffer).toBe(buffer.buffer)
        expect(view.byteOffset).toBe(buffer.byteOffset)
        parts.push(Buffer.from(buffer.subarray(from, to)))
      })
    ).done
    return { bytes: Buffer.concat(parts), ranges: parts.length }
  }

  /** The same copy through pg-copy-streams. */
  const streamed = async (c: pg.Client, text: string): Promise<Buffer> => {
    const parts: Buffer[] = []
    const stream = c.query(copyTo(text))
    for await (const part of stream) parts.push(part as Buffer)
    return Buffer.concat(parts)
  }

  it('hands over the bytes pg-copy-streams gives, in binary and in text, then the client goes on', async () => {
    const c = await connect()
    for (const format of ['binary', 'text']) {
      const text = `COPY (${ROWS}) TO STDOUT (FORMAT ${format})`
      const { bytes, ranges } = await copied(c, text)
      expect(bytes.equals(await streamed(c, text))).toBe(true)
      expect(bytes.length).toBeGreaterThan(5_000_000)
      expect(ranges).toBeGreaterThanOrEqual(20_000)
    }
    expect((await c.query('SELECT 41 + 1 AS n')).rows).toEqual([{ n: 42 }])
  })

  it("rejects with the server's error in the middle of a copy, and the client goes on", async () => {
    const c = await connect()
    let seen = 0
    const copy = c.query(
      new CopyOutQuery(
        `COPY (SELECT 1 / (g - 15000), repeat('x', 200) FROM generate_series(1, 20000) g) TO STDOUT`,
        (_buffer, _view, from, to) => void (seen += to - from)
      )
    )
    await expect(copy.done).rejects.toThrow(/division by zero/)
    expect(seen).toBeGreaterThan(0)
    expect((await c.query('SELECT 1 AS n')).rows).toEqual([{ n: 1 }])
  })

  it('rejects with what its reader threw, reads the copy to its end, and the client goes on', async () => {
    const c = await connect()
    let calls = 0
    const copy = c.query(
      new CopyOutQuery(`COPY (${ROWS}) TO STDOUT`, () => {
        calls++
        throw new Error('not this format')
      })
    )
    await expect(copy.done).rejects.toThrow('not this format')
    expect(calls).toBe(1)
    expect((await c.query('SELECT 2 AS n')).rows).toEqual([{ n: 2 }])
  })

  it('rejects a statement the server refuses before copying', async () => {
    const c = await connect()
    await expect(
      c.query(new CopyOutQuery('COPY (SELECT * FROM no_such_table) TO STDOUT', () => undefined))
        .done
    ).rejects.toThrow(/no_such_table/)
    expect((await c.query('SELECT 3 AS n')).rows).toEqual([{ n: 3 }])
  })
})
