import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { labReportLines } from '../../../src/shared/analytics/labReportText'
import { RecordingWarnings } from '../../../src/shared/sessions/recordedWarnings'
import { readLabCsvFast } from '../../../src/main/sessions/readLabCsvFast'
import { runLabReportCli, type CliThreads } from '../../../tools/cli/labReportCli'
import { LabReportColumns, labReportJsonChunks } from '../../../tools/cli/labReportColumns'
import {
  readReportInParts,
  type TailRunner,
  type TailUse
} from '../../../tools/cli/readReportInParts'
import { readTail, type TailOutcome } from '../../../tools/cli/readTail'
import { workerTailRunner } from '../../../tools/cli/workerTailRunner'
import { seededRandom, syntheticSessionLines } from '../../../tools/generate/syntheticSessions'
import { HEADER, useTempDir } from '../../support/tempDir'

// Every file here is small: the parts are forced (no minimum size), and the tail is read on
// this thread, claimed at a chosen offset before the head reads on (the worker: last test).
const ANY_SIZE = { minFileBytes: 0, minTailBytes: 1 }

/** A runner that claims the tail at the first row break from `at` on, and reads it at once. */
const tailFrom = (at: number): TailRunner => ({
  start(task) {
    let outcome: TailOutcome | undefined
    return {
      begin: (dialect) => void (outcome = readTail(task, dialect, () => at)),
      outcome: async () => outcome,
      stop: () => undefined
    }
  }
})

const joined = (pieces: Iterable<string | Uint8Array>): string => {
  const decoder = new TextDecoder()
  let text = ''
  for (const piece of pieces) text += typeof piece === 'string' ? piece : decoder.decode(piece)
  return text
}

function reportOf(report: LabReportColumns) {
  const view = report.view()
  return { json: joined(labReportJsonChunks(view)), text: [...labReportLines(view)].join('\n') }
}

function oneThread(path: string) {
  const report = new LabReportColumns()
  const summary = readLabCsvFast(path, report)
  return { summary, ...(summary && reportOf(report)) }
}

async function inParts(path: string, at: number, readBytes: number) {
  const report = new LabReportColumns()
  const { summary, tail } = await readReportInParts(path, report, tailFrom(at), {
    ...ANY_SIZE,
    readBytes
  })
  return { tail, result: { summary, ...(summary && reportOf(report)) } }
}

/**
 * Reads `path` in two parts split near each offset of `splits`, with each read size: the same
 * summary and report as on one thread every time. Returns how often each way was taken.
 */
async function expectSameInParts(path: string, splits: number[], readBytes = [7, 64, 4096]) {
  const expected = oneThread(path)
  const uses: Record<TailUse, number> = { used: 0, readOn: 0, none: 0 }
  for (const bytes of readBytes)
    for (const at of splits) {
      const { tail, result } = await inParts(path, at, bytes)
      expect(result, `split near ${at}, reads of ${bytes}`).toEqual(expected)
      uses[tail]++
    }
  return { expected, uses }
}

const everyOffset = (path: string, step = 1): number[] =>
  Array.from({ length: Math.ceil(statSync(path).size / step) }, (_, i) => i * step)

/** The generator's rows as a spreadsheet writes them: every field quoted, CRLF. */
const quotedCrlf = (lines: string[], separator = ','): string =>
  lines.map((line) => `"${line.replaceAll(',', `"${separator}"`)}"\r\n`).join('')

async function cli(path: string, threads: CliThreads = {}, ...flags: string[]) {
  let out = ''
  let err = ''
  const code = await runLabReportCli(
    [path, ...flags],
    { out: (t) => void (out += t), err: (t) => void (err += t) },
    threads
  )
  return { code, out, err }
}

/** The CLI's output with the tail read apart from each offset of `splits` is the one-thread output. */
async function expectSameCli(path: string, splits: number[]) {
  for (const json of [false, true]) {
    const flags = json ? ['--json'] : []
    const expected = await cli(path, {}, ...flags)
    for (const at of splits)
      expect(
        await cli(
          path,
          { tailRunner: tailFrom(at), parts: { ...ANY_SIZE, readBytes: 64 } },
          ...flags
        )
      ).toEqual(expected)
  }
}

