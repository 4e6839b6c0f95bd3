import { describe, expect, it } from 'vitest'
import { LabReportAccumulator } from '../../../src/shared/analytics/labReport'
import { LabReportColumns, labReportJsonChunks } from '../../../tools/cli/labReportColumns'
import { labReportJson } from '../../../src/shared/analytics/labReportJson'
import { labReportLines } from '../../../src/shared/analytics/labReportText'
import type { ImportIssue } from '../../../src/shared/sessions/importIssues'
import { LAB_COLUMNS } from '../../../src/shared/sessions/labSchema'
import { READ_BYTES, readLabCsv } from '../../../src/main/sessions/readLabCsv'
import { readLabCsvFast } from '../../../src/main/sessions/readLabCsvFast'
import { seededRandom, syntheticSessionLines } from '../../../tools/generate/syntheticSessions'
import { HEADER, PILOT_CSV, useTempDir } from '../../support/tempDir'

const joined = (pieces: Iterable<string | Uint8Array>): string => {
  const decoder = new TextDecoder()
  let text = ''
  for (const piece of pieces) text += typeof piece === 'string' ? piece : decoder.decode(piece)
  return text
}

/** What the CLI made of a file before the fast reader: readLabCsv into LabReportAccumulator. */
async function sequential(path: string) {
  const report = new LabReportAccumulator()
  const issues: ImportIssue[] = []
  const summary = await readLabCsv(path, {
    session: (s) => report.add(s),
    issue: (i) => issues.push(i)
  })
  const view = report.view()
  return {
    summary,
    issues,
    json: [...labReportJson(view)].join(''),
    text: [...labReportLines(view)].join('\n')
  }
}

function fast(path: string, readBytes?: number) {
  const report = new LabReportColumns()
  const summary = readLabCsvFast(path, report, readBytes)
  if (!summary) return undefined
  const view = report.view()
  return {
    summary,
    json: joined(labReportJsonChunks(view)),
    text: [...labReportLines(view)].join('\n')
  }
}

/** The fast reader gives the sequential result, or gives up; it must not give up on `valid`. */
async function expectSame(path: string, readBytes: number[] = [5, 64, READ_BYTES]) {
  const before = await sequential(path)
  const results = readBytes.map((n) => fast(path, n))
  for (const result of results) {
    if (!result) continue
    expect(before.issues).toEqual([])
    expect(result.summary).toEqual(before.summary)
    expect(result.json).toBe(before.json)
    expect(result.text).toBe(before.text)
  }
  return {
    before,
    vouched: results.every((r) => r !== undefined),
    gaveUp: results.every((r) => !r)
  }
}

