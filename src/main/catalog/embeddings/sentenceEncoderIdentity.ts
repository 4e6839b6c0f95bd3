/**
 * The offline sentence model's id and vector size, for code that must not load the model (main's
 * thread, which only talks to the worker that runs it).
 */
export const SENTENCE_ENCODER = { id: 'use-lite-512', dimensions: 512 } as const
