import type { DatabaseSync } from 'node:sqlite'
import type { SentimentReader } from '../../shared/escalation/escalationState'

/** Who read a recorded call's caller sentiment for the live rules (calls.sentiment_reader). */
export function callSentimentReader(db: DatabaseSync, sessionId: string): SentimentReader {
  const row = db
    .prepare('SELECT sentiment_reader FROM calls WHERE session_id = ?')
    .get(sessionId) as { sentiment_reader: string | null } | undefined
  return row?.sentiment_reader?.startsWith('model:') ? 'model' : 'lexicon'
}
