import type { IncomingMessage, ServerResponse } from 'node:http'

/** Answers a request it knows (true) or leaves it to the next route (false). */
export type SimRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>
