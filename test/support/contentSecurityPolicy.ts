import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** The two pages the app serves; each carries its CSP as a <meta> tag. */
export const PAGES = ['index.html', 'demo-peer.html'] as const

export const sourcePage = (page: string): string =>
  readFileSync(resolve('src/renderer', page), 'utf8')

/** A page's CSP meta tag as directive → sources. */
export function policyOf(html: string): Map<string, string[]> {
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
