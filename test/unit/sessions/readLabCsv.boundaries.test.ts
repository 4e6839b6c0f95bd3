import { describe, expect, it } from 'vitest'
import type { ImportIssue } from '../../../src/shared/sessions/importIssues'
import type { LabSession } from '../../../src/shared/sessions/labSchema'
import { readLabCsv } from '../../../src/main/sessions/readLabCsv'
import { readLabCsvFast, type LabCsvRowSink } from '../../../src/main/sessions/readLabCsvFast'
import { HEADER, useTempDir } from '../../support/tempDir'

// Every read size from 1 byte to the whole file puts a read boundary at every byte: between a
// quoted field's closing quote and its CR, between CR and LF, inside a doubled quote, a BOM or a
// UTF-8 character. Both readers must give the same result at each, and the same as each other.

/** What a sink receives, in full (the app's sink packs all of it; the CLI's report ignores some). */
class RecordingSink implements LabCsvRowSink {
  readonly sessions: LabSession[] = []
  readonly rows: number[] = []
  private readonly ids = new Set<string>()
  reserve(): void {
    // Nothing to size: the sessions go to an array.
  }
  addSession(s: LabSession, row: number): boolean {
    return this.keep(s, row)
  }
  addAscii(
    bytes: Buffer,
    idStart: number,
    idEnd: number,
    scenario: string,
    duration_sec: number,
    latency_p50_ms: number,
    latency_p95_ms: number,
    interruptions: number,
    sentiment: string,
    rag_used: boolean,
    language: string,
    turns: number,
    modelStart: number,
    modelEnd: number,
    row: number
  ): boolean {
    const text = (start: number, end: number): string =>
      String.fromCharCode(...bytes.subarray(start, end))
    return this.keep(
      {
        session_id: text(idStart, idEnd),
        scenario,
        duration_sec,
        latency_p50_ms,
        latency_p95_ms,
        interruptions,
        turns,
        sentiment,
        model: text(modelStart, modelEnd),
        rag_used,
        language
      },
      row
    )
  }
  private keep(session: LabSession, row: number): boolean {
    if (this.ids.has(session.session_id)) return false
    this.ids.add(session.session_id)
    this.sessions.push(session)
    this.rows.push(row)
    return true
  }
}

async function slow(path: string, readBytes?: number) {
  const sessions: LabSession[] = []
  const rows: number[] = []
  const issues: ImportIssue[] = []
  const summary = await readLabCsv(
    path,
    {
      session: (s, row) => {
        sessions.push(s)
        rows.push(row)
      },
      issue: (i) => issues.push(i)
    },
    { readBytes }
  )
  return { sessions, rows, issues, summary }
}

const ROWS = [
  'S01,product_inquiry,45,85,170,1,8,positive,gpt-realtime,true,en',
  'S02,complaint,120.5,88,195,3,18,negative,gpt-realtime,FALSE,fr',
  'Sé3,faq,30,70,150,0,4,neutral,gpt-realtime,no,es'
]
const quoteAll = (line: string, sep = ','): string =>
  line
    .split(sep)
    .map((v) => `"${v}"`)
    .join(sep)

const VARIANTS: Record<string, string> = {
  LF: [HEADER, ...ROWS].join('\n') + '\n',
  CRLF: [HEADER, ...ROWS].join('\r\n') + '\r\n',
  'CRLF, no final newline': [HEADER, ...ROWS].join('\r\n'),
  quoted: [HEADER, ...ROWS].map((l) => quoteAll(l)).join('\n') + '\n',
  'quoted CRLF (Excel, pandas QUOTE_ALL)':
    [HEADER, ...ROWS].map((l) => quoteAll(l)).join('\r\n') + '\r\n',
  'quoted, embedded newlines and doubled quotes': [
    `${HEADER},notes`,
    `"S,""1""",faq,45,85,170,1,8,positive,"gpt\r\n4o",true,en,"line 1\nline ""2"""`,
    `"S02",faq,45,85,170,1,8,positive,gpt,true,en,""`,
    `S""3,faq,45,85,170,1,8,positive,gpt,true,en,"a,b"`
  ]
    .join('\r\n')
    .concat('\r\n'),
  'UTF-8 BOM, quoted CRLF': '\uFEFF' + [HEADER, ...ROWS].map((l) => quoteAll(l)).join('\r\n'),
  'semicolon (Excel es/fr), decimal point kept': [HEADER, ...ROWS]
    .map((l) => l.replaceAll(',', ';'))
    .join('\r\n'),
  tab: [HEADER, ...ROWS].map((l) => l.replaceAll(',', '\t')).join('\n') + '\n',
  'blank lines and a bad row': [HEADER, '', ROWS[0], '""', 'S09,faq,x,1,2,0,1,positive,m,true,en']
    .join('\r\n')
    .concat('\r\n')
}

describe('readLabCsv and readLabCsvFast at every read boundary', { timeout: 60_000 }, () => {
  const tmp = useTempDir()

  it.each(Object.entries(VARIANTS))('%s', async (name, text) => {
    const path = tmp.write('f.csv', text)
    const size = Buffer.byteLength(text)
    const whole = await slow(path, size + 1)
    const valid = !name.includes('bad')
    expect(whole.issues.length === 0).toBe(valid)
    expect(whole.summary.validRows).toBeGreaterThanOrEqual(valid ? 3 : 1)
    for (let readBytes = 1; readBytes <= size; readBytes++) {
      expect(await slow(path, readBytes), `readLabCsv, ${readBytes}-byte reads`).toEqual(whole)
      const sink = new RecordingSink()
      const summary = readLabCsvFast(path, sink, readBytes)
      if (!valid) {
        expect(summary, `readLabCsvFast gives the bad file up`).toBeUndefined()
        continue
      }
      expect(summary, `readLabCsvFast, ${readBytes}-byte reads`).toEqual(whole.summary)
      expect(sink.sessions).toEqual(whole.sessions)
      expect(sink.rows).toEqual(whole.rows)
    }
  })

  it('reads UTF-16 LE and BE with their BOM (Excel "Unicode text", tab separated)', async () => {
    const text = [HEADER, ...ROWS].map((l) => l.replaceAll(',', '\t')).join('\r\n') + '\r\n'
    const expected = await slow(tmp.write('u8.csv', text))
    expect(expected.summary.validRows).toBe(3)
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const be = Buffer.from(le)
    be.swap16()
    for (const [name, bytes] of [
      ['le', le],
      ['be', be]
    ] as const) {
      const path = tmp.write(`u16${name}.csv`, bytes as unknown as string)
      for (const readBytes of [1, 2, 3, 5, 64, 1 << 18])
        expect(await slow(path, readBytes), `${name} ${readBytes}`).toEqual(expected)
      // The CLI's byte reader leaves UTF-16 to readLabCsv.
      expect(readLabCsvFast(path, new RecordingSink())).toBeUndefined()
    }
  })
})
