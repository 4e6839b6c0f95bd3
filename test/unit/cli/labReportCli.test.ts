import { describe, expect, it } from 'vitest'
import { readLabCsv } from '../../../src/main/sessions/readLabCsv'
import { LabReportAccumulator } from '../../../src/shared/analytics/labReport'
import { labReportJson } from '../../../src/shared/analytics/labReportJson'
import { labReportLines } from '../../../src/shared/analytics/labReportText'
import { formatIssue, formatWarning } from '../../../src/shared/sessions/importIssues'
import { runLabReportCli } from '../../../tools/cli/labReportCli'
import { syntheticSessionLines } from '../../../tools/generate/syntheticSessions'
import { HEADER, PILOT_CSV, useTempDir } from '../../support/tempDir'

async function run(...argv: string[]) {
  let out = ''
  let err = ''
  const code = await runLabReportCli(argv, {
    out: (t) => void (out += t),
    err: (t) => void (err += t)
  })
  return { code, out, err }
}

describe('voice-console-report', () => {
  const tmp = useTempDir()

  it('prints the lab report as text', async () => {
    const { code, out, err } = await run(PILOT_CSV)
    expect(code).toBe(0)
    expect(err).toBe('')
    expect(out).toContain('Average P50 latency: 89.3 ms\nAverage P95 latency: 187.5 ms\n')
  })

  it('prints full-precision JSON in the documented shape', async () => {
    const { code, out } = await run(PILOT_CSV, '--json')
    expect(code).toBe(0)
    const report = JSON.parse(out)
    expect(Object.keys(report)).toEqual([
      'total_sessions',
      'latency',
      'sentiment',
      'rag',
      'interruptions',
      'language'
    ])
    expect(report.latency.avg_p50_ms).toBe(89.33333333333333)
    expect(report.rag.avg_p50_with_rag_ms).toBe(92.58333333333333)
    expect(report.language.by_language.en).toEqual({
      sessions: 13,
      avg_p50_ms: 90.07692307692308,
      mode_sentiment: 'positive'
    })
  })

  it('exits 2 with row-level errors on stderr for a bad file', async () => {
    const file = tmp.write(
      'bad.csv',
      `${HEADER}\nS1,faq,x,85,170,1,8,positive,m,true,en\nS2,faq,1,85,170,1,8,positive,m,perhaps,en\n`
    )
    const { code, out, err } = await run(file)
    expect(code).toBe(2)
    expect(out).toBe('')
    expect(err).toContain('bad.csv: row 2, column duration_sec: not a number: "x"\n')
    expect(err).toContain('bad.csv: row 3, column rag_used: not a boolean: "perhaps"\n')
    expect(err).toContain('2 problem(s) found; no report printed.')
  })

  it('prints the same report for the pilot as an Excel export: quoted, CRLF, semicolons, BOM', async () => {
    const pilot = await run(PILOT_CSV, '--json')
    const { readFileSync } = await import('node:fs')
    const lines = readFileSync(PILOT_CSV, 'utf8').trimEnd().split('\n')
    const excel = (sep: string): string =>
      '\uFEFF' +
      lines
        .map((l) =>
          l
            .split(',')
            .map((v) => `"${v}"`)
            .join(sep)
        )
        .join('\r\n') +
      '\r\n'
    for (const sep of [',', ';', '\t']) {
      const { code, out, err } = await run(tmp.write('excel.csv', excel(sep)), '--json')
      expect({ code, err }).toEqual({ code: 0, err: '' })
      expect(out).toBe(pilot.out)
    }
  })

  it('never lets a cell drive the terminal: control characters spelled out, long text cut', async () => {
    const file = tmp.write(
      'hostile.csv',
      `${HEADER}\nS1,faq,\u001b[2J\u001b]0;owned\u0007,85,170,1,8,positive,m,${'y'.repeat(5000)},en\n`
    )
    const { code, err } = await run(file)
    expect(code).toBe(2)
    expect(err).not.toContain('\u001b')
    expect(err).toContain('not a number: "\\u001b[2J\\u001b]0;owned\\u0007"')
    expect(err).toContain(`not a boolean: "${'y'.repeat(60)}…"`)
    expect(err.length).toBeLessThan(400)
  })

  it('exits 2 for a missing file and 64 for bad usage', async () => {
    expect((await run('/nonexistent/file.csv')).code).toBe(2)
    expect((await run()).code).toBe(64)
    expect((await run('--bogus', PILOT_CSV)).code).toBe(64)
    expect((await run(PILOT_CSV, '--max-rows', 'abc')).code).toBe(64)
  })

  it('limits listed rows with --max-rows', async () => {
    const { out } = await run(PILOT_CSV, '--max-rows', '1')
    expect(out).toContain('… 3 more')
  })
})

