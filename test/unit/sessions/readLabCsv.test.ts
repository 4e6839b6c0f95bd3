import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { ImportIssueCode } from '../../../src/shared/sessions/importIssueCodes'
import type { ImportIssue } from '../../../src/shared/sessions/importIssues'
import type { LabSession } from '../../../src/shared/sessions/labSchema'
import { readLabCsv } from '../../../src/main/sessions/readLabCsv'
import { HEADER } from '../../support/tempDir'

/** Feeds the text in pieces of `chunkBytes`, so fields, CRLFs and characters get split. */
async function read(text: string | Buffer, chunkBytes = Infinity) {
  const bytes = Buffer.from(text)
  const pieces: Buffer[] = []
  for (let at = 0; at < bytes.length; at += Math.min(chunkBytes, bytes.length))
    pieces.push(bytes.subarray(at, at + chunkBytes))
  const sessions: LabSession[] = []
  const issues: ImportIssue[] = []
  const summary = await readLabCsv(Readable.from(pieces), {
    session: (s) => sessions.push(s),
    issue: (i) => issues.push(i)
  })
  return { sessions, issues, summary }
}

const ROW = 'S01,product_inquiry,45,85,170,1,8,positive,gpt-4o-realtime,true,en'
const EXTRA = 'extraColumnIgnored'

/** A cell's problem: its English reason, its code, and the cell's text as the UI shows it. */
const cell = (
  row: number,
  column: string,
  reason: string,
  code: ImportIssueCode,
  value: string
): ImportIssue => ({ row, column, reason, code, params: { value } })

const unknown = (column: string, value: string, count: number, firstRows: number[]) => ({
  column,
  message: `unknown value "${value}" accepted`,
  count,
  firstRows,
  code: 'unknownValueAccepted',
  params: { value }
})

