import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { relaxCspForDevServer } from '../../../electron.vite.config'

// The pages' CSP is a <meta> tag that Vite copies into the build unchanged; Electron serves it as
// written (app://), the dev server through relaxCspForDevServer.
const PAGES = ['index.html', 'demo-peer.html'] as const
const source = (page: string): string => readFileSync(resolve('src/renderer', page), 'utf8')
const BUILT = resolve(process.env['RENDERER_OUT_DIR'] ?? 'out/renderer')

function policyOf(html: string): Map<string, string[]> {
  const content = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]
  if (content === undefined) throw new Error('no CSP meta tag')
  return new Map(
    content
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources])
  )
}

describe("the pages' Content-Security-Policy", () => {
  it.each(PAGES)('%s connects nowhere and names no host', (page) => {
    const policy = policyOf(source(page))
    expect(policy.get('default-src')).toEqual(["'none'"])
    expect(policy.get('connect-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(policy.get('form-action')).toEqual(["'none'"])
    const sources = [...policy.values()].flat()
    expect(sources.filter((s) => /^(https?|wss?):|\*/.test(s))).toEqual([])
    expect(sources).not.toContain("'unsafe-eval'")
  })

  it.skipIf(!existsSync(join(BUILT, 'index.html')))('is built unchanged', () => {
    for (const page of PAGES)
      expect(policyOf(readFileSync(join(BUILT, page), 'utf8'))).toEqual(policyOf(source(page)))
  })

  it("relaxes only the dev server's copy: inline React refresh, the HMR websocket", () => {
    for (const page of PAGES) {
      const dev = policyOf(relaxCspForDevServer(source(page)))
      expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:*', 'ws://127.0.0.1:*'])
      expect(dev.get('script-src')).toContain("'unsafe-inline'")
      expect(dev.get('default-src')).toEqual(["'none'"])
    }
  })

  it('refuses to relax a page whose policy changed shape, instead of serving it broken', () => {
    expect(() =>
      relaxCspForDevServer(
        '<meta http-equiv="Content-Security-Policy" content="script-src \'self\'">'
      )
    ).toThrow(/connect-src 'none'/)
  })
})
