// Preloaded into Electron's installer (node --import) by the launcher. install.js prints only
// the error's stack ("TypeError: fetch failed"), which drops the URL and the network's reason
// (ENOTFOUND, ECONNREFUSED…); this records them as JSON lines for the launcher's message.
// Plain JS (it runs in the installer's plain Node): the preset exempts only root-level .mjs files.
/* eslint-disable @typescript-eslint/explicit-function-return-type */
import { appendFileSync } from 'node:fs'

const reportFile = process.env.VOICE_CONSOLE_FETCH_REPORT
const realFetch = globalThis.fetch

const record = (failure) => appendFileSync(reportFile, JSON.stringify(failure) + '\n')

/** fetch() wraps the network error in `cause`; a dual-stack refusal is an AggregateError. */
function reason(error) {
  const cause = error?.cause ?? error
  const nested = Array.isArray(cause?.errors) ? cause.errors.map((e) => e.message) : []
  const detail = cause?.message || [...new Set(nested)].join('; ') || String(error)
  return { code: cause?.code, detail }
}

if (reportFile && realFetch) {
  globalThis.fetch = async (input, init) => {
    const url = typeof input === 'object' && 'url' in input ? input.url : String(input)
    try {
      const response = await realFetch(input, init)
      if (!response.ok) record({ url, status: response.status, statusText: response.statusText })
      return response
    } catch (error) {
      record({ url, ...reason(error) })
      throw error
    }
  }
}
