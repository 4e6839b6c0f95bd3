import type { SentimentReader } from '../../shared/escalation/escalationState'
import { modelNameOf } from '../classify/labelledBy'
import type { SessionDatabase } from '../database/SessionDatabase'

/** Who read a recorded call's caller sentiment for the live rules (calls.sentiment_reader). */
export async function callSentimentReader(
  database: Pick<SessionDatabase, 'calls'>,
  sessionId: string
): Promise<SentimentReader> {
  const reader = (await database.calls.get(sessionId))?.sentiment_reader
  return reader && modelNameOf(reader) !== null ? 'model' : 'lexicon'
}