describe('readLabCsv accepts what spreadsheets and pandas write', () => {
  it('reads a plain file', async () => {
    const { sessions, issues } = await read(`${HEADER}\n${ROW}\n`)
    expect(issues).toEqual([])
    expect(sessions).toEqual([
      {
        session_id: 'S01',
        scenario: 'product_inquiry',
        duration_sec: 45,
        latency_p50_ms: 85,
        latency_p95_ms: 170,
        interruptions: 1,
        turns: 8,
        sentiment: 'positive',
        model: 'gpt-4o-realtime',
        rag_used: true,
        language: 'en'
      }
    ])
  })

  it('strips a UTF-8 BOM and reads CRLF line endings', async () => {
    const text = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${HEADER}\r\n${ROW}\r\n`)
    ])
    const { sessions, issues } = await read(text)
    expect(issues).toEqual([])
    expect(sessions[0]?.session_id).toBe('S01')
    expect(sessions[0]?.language).toBe('en')
  })

  it('reads quoted fields, including commas, quotes and newlines inside them', async () => {
    const { sessions, issues } = await read(
      `${HEADER}\n"S,1","multi\nline",45,"85","170",1,8,"pos ""x""",gpt,"true",en\n`
    )
    expect(issues).toEqual([])
    expect(sessions[0]).toMatchObject({
      session_id: 'S,1',
      scenario: 'multi\nline',
      sentiment: 'pos "x"'
    })
  })

  it.each([
    ['true', true],
    ['TRUE', true],
    ['True', true],
    ['1', true],
    ['yes', true],
    ['YES', true],
    ['false', false],
    ['False', false],
    ['0', false],
    ['no', false]
  ])('reads rag_used %s as %s', async (raw, expected) => {
    const { sessions } = await read(`${HEADER}\nS01,faq,1,1,2,0,1,positive,m,${raw},en\n`)
    expect(sessions[0]?.rag_used).toBe(expected)
  })

  it('takes columns in any order and ignores extra columns with a warning', async () => {
    const text =
      'language,notes,rag_used,model,sentiment,turns,interruptions,latency_p95_ms,latency_p50_ms,duration_sec,scenario,session_id\n' +
      'fr,hello,false,gpt,neutral,4,2,150,75,30,faq,S77\n'
    const { sessions, issues, summary } = await read(text)
    expect(issues).toEqual([])
    expect(sessions[0]).toMatchObject({
      session_id: 'S77',
      language: 'fr',
      rag_used: false,
      latency_p50_ms: 75,
      latency_p95_ms: 150,
      interruptions: 2,
      turns: 4
    })
    expect(summary.warnings).toEqual([
      {
        column: 'notes',
        message: 'extra column ignored',
        count: 1,
        firstRows: [],
        code: 'extraColumnIgnored'
      }
    ])
  })

  it('accepts unknown sentiment, scenario and language values with grouped warnings', async () => {
    const rows = ['S1,demo,1,1,2,0,1,angry,m,true,de', 'S2,demo,1,1,2,0,1,positive,m,true,de']
    const { sessions, issues, summary } = await read(`${HEADER}\n${rows.join('\n')}\n`)
    expect(issues).toEqual([])
    expect(sessions).toHaveLength(2)
    expect(summary.warnings).toEqual([
      unknown('scenario', 'demo', 2, [2, 3]),
      unknown('sentiment', 'angry', 1, [2]),
      unknown('language', 'de', 2, [2, 3])
    ])
  })

  it('skips blank lines but counts them, so rows match the file', async () => {
    const { sessions, issues } = await read(
      `${HEADER}\n\n${ROW}\n\nS02,faq,x,1,2,0,1,neutral,m,true,en\n`
    )
    expect(sessions).toHaveLength(1)
    expect(issues).toEqual([
      {
        row: 5,
        column: 'duration_sec',
        reason: 'not a number: "x"',
        code: 'notANumber',
        params: { value: 'x' }
      }
    ])
  })

  it('reads the same whatever the chunk boundaries split (quotes, CRLF, UTF-8)', async () => {
    const text = `\uFEFF${HEADER}\r\n"S,1","multi\r\nline",45,85,170,1,8,"pos ""x""",gpt,true,en\r\nSé2,faq,1,1,2,0,1,neutre,m,false,fr\r\n`
    const whole = await read(text)
    expect(whole.issues).toEqual([])
    expect(whole.sessions.map((s) => s.session_id)).toEqual(['S,1', 'Sé2'])
    for (const size of [1, 2, 3, 7, 64]) expect(await read(text, size)).toEqual(whole)
  })

  it('ignores repeated or blank extra columns, as spreadsheets write them', async () => {
    const { sessions, issues, summary } = await read(`${HEADER},,\n${ROW},,\n`)
    expect(issues).toEqual([])
    expect(sessions).toHaveLength(1)
    expect(summary.warnings).toEqual([
      { column: '#12', message: 'extra column ignored', count: 1, firstRows: [], code: EXTRA },
      { column: '#13', message: 'extra column ignored', count: 1, firstRows: [], code: EXTRA }
    ])
  })
})

describe('readLabCsv rejects a bad file with every problem located', () => {
  it('lists each missing column at the header row and stops', async () => {
    const header = HEADER.replace(',turns', '').replace(',model', '')
    const { issues, sessions } = await read(`${header}\nS01,faq,1,1,2,0,positive,true,en\n`)
    expect(sessions).toEqual([])
    expect(issues).toEqual([
      { row: 1, column: 'turns', reason: 'missing column', code: 'missingColumn' },
      { row: 1, column: 'model', reason: 'missing column', code: 'missingColumn' }
    ])
  })

  it('reports a duplicated header column', async () => {
    const { issues } = await read(`${HEADER},scenario\n`)
    expect(issues).toEqual([
      { row: 1, column: 'scenario', reason: 'duplicate column', code: 'duplicateColumn' }
    ])
  })

  it('reports empty, non-numeric, negative and fractional values with row and column', async () => {
    const rows = [
      'S1,,45,85,170,1,8,positive,m,true,en', // row 2: empty scenario
      'S2,faq,abc,85,170,1,8,positive,m,true,en', // row 3: not a number
      'S3,faq,45,-5,170,1,8,positive,m,true,en', // row 4: negative
      'S4,faq,45,85,170,1.5,8,positive,m,true,en', // row 5: fractional count
      'S5,faq,45,85,,1,8,positive,m,true,en', // row 6: empty number
      'S6,faq,45,85,170,1,8,positive,m,maybe,en' // row 7: not a boolean
    ]
    const { issues, sessions } = await read(`${HEADER}\n${rows.join('\n')}\n`)
    expect(sessions).toEqual([])
    expect(issues).toEqual([
      { row: 2, column: 'scenario', reason: 'empty value', code: 'emptyValue' },
      cell(3, 'duration_sec', 'not a number: "abc"', 'notANumber', 'abc'),
      cell(4, 'latency_p50_ms', 'negative value: -5', 'negativeNumber', '-5'),
      cell(5, 'interruptions', 'not a whole number: 1.5', 'notWholeNumber', '1.5'),
      { row: 6, column: 'latency_p95_ms', reason: 'empty value', code: 'emptyValue' },
      cell(7, 'rag_used', 'not a boolean: "maybe"', 'notABoolean', 'maybe')
    ])
  })

  it('refuses numbers too large to store', async () => {
    const rows = [
      'S1,faq,1e999,85,170,1,8,positive,m,true,en',
      'S2,faq,1,1e999,85,1,8,positive,m,true,en'
    ]
    const { issues } = await read(`${HEADER}\n${rows.join('\n')}\n`)
    // Not also "P95 (85) is below P50 (Infinity)": params must stay finite numbers.
    expect(issues).toEqual([
      cell(2, 'duration_sec', 'number too large: 1e999', 'numberTooLarge', '1e999'),
      cell(3, 'latency_p50_ms', 'number too large: 1e999', 'numberTooLarge', '1e999')
    ])
  })

  it('reports P95 below P50', async () => {
    const { issues } = await read(`${HEADER}\nS1,faq,45,185,170,1,8,positive,m,true,en\n`)
    expect(issues).toEqual([
      {
        row: 2,
        column: 'latency_p95_ms',
        reason: 'P95 (170) is below P50 (185)',
        code: 'p95BelowP50',
        params: { p95: 170, p50: 185 }
      }
    ])
  })

  it('reports a duplicate session_id within the file', async () => {
    const { issues, sessions } = await read(`${HEADER}\n${ROW}\n${ROW}\n`)
    expect(sessions).toHaveLength(1)
    expect(issues).toEqual([
      {
        row: 3,
        column: 'session_id',
        reason: 'duplicate session_id "S01" in the file',
        code: 'duplicateIdInFile',
        params: { id: 'S01' }
      }
    ])
  })

  it('reports a row with the wrong number of fields', async () => {
    const { issues } = await read(`${HEADER}\nS01,faq,45,85,170,1,8,positive,m,true\n`)
    expect(issues).toContainEqual({
      row: 2,
      column: '*',
      reason: 'has 10 fields, the header has 11',
      code: 'fieldCount',
      params: { fields: 10, expected: 11 }
    })
  })

  it('reports an empty file and unreadable CSV', async () => {
    expect((await read('')).issues).toEqual([
      { row: 1, column: '*', reason: 'the file is empty (no header row)', code: 'emptyFile' }
    ])
    const broken = await read(`${HEADER}\n"S01,faq,45\n`)
    expect(broken.issues[0]).toMatchObject({
      reason: 'unreadable CSV: Quoted field unterminated',
      code: 'unterminatedQuote',
      params: { detail: 'Quoted field unterminated' }
    })
  })
})