describe('readLabCsvFast', { timeout: 30_000 }, () => {
  const tmp = useTempDir()

  it('reads the pilot and a synthetic file exactly as readLabCsv and the accumulator do', async () => {
    expect((await expectSame(PILOT_CSV)).vouched).toBe(true)
    const file = tmp.write('s.csv', [...syntheticSessionLines(3_000)].join('\n') + '\n')
    expect((await expectSame(file, [1000, 4096, READ_BYTES])).vouched).toBe(true)
  })

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n']
  ])('reads %s files, with a BOM, blank lines and no final newline', async (_, nl) => {
    const rows = [
      HEADER,
      'S01,faq,45,85,170,1,8,positive,gpt,true,en',
      '',
      'S02,complaint,120,88,195,3,18,negative,gpt,FALSE,fr',
      'S03,faq,30,70,150,0,4,neutral,gpt,True,es'
    ]
    const file = tmp.write('a.csv', '\uFEFF' + rows.join(nl))
    const { vouched, before } = await expectSame(file)
    expect(vouched).toBe(true)
    expect(before.summary.validRows).toBe(3)
  })

  it('keeps a lone LF inside a CRLF row, as Papa Parse does (the row then goes to the validator)', async () => {
    const file = tmp.write(
      'c.csv',
      `${HEADER},notes\r\nS01,faq,45,85,170,1,8,positive,gpt,true,en,a\nb\r\nS02,faq,45,85,170,1,8,positive,gpt,true,en,\r\n`
    )
    const { vouched, before } = await expectSame(file)
    expect(vouched).toBe(true)
    expect(before.summary.validRows).toBe(2)
  })

  it('gives up on problems, bad quoting, UTF-16, duplicate ids (in and out of order) and a missing file', async () => {
    const bad = [
      `${HEADER}\n"S01" ,faq,45,85,170,1,8,positive,gpt,true,en\n`,
      `${HEADER}\n"S01,faq,45,85,170,1,8,positive,gpt,true,en\n`,
      `${HEADER}\r\n"S01"\n,faq,45,85,170,1,8,positive,gpt,true,en\r\n`,
      `\uFEFF${HEADER}\nS01,faq,45,85,170,1,8,positive,gpt,true,en\n`.replace(
        /[^]/g,
        (c) => c + '\u0000'
      ),
      `${HEADER}\nS01,faq,45,85,170,1,8,positive,gpt,true,en\nS02,faq,x,85,170,1,8,positive,gpt,true,en\n`,
      `${HEADER}\nS01,faq,45,85,170,1,8,positive,gpt,true,en\nS01,faq,45,85,170,1,8,positive,gpt,true,en\n`,
      `${HEADER}\nS02,faq,45,85,170,1,8,positive,gpt,true,en\nS01,faq,45,85,170,1,8,positive,gpt,true,en\nS02,faq,4,8,17,1,8,positive,gpt,true,en\n`,
      `${HEADER}\nS01,faq,45,85,170,1,8,positive,gpt,true,en\n S01,faq,45,85,170,1,8,positive,gpt,true,en\n`,
      `${HEADER.replace('turns', 'turn')}\n`,
      ''
    ]
    for (const [i, text] of bad.entries()) {
      const { gaveUp } = await expectSame(tmp.write(`bad${i}.csv`, text))
      expect(gaveUp, text).toBe(true)
    }
    expect(fast(`${tmp.path()}/missing.csv`)).toBeUndefined()
  })

  it('reads quoted fields: doubled quotes, separators and newlines inside, QUOTE_ALL CRLF', async () => {
    const quoteAll = (line: string): string =>
      line
        .split(',')
        .map((v) => `"${v}"`)
        .join(',')
    const rows = [
      HEADER,
      'S01,faq,45,85,170,1,8,positive,gpt,true,en',
      'S02,complaint,120,88,195,3,18,negative,gpt,FALSE,fr'
    ]
    const file = tmp.write('q.csv', rows.map(quoteAll).join('\r\n') + '\r\n')
    const plain = await expectSame(file, [1, 2, 3, 5, 64, READ_BYTES])
    expect(plain.vouched).toBe(true)
    expect(plain.before.summary.validRows).toBe(2)
    const odd = tmp.write(
      'odd.csv',
      `${HEADER},notes\r\n"S,""1""",faq,45,85,170,1,8,positive,"gpt\r\n4o",true,en,"a;b\nc"\r\n` +
        `S"2,faq,45,85,170,1,8,positive,gpt,true,en,""\r\n`
    )
    const sizes = Array.from({ length: 40 }, (_, i) => i + 1)
    const result = await expectSame(odd, sizes)
    expect(result.vouched).toBe(true)
    expect(result.before.summary.validRows).toBe(2)
  })

  it.each([
    ['semicolon', ';'],
    ['tab', '\t']
  ])('reads %s-separated files as readLabCsv does', async (_, sep) => {
    const rows = [HEADER, 'S01,faq,45.5,85,170,1,8,positive,gpt,true,en'].map((r) =>
      r.replaceAll(',', sep)
    )
    const file = tmp.write('s.csv', rows.join('\r\n') + '\r\n')
    const result = await expectSame(file, [1, 7, READ_BYTES])
    expect(result.vouched).toBe(true)
    expect(result.before.summary.validRows).toBe(1)
  })

  it('picks the newline of the first line even when it ends past the first read', async () => {
    const file = tmp.write(
      'long.csv',
      `${HEADER},${'x'.repeat(READ_BYTES)}\r\nS01,faq,45,85,170,1,8,positive,gpt,true,en,\r\n`
    )
    const { vouched, before } = await expectSame(file, [4096, READ_BYTES])
    expect(vouched).toBe(true)
    expect(before.summary.validRows).toBe(1)
    const oneLine = tmp.write('one.csv', HEADER)
    expect((await expectSame(oneLine, [1, 7, READ_BYTES])).vouched).toBe(true)
  })

  it('matches readLabCsv on hundreds of random files (random layout, values and chunk sizes)', async () => {
    const random = seededRandom(7)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
    let vouched = 0
    for (let n = 0; n < 800; n++) {
      const { text, clean } = randomCsv(random, pick)
      const path = tmp.write(`r${n}.csv`, text)
      const result = await expectSame(path, [pick([3, 17, 64, 200]), READ_BYTES])
      if (clean && result.before.issues.length === 0) {
        expect(result.vouched, JSON.stringify(text)).toBe(true)
        vouched++
      }
    }
    expect(vouched).toBeGreaterThan(200)
  }, 60_000)
})

