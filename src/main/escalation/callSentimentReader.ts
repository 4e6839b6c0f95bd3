import type { DatabaseSync } from 'node:sqlite'
import type { SentimentReader } from '../../shared/escalation/escalationState'
import { modelNameOf } from '../classify/labelledBy'

/** Who read a recorded call's caller sentiment for the live rules (calls.sentiment_reader). */
export function callSentimentReader(db: DatabaseSync, sessionId: string): SentimentReader {
  const row = db
    .prepare('SELECT sentiment_reader FROM calls WHERE session_id = ?')
    .get(sessionId) as { sentiment_reader: string | null } | undefined
  const reader = row?.sentiment_reader
  return reader && modelNameOf(reader) !== null ? 'model' : 'lexicon'
}
