import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PAGES, policyOf, sourcePage } from '../support/contentSecurityPolicy'

// Here rather than with the unit tests: the e2e run builds the renderer first, so the built
// pages are always this commit's (a unit run would read whatever an older build left).
const BUILT = resolve(process.env['RENDERER_OUT_DIR'] ?? 'out/renderer')

describe("the built pages' Content-Security-Policy", () => {
  it.each(PAGES)('%s keeps the source policy (connect-src none) through the build', (page) => {
    const built = policyOf(readFileSync(join(BUILT, page), 'utf8'))
    expect(built).toEqual(policyOf(sourcePage(page)))
    expect(built.get('connect-src')).toEqual(["'none'"])
  })
})