describe('readReportInParts', { timeout: 120_000 }, () => {
  const tmp = useTempDir()

  it('reads a quoted CRLF file split at every byte, CR and LF in separate reads too', async () => {
    const file = tmp.write('q.csv', quotedCrlf([...syntheticSessionLines(20)]))
    const { uses, expected } = await expectSameInParts(file, everyOffset(file), [7])
    expect(expected.summary?.validRows).toBe(20)
    expect(uses.used).toBeGreaterThan(uses.readOn + uses.none) // ends of the file aside
    await expectSameInParts(file, everyOffset(file, 13), [1, 2, 3, 64, 4096])
  })

  it('reads on alone when the guessed break is a newline inside a quoted field', async () => {
    // Models with CRLF and LF inside quotes: breaks after them are no row breaks.
    const lines = [...syntheticSessionLines(60)].map((line, i) =>
      i > 0 && i % 3 === 0 ? line.replace('gpt-realtime', `"gpt\r\n4o${i % 2 ? '\n' : ''}"`) : line
    )
    expect(lines.filter((l) => l.includes('\r\n'))).not.toHaveLength(0)
    for (const nl of ['\r\n', '\n']) {
      const file = tmp.write('n.csv', lines.join(nl) + nl)
      const { uses } = await expectSameInParts(file, everyOffset(file, 5), [5, 4096])
      expect(uses.used).toBeGreaterThan(0)
      expect(uses.readOn).toBeGreaterThan(0)
    }
  })

  it('gives up on a problem in the tail, and the CLI reports it at its row', async () => {
    const lines = [...syntheticSessionLines(80)]
    lines[70] = lines[70]!.replace(/,gpt-realtime,/, ',,') // row 71: no model
    const file = tmp.write('bad.csv', quotedCrlf(lines))
    const { uses, expected } = await expectSameInParts(file, everyOffset(file, 97), [64])
    expect(expected.summary).toBeUndefined()
    expect(uses.used).toBeGreaterThan(0)
    await expectSameCli(file, everyOffset(file, 401))
    const { code, err } = await cli(file, { tailRunner: tailFrom(2000), parts: ANY_SIZE })
    expect(code).toBe(2)
    expect(err).toContain('bad.csv: row 71, column model: empty value\n')
  })

  it('numbers warnings on from the head, grouped as on one thread', async () => {
    // Unknown values on both sides of any split (7 distinct: the 6th and 7th are grouped), an
    // extra column (the header's warning must not come twice), a language met only late.
    const lines = [...syntheticSessionLines(120)].map((line, i) => {
      if (i === 0) return `${line},note`
      let row = `${line},n${i}`
      if (i % 9 === 0)
        row = row.replace(
          /,(product_inquiry|order_status|complaint|return_request|faq),/,
          `,odd${i % 7},`
        )
      if (i > 100 && i % 5 === 0) row = row.replace(/,(en|es|fr),n/, ',de,n')
      return row
    })
    const file = tmp.write('w.csv', lines.join('\n') + '\n')
    const { uses, expected } = await expectSameInParts(file, everyOffset(file, 37), [64])
    expect(expected.summary?.warnings.length).toBeGreaterThan(3)
    expect(uses.used).toBeGreaterThan(0)
    await expectSameCli(file, everyOffset(file, 997))
  })

  it('refuses an id of the head repeated in the tail, in order or not', async () => {
    const lines = [...syntheticSessionLines(50)]
    const repeated = [...lines, lines[3]!]
    const shuffled = [lines[0]!, ...lines.slice(1).reverse(), lines[40]!]
    for (const rows of [repeated, shuffled]) {
      const file = tmp.write('dup.csv', rows.join('\n') + '\n')
      const { expected, uses } = await expectSameInParts(file, everyOffset(file, 53), [64])
      expect(expected.summary).toBeUndefined()
      expect(uses.used).toBeGreaterThan(0)
    }
    // In order but for the last id (as S9999999 before S10000000): no repeat, all appended.
    const late = [...lines, lines[3]!.replace(/^([^,]+)/, '$1-late')]
    const file = tmp.write('late.csv', late.join('\n') + '\n')
    const { expected, uses } = await expectSameInParts(file, everyOffset(file, 53), [64])
    expect(expected.summary?.validRows).toBe(51)
    expect(uses.used).toBeGreaterThan(0)
  })

  it('lists ids out of order, non-ASCII ids and values first met in the tail as on one thread', async () => {
    const random = seededRandom(7)
    const [header, ...rows] = [...syntheticSessionLines(90)]
    rows.sort(() => random() - 0.5)
    const late = rows.map((row, i) =>
      i < 60
        ? row.replace(',negative,', ',neutral,')
        : row.replace(/^([^,]+)/, i % 2 ? '$1-é' : '$1-日本')
    )
    const file = tmp.write('o.csv', [header, ...late].join('\n') + '\n')
    const { uses, expected } = await expectSameInParts(file, everyOffset(file, 29), [64])
    expect(expected.summary?.validRows).toBe(90)
    expect(uses.used).toBeGreaterThan(0)
  })

  it.each([
    ['a BOM', '\uFEFF', ','],
    ['semicolons', '', ';'],
    ['tabs', '', '\t']
  ])('reads files with %s', async (_, bom, separator) => {
    const file = tmp.write('s.csv', bom + quotedCrlf([...syntheticSessionLines(50)], separator))
    const { uses, expected } = await expectSameInParts(file, everyOffset(file, 41), [64])
    expect(expected.summary?.validRows).toBe(50)
    expect(uses.used).toBeGreaterThan(0)
  })

  it('adds the sums only when that is exact: fractions make it read on', async () => {
    const whole = [...syntheticSessionLines(60)]
    const fractional = whole.map((line, i) =>
      i === 10 || i === 50 ? line.replace(/^([^,]+,[^,]+,[^,]+),(\d+),/, '$1,$2.3,') : line
    )
    const file = tmp.write('f.csv', fractional.join('\n') + '\n')
    const size = statSync(file).size
    // The first fraction in the head: its sums are no longer whole numbers.
    expect((await inParts(file, Math.floor(size / 2), 64)).tail).toBe('readOn')
    const { uses } = await expectSameInParts(file, everyOffset(file, 31), [64])
    expect(uses.readOn).toBeGreaterThan(0)
    const plain = tmp.write('p.csv', whole.join('\n') + '\n')
    expect((await inParts(plain, Math.floor(size / 2), 64)).tail).toBe('used')
  })

  it('reads on alone past a tail with more warnings than it keeps', async () => {
    const lines = [...syntheticSessionLines(25_000)].map((line, i) =>
      i === 0 ? line : line.replace(/,(en|es|fr)$/, ',xx')
    )
    const file = tmp.write('many.csv', lines.join('\n') + '\n')
    const { tail, result } = await inParts(file, 0, 1 << 16)
    expect(tail).toBe('readOn')
    expect(result).toEqual(oneThread(file))
    expect(result.summary?.warnings[0]?.count).toBe(lines.length - 1)
  })

  it('leaves UTF-16 files and small files alone', async () => {
    const text = [HEADER, ...[...syntheticSessionLines(20)].slice(1)].join('\r\n')
    const utf16 = join(tmp.path(), 'u.csv')
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
    const parts = await readReportInParts(utf16, new LabReportColumns(), tailFrom(0), ANY_SIZE)
    expect(parts).toEqual({ summary: undefined, tail: 'none' })
    await expectSameCli(utf16, [0, 100])

    let started = 0
    const counting: TailRunner = {
      start: (task) => {
        started++
        return tailFrom(0).start(task)
      }
    }
    const small = tmp.write('small.csv', text)
    expect((await readReportInParts(small, new LabReportColumns(), counting)).tail).toBe('none')
    expect(started).toBe(0)
  })

  it('keeps at most its limit of warnings to replay', () => {
    const warnings = new RecordingWarnings(2)
    warnings.add('language', 'extra', undefined, 'extraColumnIgnored')
    warnings.record()
    warnings.add('language', 'unknown value "xx" accepted', 2, 'unknownValueAccepted')
    warnings.add('language', 'unknown value "xx" accepted', 3, 'unknownValueAccepted')
    expect(warnings.recorded()?.map((w) => w.row)).toEqual([2, 3])
    warnings.add('language', 'unknown value "xx" accepted', 4, 'unknownValueAccepted')
    expect(warnings.recorded()).toBeUndefined()
    expect(warnings.list()[1]?.count).toBe(3)
  })

  it('reads the tail on a worker thread, its arrays moved back', async () => {
    const file = tmp.write('big.csv', quotedCrlf([...syntheticSessionLines(20_000)]))
    // The worker runs the TypeScript sources through tsx here; the CLI bundles it.
    const worker = workerTailRunner(new URL('../../../tools/cli/tailWorker.ts', import.meta.url), [
      '--import',
      'tsx'
    ])
    // The head waits for the claim (the worker's start-up is slow under tsx), so one is made.
    const claimed: TailRunner = {
      start(task) {
        const run = worker.start(task)
        const word = new BigInt64Array(task.split)
        return {
          ...run,
          begin(dialect) {
            run.begin(dialect)
            for (let waited = 0; Atomics.load(word, 0) >= 0n && waited < 60_000; waited += 10)
              Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10)
          }
        }
      }
    }
    const report = new LabReportColumns()
    const { summary, tail } = await readReportInParts(file, report, claimed, ANY_SIZE)
    expect(tail).toBe('used')
    expect({ summary, ...reportOf(report) }).toEqual(oneThread(file))
  })
})
