import { describe, expect, it } from 'vitest'
import { routes } from '../../../src/shared/ipc/contract'
import { MAX_BATCH_BYTES } from '../../../src/shared/ipc/routes/recordingRoutes'

// The append limit counts UTF-8 bytes: a transcript in Japanese is three bytes a character.
const SESSION = 'LIVE-20261206-195500-ab12'
const prefix = JSON.stringify([{ t: 0, event: { type: 'x', text: '' } }])
const batchOf = (text: string) => ({
  sessionId: SESSION,
  events: [{ t: 0, event: { type: 'x', text } }]
})
const append = routes['recording.append'].input

describe('recording.append batch limit', () => {
  // 'テ' is 3 bytes; the JSON around the text is plain ASCII.
  const charsThatFit = Math.floor((MAX_BATCH_BYTES - prefix.length) / 3)

  it('accepts a multibyte batch just under the limit in bytes', () => {
    expect(append.safeParse(batchOf('テ'.repeat(charsThatFit))).success).toBe(true)
  })

  it('refuses a multibyte batch just over the limit in bytes, though far under it in characters', () => {
    const text = 'テ'.repeat(charsThatFit + 1)
    expect(JSON.stringify(batchOf(text).events).length).toBeLessThan(MAX_BATCH_BYTES / 2)
    const parsed = append.safeParse(batchOf(text))
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toMatch(/under 256 KB of JSON/)
  })

  it('counts ASCII one byte a character up to the exact limit', () => {
    const fill = MAX_BATCH_BYTES - prefix.length
    expect(append.safeParse(batchOf('a'.repeat(fill))).success).toBe(true)
    expect(append.safeParse(batchOf('a'.repeat(fill + 1))).success).toBe(false)
  })
})
