import { describe, expect, it } from 'vitest'
import { relaxCspForDevServer } from '../../../electron.vite.config'
import { PAGES, policyOf, sourcePage as source } from '../../support/contentSecurityPolicy'

// The pages' CSP is a <meta> tag that Vite copies into the build unchanged (test/e2e/built-csp
// checks the build); Electron serves it as written (app://), the dev server through
// relaxCspForDevServer.
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
