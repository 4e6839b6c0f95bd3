import type { SentimentReader } from '../../shared/escalation/escalationState'
import { modelNameOf } from '../classify/labelledBy'
import type { SessionDatabase } from '../database/SessionDatabase'

/** Who read a recorded call's caller sentiment for the live rules (calls.sentiment_reader). */
export function callSentimentReader(database: SessionDatabase, sessionId: string): SentimentReader {
  const reader = database.calls.get(sessionId)?.sentiment_reader
  return reader && modelNameOf(reader) !== null ? 'model' : 'lexicon'
}
