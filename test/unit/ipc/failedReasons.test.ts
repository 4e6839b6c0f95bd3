import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDispatch, type AppHandlers, type Sender } from '../../../src/main/ipc/dispatch'
import { catalogHandlers } from '../../../src/main/ipc/handlers/catalogHandlers'
import { sessionHandlers } from '../../../src/main/ipc/handlers/sessionHandlers'
import { OpenAIEmbeddings } from '../../../src/main/catalog/embeddings/OpenAIEmbeddings'
import { FAILED_REASONS, failedReasonOf } from '../../../src/shared/ipc/result'

// A handler's fixed sentence reaches the renderer as a `failed` message the UI recognises and
// words in its language; English stays exactly main's sentence.

const sender: Sender = { windowId: 1, url: 'app://test', isTopFrame: true }
const EN_ERRORS = join(import.meta.dirname, '../../../src/renderer/src/i18n/locales/en/errors.json')

describe("handlers' fixed sentences", () => {
  it('sends a stale import token as the known sentence', async () => {
    // Neither handler touches its dependencies for a token it never handed out.
    const handlers = { ...sessionHandlers({} as never), ...catalogHandlers({} as never) }
    const dispatch = createDispatch(
      handlers as AppHandlers,
      () => true,
      () => undefined
    )
    const results = await Promise.all([
      dispatch(sender, 'sessions.importFile', { token: 'gone', onConflict: 'fail' }),
      dispatch(sender, 'catalog.import', { token: 'gone' })
    ])
    for (const result of results) {
      expect(result).toEqual({
        ok: false,
        error: { code: 'failed', message: 'That file is no longer selected: choose it again' }
      })
      if (!result.ok) expect(failedReasonOf(result.error.message)).toBe('fileNoLongerSelected')
    }
  })

  it('recognises only the exact sentences', () => {
    expect(failedReasonOf('database is locked')).toBeUndefined()
    expect(failedReasonOf('That file is no longer selected')).toBeUndefined()
  })

  it('words every sentence in English exactly as main writes it', () => {
    const en = JSON.parse(readFileSync(EN_ERRORS, 'utf8')) as {
      ipc: { failed: Record<string, string> }
    }
    expect(en.ipc.failed).toEqual(FAILED_REASONS)
  })
})

describe('the embeddings provider', () => {
  it('throws the known missing-key sentence, so the UI can word it', async () => {
    const embeddings = new OpenAIEmbeddings({ apiKey: () => undefined })
    await expect(embeddings.embed(['tent'])).rejects.toThrow(new Error(FAILED_REASONS.noOpenAiKey))
  })
})
