import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchChromium } from './support/browser'
import { openApp, type AppUnderTest } from './support/harnessFixture'
import { clippedTexts, englishLeftOver } from './support/screenChecks'
import { HEADER } from '../support/tempDir'

const canRun = browserAvailable()
const eventually = <T>(read: () => Promise<T> | T, timeout = 10_000) =>
  expect.poll(read, { timeout, interval: 100 })

const NAMESPACES = ['sessions', 'catalog', 'liveCall'] as const

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
      sessionsHeader: 'Escalada',
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
      sessionsHeader: 'Escaladée',
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
        expect.soft(englishLeftOver(c.language, NAMESPACES, await main.innerText())).toEqual([])
        expect.soft(await clippedTexts(page)).toEqual([])

        await rail.getByRole('button', { name: c.nav.catalog, exact: true }).click()
        await eventually(() => page.getByTestId('catalog-product-row').count()).toBe(25)
        expect(await page.getByTestId('catalog-product-row').first().innerText()).toMatch(c.price)
        await app.screenshot(`i18n-catalog-${c.language}`)
        expect.soft(englishLeftOver(c.language, NAMESPACES, await main.innerText())).toEqual([])
        expect.soft(await clippedTexts(page)).toEqual([])
        await page.getByLabel(c.catalogSearch).fill('botas impermeables')
        await eventually(() => page.getByTestId('catalog-product-hit').count()).toBeGreaterThan(0)
        await app.screenshot(`i18n-catalog-search-${c.language}`)
        expect.soft(englishLeftOver(c.language, NAMESPACES, await main.innerText())).toEqual([])

        await rail.getByRole('button', { name: c.nav.live, exact: true }).click()
        await page.getByRole('button', { name: c.call, exact: true }).waitFor()
        expect(await page.getByTestId('call-phase').textContent()).toBe(c.phase)
        await app.screenshot(`i18n-live-${c.language}`)
        expect.soft(englishLeftOver(c.language, NAMESPACES, await main.innerText())).toEqual([])
        expect.soft(await clippedTexts(page)).toEqual([])
      } finally {
        await app.close()
      }
    }, 180_000) // three screens, two searches: minutes on a loaded 2-vCPU machine

  it('says the problems of a refused CSV in Spanish, row by row', async () => {
    const app: AppUnderTest = await openApp(browser)
    try {
      const { page } = app
      const file = join(app.dataDir, 'malo.csv')
      const rows = [
        'N1,faq,abc,85,170,1,8,positive,m,true,en', // row 2: not a number
        'N2,faq,45,185,170.5,1,8,positive,m,maybe,en', // row 3: P95 < P50, not a boolean
        'S01,faq,1,1,2,0,1,neutral,m,true,de' // row 4: already stored; unknown language
      ]
      writeFileSync(file, `${HEADER},notas\n${rows.map((row) => `${row},x`).join('\n')}\n`)
      await chooseLanguage(page, 'Español')
      await eventually(() => page.getByTestId('session-row').count()).toBe(15)
      app.harness.dialogs.queueOpen(file)
      await page.getByRole('button', { name: 'Importar CSV' }).click()
      const dialog = page.getByRole('dialog', {
        name: 'malo.csv no se importó: no se cambió nada'
      })
      await dialog.waitFor()
      expect(
        await dialog.getByTestId('import-issues').getByRole('listitem').allInnerTexts()
      ).toEqual([
        'fila 2, columna duration_sec: no es un número: «abc»',
        'fila 3, columna latency_p95_ms: P95 (170,5) es menor que P50 (185)',
        'fila 3, columna rag_used: no es un valor lógico: «maybe»',
        'fila 4, columna session_id: el session_id «S01» ya está en la base de datos'
      ])
      const warnings = await dialog.getByRole('alert').innerText()
      expect(warnings).toContain('columna notas: columna adicional ignorada')
      expect(warnings).toContain('columna language: valor desconocido «de» aceptado (fila 4)')
      await app.screenshot('i18n-import-problems-es')
      const text = await dialog.innerText()
      for (const english of [
        'row ',
        'column ',
        'not a number',
        'is below',
        'already in',
        'ignored'
      ])
        expect.soft(text).not.toContain(english)
      expect(await app.harness.services.store.count()).toBe(15)
    } finally {
      await app.close()
    }
  }, 120_000)

  it('says the problems of a refused catalog file in French', async () => {
    const app: AppUnderTest = await openApp(browser)
    try {
      const { page } = app
      const products = readFileSync(join('resources', 'products.csv'), 'utf8')
      const file = join(app.dataDir, 'produits.csv')
      writeFileSync(
        file,
        products
          .replace('189.99,true,TB-X200-BLK', 'cher,peut-être,TB-X200-BLK')
          .replace('P002,', 'P001,')
      )
      await chooseLanguage(page, 'Français')
      await page.getByRole('navigation').getByRole('button', { name: 'Catalogue' }).click()
      await eventually(() => page.getByTestId('catalog-product-row').count()).toBe(25)
      app.harness.dialogs.queueOpen(file)
      await page.getByRole('button', { name: 'Importer…' }).click()
      await page.getByRole('menuitem', { name: 'Produits (CSV ou JSON)…' }).click()
      const list = page.getByTestId('catalog-import-issues')
      await list.waitFor()
      expect(await list.getByRole('listitem').allInnerTexts()).toEqual([
        "ligne 2, colonne price\u00a0: n'est pas un nombre",
        "ligne 2, colonne in_stock\u00a0: n'est pas un booléen (true/false, 1/0, yes/no)",
        'ligne 3, colonne id\u00a0: doublon de la ligne 2'
      ])
      await app.screenshot('i18n-catalog-import-problems-fr')
    } finally {
      await app.close()
    }
  }, 120_000)
})
