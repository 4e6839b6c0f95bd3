import { describe, expect, it } from 'vitest'
import { formatIssue, formatWarning } from '../../../src/shared/sessions/importIssues'
import type { ImportIssue } from '../../../src/shared/sessions/importIssues'
import { MAX_CELL_CHARS, MAX_ROW_CHARS } from '../../../src/shared/sessions/cellEcho'
import { readLabCsv } from '../../../src/main/sessions/readLabCsv'
import { HEADER, useTempDir } from '../../support/tempDir'

const ROW = 'S01,faq,45,85,170,1,8,positive,gpt,true,en'

describe('readLabCsv on hostile input', { timeout: 30_000 }, () => {
  const tmp = useTempDir()

  async function read(text: string | Buffer) {
    const issues: ImportIssue[] = []
    let sessions = 0
    const summary = await readLabCsv(tmp.write('h.csv', text as string), {
      session: () => sessions++,
      issue: (i) => issues.push(i)
    })
    const lines = [...issues.map(formatIssue), ...summary.warnings.map(formatWarning)]
    return { issues, sessions, summary, lines }
  }

  it('refuses a cell over the limit without echoing it', async () => {
    const huge = 'x'.repeat(MAX_CELL_CHARS + 1)
    const { issues, sessions } = await read(
      `${HEADER}\nS01,${huge},45,85,170,1,8,positive,gpt,true,en\n${ROW.replace('S01', 'S02')}\n`
    )
    expect(sessions).toBe(1)
    expect(issues).toEqual([
      {
        row: 2,
        column: 'scenario',
        reason: `cell of ${MAX_CELL_CHARS + 1} characters, over the ${MAX_CELL_CHARS}-character limit`,
        code: 'cellTooLong',
        params: { length: MAX_CELL_CHARS + 1, limit: MAX_CELL_CHARS }
      }
    ])
    // A cell at the limit is data like any other (an unknown scenario, with a short echo).
    const { issues: none, summary } = await read(
      `${HEADER}\nS01,${'y'.repeat(MAX_CELL_CHARS)},45,85,170,1,8,positive,gpt,true,en\n`
    )
    expect(none).toEqual([])
    expect(summary.warnings[0]!.message).toBe(`unknown value "${'y'.repeat(60)}…" accepted`)
  })

  it('stops at a row that never ends (an unclosed quote) instead of holding it', async () => {
    const text = `${HEADER}\n${ROW}\n"S02,${'z\n'.repeat(MAX_ROW_CHARS / 2 + 10)}`
    const { issues, sessions } = await read(text)
    expect(sessions).toBe(1)
    expect(issues).toEqual([expect.objectContaining({ row: 3, column: '*', code: 'rowTooLong' })])
  })

  it('spells out control characters and cuts long cell text in every message', async () => {
    const esc = '\u001b[2J\u001b[31mred\u0007'
    const long = 'L'.repeat(500)
    const text = [
      `${HEADER},${esc}`,
      `S01,${esc},45,85,170,1,8,positive,gpt,true,en,x`,
      `S02,faq,${esc},85,170,1,8,positive,gpt,true,en,x`,
      `S03,faq,45,85,170,1,8,positive,gpt,${long},en,x`,
      `S\u001b]0;pwned\u0007,faq,45,85,170,1,8,positive,gpt,true,en,x`,
      `S\u001b]0;pwned\u0007,faq,45,85,170,1,8,positive,gpt,true,en,x`
    ].join('\n')
    const { lines, issues } = await read(text)
    // eslint-disable-next-line no-control-regex -- no control character may reach a terminal
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001f\u007f]/)
    expect(lines).toContain(
      'row 3, column duration_sec: not a number: "\\u001b[2J\\u001b[31mred\\u0007"'
    )
    expect(lines).toContain(`row 4, column rag_used: not a boolean: "${'L'.repeat(60)}…"`)
    expect(lines).toContain(
      'row 6, column session_id: duplicate session_id "S\\u001b]0;pwned\\u0007" in the file'
    )
    expect(lines).toContain('column \\u001b[2J\\u001b[31mred\\u0007: extra column ignored')
    expect(lines).toContain(
      'column scenario: unknown value "\\u001b[2J\\u001b[31mred\\u0007" accepted (rows 2)'
    )
    // The UI gets the same safe text.
    expect(issues.find((i) => i.code === 'notABoolean')!.params).toEqual({
      value: `${'L'.repeat(60)}…`
    })
  })

  it('groups 10,000 extra columns and a flood of unknown values into a few lines', async () => {
    const extras = Array.from({ length: 10_000 }, (_, i) => `c${i}`)
    const rows = Array.from(
      { length: 50 },
      (_, i) =>
        `S${i},scenario${i},45,85,170,1,8,positive,gpt,true,en,${extras.map(() => '').join(',')}`
    )
    const { lines, issues, sessions } = await read(
      [`${HEADER},${extras.join(',')}`, ...rows].join('\n')
    )
    expect(issues).toEqual([])
    expect(sessions).toBe(50)
    expect(lines).toEqual([
      'column *: 10000 extra columns ignored: c0, c1, c2 … and 9997 more',
      'column scenario: unknown value "scenario0" accepted (rows 2)',
      'column scenario: unknown value "scenario1" accepted (rows 3)',
      'column scenario: unknown value "scenario2" accepted (rows 4)',
      'column scenario: unknown value "scenario3" accepted (rows 5)',
      'column scenario: unknown value "scenario4" accepted (rows 6)',
      'column scenario: other unknown values accepted ×45 (rows 7, 8, 9, 10, 11, …)'
    ])
  })

  it('reads a semicolon file (Excel in Spanish or French) and names UTF-16 without a BOM', async () => {
    const semicolon = await read([HEADER, ROW].map((l) => l.replaceAll(',', ';')).join('\r\n'))
    expect(semicolon.issues).toEqual([])
    expect(semicolon.sessions).toBe(1)
    const noBom = await read(Buffer.from(`${HEADER}\r\n${ROW}\r\n`, 'utf16le'))
    expect(noBom.sessions).toBe(0)
    expect(noBom.issues.map((i) => i.code)).toEqual(['utf16WithoutBom'])
  })
})
