import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchChromium } from './support/browser'
import { openApp, type AppUnderTest } from './support/harnessFixture'

const canRun = browserAvailable()
const eventually = <T>(read: () => Promise<T> | T, timeout = 10_000) =>
  expect.poll(read, { timeout, interval: 100 })

const LOCALES = join('src', 'renderer', 'src', 'i18n', 'locales')
const NAMESPACES = ['sessions', 'catalog', 'liveCall'] as const

type Tree = { [key: string]: string | Tree }
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value, path)) out.set(k, v)
  }
  return out
}
const strings = (language: string): Map<string, string> =>
  new Map(
    NAMESPACES.flatMap((ns) => [
      ...leaves(JSON.parse(readFileSync(join(LOCALES, language, `${ns}.json`), 'utf8')) as Tree)
    ])
  )

/**
 * English UI texts of these screens that the other language words differently: none may be on
 * screen. Only whole texts without placeholders, matched as whole words (so "Agent" is not
 * found in "Agente"); data values (scenario codes, product names) are not UI texts.
 */
function englishLeftOver(language: string, pageText: string): string[] {
  const english = strings('en')
  const translated = strings(language)
  return (
    [...english]
      // Two-letter words ("No") also occur in data such as the English knowledge passages.
      .filter(
        ([key, text]) => text.length > 3 && !text.includes('{{') && translated.get(key) !== text
      )
      .map(([, text]) => text)
      .filter((text) => {
        const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        return new RegExp(`(^|[^\\p{L}])${escaped}([^\\p{L}]|$)`, 'u').test(pageText)
      })
  )
}

/** Labels, headers, chips and buttons whose text does not fit (clipped or ellipsised). */
function clippedLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selectors = [
      'main button',
      'main .MuiChip-label',
      'main label',
      'main th',
      'main .MuiTypography-caption',
      'main h1',
      'main h6',
      'main [role="combobox"]'
    ]
    return [...document.querySelectorAll<HTMLElement>(selectors.join(','))]
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent ?? '')
  })
}

async function chooseLanguage(page: Page, name: string): Promise<void> {
  await page.getByTestId('ui-language').getByRole('combobox').click()
  await page.getByRole('option', { name }).click()
}

describe.runIf(canRun)('Sessions, Catalog and Live call in Spanish and French', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  const cases = [
    {
      language: 'es',
      option: 'Español',
      nav: { sessions: 'Sesiones', catalog: 'Catálogo', live: 'Llamada' },
      avgP50: '89,3',
      sessionsHeader: 'Interrupciones',
      catalogSearch: 'Busque como lo preguntaría un cliente',
      // Spanish groups from five digits; a two-digit price keeps its decimal comma.
      price: /\d+,\d{2}\sUS\$/,
      call: 'Llamar',
      phase: 'Lista'
    },
    {
      language: 'fr',
      option: 'Français',
      nav: { sessions: 'Sessions', catalog: 'Catalogue', live: 'Appel' },
      avgP50: '89,3',
      sessionsHeader: 'Tours',
      catalogSearch: 'Cherchez comme le demanderait un client',
      price: /\d+,\d{2}\s\$US/,
      call: 'Appeler',
      phase: 'Prêt'
    }
  ] as const

  for (const c of cases)
    it(`shows the three screens in ${c.option}, with its number formats`, async () => {
      const app: AppUnderTest = await openApp(browser)
      try {
        const { page } = app
        const main = page.locator('main')
        await chooseLanguage(page, c.option)
        await eventually(() => page.locator('html').getAttribute('lang')).toBe(c.language)
        const rail = page.getByRole('navigation')

        await rail.getByRole('button', { name: c.nav.sessions, exact: true }).click()
        await eventually(() => page.getByTestId('session-row').count()).toBe(15)
        await eventually(() => page.getByTestId('kpi-avg-p50').textContent()).toBe(c.avgP50)
        expect(await page.getByRole('columnheader', { name: c.sessionsHeader }).count()).toBe(1)
        await app.screenshot(`i18n-sessions-${c.language}`)
        expect.soft(englishLeftOver(c.language, await main.innerText())).toEqual([])
        expect.soft(await clippedLabels(page)).toEqual([])

        await rail.getByRole('button', { name: c.nav.catalog, exact: true }).click()
        await eventually(() => page.getByTestId('catalog-product-row').count()).toBe(25)
        expect(await page.getByTestId('catalog-product-row').first().innerText()).toMatch(c.price)
        await app.screenshot(`i18n-catalog-${c.language}`)
        expect.soft(englishLeftOver(c.language, await main.innerText())).toEqual([])
        expect.soft(await clippedLabels(page)).toEqual([])
        await page.getByLabel(c.catalogSearch).fill('botas impermeables')
        await eventually(() => page.getByTestId('catalog-product-hit').count()).toBeGreaterThan(0)
        await app.screenshot(`i18n-catalog-search-${c.language}`)
        expect.soft(englishLeftOver(c.language, await main.innerText())).toEqual([])

        await rail.getByRole('button', { name: c.nav.live, exact: true }).click()
        await page.getByRole('button', { name: c.call, exact: true }).waitFor()
        expect(await page.getByTestId('call-phase').textContent()).toBe(c.phase)
        await app.screenshot(`i18n-live-${c.language}`)
        expect.soft(englishLeftOver(c.language, await main.innerText())).toEqual([])
        expect.soft(await clippedLabels(page)).toEqual([])
      } finally {
        await app.close()
      }
    }, 180_000) // three screens, two searches: minutes on a loaded 2-vCPU machine
})
