/**
 * Who labelled a call or read its caller sentiment, as stored with it (calls.labelled_by,
 * calls.sentiment_reader, a recorded sentiment.read): a model by name, or the offline lexicons.
 */
export type LabelledBy = `model:${string}` | 'lexicon'

const MODEL_PREFIX = 'model:'

export const byModel = (model: string): LabelledBy => `${MODEL_PREFIX}${model}`

/** The model's name in a stored value; null for the lexicons. */
export const modelNameOf = (stored: string): string | null =>
  stored.startsWith(MODEL_PREFIX) ? stored.slice(MODEL_PREFIX.length) : null
