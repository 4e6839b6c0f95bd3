import type { IncomingMessage } from 'node:http'

// Pieces of OpenAI's HTTP wire format shared by the local stand-ins of its endpoints.

export type ApiErrorBody = {
  error: { message: string; type: string; param: null; code: string | null }
}

export const apiError = (message: string, type: string, code: string | null): ApiErrorBody => ({
  error: { message, type, param: null, code }
})

export async function readBody(req: IncomingMessage): Promise<string> {
  let text = ''
  for await (const chunk of req) text += String(chunk)
  return text
}
