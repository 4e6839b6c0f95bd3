import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { KNOWN_VALUES } from '../../../src/shared/sessions/labSchema'
import { LOCALES_DIR, localeLeaves, type LocaleTree } from '../../support/localeStrings'

const strings = (language: string, namespaces: readonly string[]): Map<string, string> =>
  new Map(
    namespaces.flatMap((ns) => [
      ...localeLeaves(
        JSON.parse(readFileSync(join(LOCALES_DIR, language, `${ns}.json`), 'utf8')) as LocaleTree
      )
    ])
  )

/**
 * English UI texts of these namespaces that the other language words differently: none may be
 * on screen. Only whole texts without placeholders, matched as whole words (so "Agent" is not
 * found in "Agente"); data values (scenario codes, product names) are not UI texts.
 */
export function englishLeftOver(
  language: string,
  namespaces: readonly string[],
  pageText: string
): string[] {
  const english = strings('en', namespaces)
  const translated = strings(language, namespaces)
  return (
    [...english]
      // Two-letter words ("No") also occur in data such as the English knowledge passages.
      .filter(
        ([key, text]) => text.length > 3 && !text.includes('{{') && translated.get(key) !== text
      )
      .map(([, text]) => text)
      .filter((text) => {
        const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        // A file name's part ("voice_sessions.csv") is a name, not an English word left over.
        return new RegExp(`(^|[^\\p{L}_])${escaped}([^\\p{L}_]|$)`, 'u').test(pageText)
      })
  )
}

/**
 * The lab's scenario codes shown raw (`product_inquiry`): every screen names them in the reader's
 * language. Codes of one word (`complaint`) are also plain English in callers' lines, so only the
 * compound ones are looked for.
 */
export const rawScenarioCodes = (pageText: string): string[] =>
  (KNOWN_VALUES.scenario ?? []).filter((code) => code.includes('_') && pageText.includes(code))

/**
 * Every text on screen that does not fit its box: an element with text of its own that hides
 * its overflow, or any element that ellipsises its text, and whose content is wider than it, or taller when its lines
 * are clamped. Described as `tag[testid] "text"`.
 */
export function clippedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      if (element.offsetParent === null) continue
      const ownText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== ''
      )
      const style = getComputedStyle(element)
      // An ellipsis on a cell whose text sits in a child span cuts that text all the same.
      if (!ownText && (style.textOverflow !== 'ellipsis' || !element.textContent!.trim())) continue
      if (style.overflowX === 'visible' && style.textOverflow !== 'ellipsis') continue
      const box = element.getBoundingClientRect()
      if (box.width === 0 || box.right < 0 || box.left > innerWidth) continue
      const wider = element.scrollWidth > element.clientWidth + 1
      const clamped =
        style.webkitLineClamp !== 'none' && element.scrollHeight > element.clientHeight + 1
      if (wider || clamped)
        found.push(
          `${element.tagName.toLowerCase()}[${element.dataset['testid'] ?? ''}] "${element.textContent!.trim().slice(0, 80)}"`
        )
    }
    return found
  })
}

/** Elements of `selector` not wholly inside the window (a primary control below the fold). */
export function outOfView(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((css) => {
    return [...document.querySelectorAll<HTMLElement>(css)]
      .filter((element) => {
        const box = element.getBoundingClientRect()
        return box.left < 0 || box.top < 0 || box.right > innerWidth || box.bottom > innerHeight
      })
      .map((element) => element.textContent?.trim() || element.tagName.toLowerCase())
  }, selector)
}