/** A random small CSV (separator, newline, quoting, odd values); the fast reader must vouch if valid. */
function randomCsv(random: () => number, pick: <T>(list: readonly T[]) => T) {
  const chance = (p: number): boolean => random() < p
  const nl = chance(0.5) ? '\n' : '\r\n'
  const sep = pick([',', ',', ';', '\t'])
  const quoting = pick([0, 0, 0.2, 1]) // share of fields quoted (1: QUOTE_ALL)
  const field = (v: string): string =>
    v.includes(sep) || v.includes('\n') || v.includes('\r') || v.startsWith('"') || chance(quoting)
      ? `"${v.replaceAll('"', '""')}"`
      : v
  const columns: string[] = [...LAB_COLUMNS]
  if (chance(0.3)) columns.sort(() => random() - 0.5)
  if (chance(0.3))
    columns.splice(Math.floor(random() * columns.length), 0, pick(['notes', '', ' x ']))
  const rows: string[] = [columns.map(field).join(sep)]
  const count = Math.floor(random() * 30)
  const ids = Array.from({ length: count }, (_, i) => `S${String(i).padStart(3, '0')}`)
  if (chance(0.3)) ids.sort(() => random() - 0.5)
  const oddness = pick([0, 0.3, 1]) // how often values take odd forms in this file
  const rare = (p: number, usual: string, odd: readonly string[]): string =>
    chance(p * oddness) ? pick(odd) : usual
  for (let i = 0; i < count; i++) {
    if (chance(0.03)) rows.push(pick(['', ' ', '\r', '\t']))
    const p50 = Math.floor(random() * 120)
    const value: Record<string, string> = {
      session_id: rare(0.08, ids[i]!, [
        'Sé' + i,
        'S\\' + i,
        `S ${i}`,
        ` S${i}`,
        ids[0] ?? 'S',
        '',
        'S"' + i,
        `S${sep}${i}`,
        `"S${i}"`,
        `S\r\n${i}`
      ]),
      scenario: rare(0.08, pick(['faq', 'complaint', 'return_request']), [
        'demo',
        ' faq',
        'FAQ',
        ''
      ]),
      duration_sec: rare(0.08, String(Math.floor(random() * 300)), [
        '12.5',
        '1.',
        '.5',
        '007',
        ' 4',
        '-1',
        'x',
        '1e3',
        '',
        '.'
      ]),
      latency_p50_ms: rare(0.05, String(p50), ['85.25', '0', '9'.repeat(17)]),
      latency_p95_ms: rare(0.05, String(p50 + Math.floor(random() * 150)), [
        String(p50 - 1),
        '999.5',
        '1e999'
      ]),
      interruptions: rare(0.05, String(Math.floor(random() * 6)), ['1.5', '2.0', '3.', '']),
      turns: rare(0.03, String(1 + Math.floor(random() * 20)), ['0', '4 ']),
      sentiment: rare(0.08, pick(['positive', 'negative', 'neutral']), [
        'angry',
        'Négatif',
        'negative '
      ]),
      model: rare(0.08, 'gpt-realtime', ['gpt 4o', ' m', 'é', '', 'm\r']),
      rag_used: rare(0.15, pick(['true', 'false']), [
        'TRUE',
        'True',
        'yes',
        'YES',
        '0',
        '1',
        'No',
        'maybe',
        ' true'
      ]),
      language: rare(0.08, pick(['en', 'en', 'fr', 'es']), ['de', 'EN', 'en ', '']),
      notes: pick(['', 'x', 'a\tb', 'é', 'note']),
      '': pick(['', 'y']),
      ' x ': pick(['', 'z'])
    }
    let row = columns.map((c) => field(value[c] ?? '')).join(sep)
    if (chance(0.02)) row += sep + 'extra'
    if (chance(0.01) && nl === '\r\n') row += '\nsplit'
    rows.push(row)
  }
  let text = rows.join(nl)
  if (chance(0.7)) text += nl
  if (chance(0.05)) text += nl
  if (chance(0.1)) text = '\uFEFF' + text
  if (chance(0.02)) text = rows[0] + nl + `"q"${sep}` + text.slice(rows[0]!.length + nl.length)
  // Every quote is well formed, so every valid file must be vouched for.
  return { text, clean: true }
}
