/** Lets queued IPC requests run between slices of a long computation in main. */
export const nextTurn = (): Promise<void> => new Promise((resume) => setImmediate(resume))