/** What the CLI printed before its fast path: readLabCsv into LabReportAccumulator. */
async function sequentialCli(file: string, json: boolean) {
  let out = ''
  let err = ''
  const report = new LabReportAccumulator()
  const summary = await readLabCsv(file, {
    session: (s) => report.add(s),
    issue: (i) => void (err += `${file}: ${formatIssue(i)}\n`)
  })
  for (const w of summary.warnings) err += `${file}: warning: ${formatWarning(w)}\n`
  if (summary.issueCount > 0) {
    err += `${file}: ${summary.issueCount} problem(s) found; no report printed.\n`
    return { code: 2, out, err }
  }
  if (json) out = [...labReportJson(report.view())].join('') + '\n'
  else out = [...labReportLines(report.view())].map((line) => `${line}\n`).join('')
  return { code: 0, out, err }
}

describe('voice-console-report prints what readLabCsv and the accumulator give', () => {
  const tmp = useTempDir()
  const synthetic = [...syntheticSessionLines(4_000)]

  it.each([false, true])('for a valid file (json: %s), warnings included', async (json) => {
    const lines = [...synthetic]
    lines[17] = lines[17]!.replace(/,(en|es|fr)$/, ',de') // unknown language: a warning
    const file = tmp.write('ok.csv', lines.join('\r\n') + '\r\n')
    const args = json ? [file, '--json'] : [file]
    expect(await run(...args)).toEqual(await sequentialCli(file, json))
  })

  it.each([false, true])(
    'reuses its write buffer only after a write resolved (json: %s)',
    async (json) => {
      const lines = [...syntheticSessionLines(20_000)]
      // Ids out of ASCII (UTF-8 of 2 and 4 bytes) among the rows the tables list.
      for (let i = 1; i < lines.length; i += 97)
        lines[i] = lines[i]!.replace('SYN', i % 2 ? 'é' : '😀')
      const file = tmp.write('big.csv', lines.join('\n') + '\n')
      let out = ''
      let writes = 0
      // A slow stdout: reads the bytes only when it resolves, a tick later.
      const code = await runLabReportCli(json ? [file, '--json'] : [file], {
        out: (t) =>
          new Promise<void>((resolve) =>
            setImmediate(() => {
              out += t
              writes++
              resolve()
            })
          ),
        err: () => {}
      })
      expect(code).toBe(0)
      expect(writes).toBeGreaterThan(4) // several chunks through the same buffer
      expect(out).toBe((await sequentialCli(file, json)).out)
    }
  )

  it.each([
    ['a duplicate id at the end', (lines: string[]) => [...lines, lines[1]!]],
    [
      'an id out of order, then its duplicate',
      (l: string[]) => [...l, l[9]!, l[3]!.replace('SYN', 'X'), l[3]!]
    ],
    [
      'a bad value at the end',
      (lines: string[]) => [...lines, lines[5]!.replace('SYN', 'Z').replace(',true,', ',maybe,')]
    ],
    ['a quoted field', (lines: string[]) => [...lines, `"Q1",faq,1,1,2,0,1,neutral,m,true,en`]]
  ])('for a file with %s', async (_, edit) => {
    const file = tmp.write('edited.csv', edit([...synthetic]).join('\n') + '\n')
    const now = await run(file, '--json')
    expect(now).toEqual(await sequentialCli(file, true))
  })
})
