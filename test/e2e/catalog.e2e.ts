import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable, launchChromium } from './support/browser'
import { openApp } from './support/harnessFixture'

const canRun = browserAvailable()

describe.runIf(canRun)('Catalog screen (browser harness + Chromium)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('browses the catalog and shows what the agent would find for a Spanish caller', async () => {
    const app = await openApp(browser)
    try {
      const { page } = app
      await page.getByRole('button', { name: 'Catalog' }).click()
      await expect
        .poll(() => page.getByTestId('catalog-product-row').count(), { timeout: 10_000 })
        .toBe(25)
      await app.screenshot('catalog-browse')
      await page.getByLabel('Search as a caller would ask').fill('botas impermeables')
      await expect
        .poll(() => page.getByTestId('catalog-product-hit').first().textContent(), {
          timeout: 10_000
        })
        .toContain('TB-X200')
      await page.getByLabel('Search as a caller would ask').fill('¿cuánto cuesta el envío?')
      await expect
        .poll(() => page.getByTestId('catalog-passage-hit').first().textContent(), {
          timeout: 10_000
        })
        .toContain('shipping#')
      await app.screenshot('catalog-search')
    } finally {
      await app.close()
    }
  })

  it('re-indexes with a progress bar and imports a catalog file, refusing a bad one whole', async () => {
    const app = await openApp(browser, undefined, { vectorSearch: true })
    try {
      const { page } = app
      await page.getByRole('button', { name: 'Catalog' }).click()
      const state = page.getByTestId('catalog-index-state')
      // The background build at start-up embeds the shipped catalog with the offline model.
      await expect.poll(() => state.textContent(), { timeout: 60_000 }).toBe('Index ready')
      await expect.poll(() => page.getByText('search: hybrid').count()).toBe(1)

      // A rebuild of the shipped catalog takes tens of milliseconds (word vectors), too short to
      // catch with a poll: the page records every value the progress bar shows. Its steps may
      // never paint; the full bar held after success always does.
      await page.evaluate(() => {
        const shown: string[] = []
        Object.assign(window, { progressShown: shown })
        new MutationObserver(() => {
          const bar = document.querySelector('[data-testid="catalog-index-progress"]')
          const value = bar && (bar.getAttribute('aria-valuenow') ?? 'indeterminate')
          if (value && shown.at(-1) !== value) shown.push(value)
        }).observe(document.body, { subtree: true, childList: true, attributes: true })
      })
      await page.getByRole('button', { name: 'Rebuild index' }).click()
      await expect.poll(() => state.textContent(), { timeout: 60_000 }).toBe('Index ready')
      const shown = await page.evaluate(
        () => (window as unknown as { progressShown: string[] }).progressShown
      )
      expect(shown).toContain('100')
      await expect.poll(() => page.getByTestId('catalog-index-progress').count()).toBe(0)
      await app.screenshot('catalog-reindexed')
      await expect
        .poll(() => page.getByTestId('catalog-last-run').textContent())
        .toMatch(/embedded \d+ in/)

      // A bad file: every problem listed, nothing replaced.
      const products = readFileSync(join('resources', 'products.csv'), 'utf8')
      const bad = join(app.dataDir, 'bad-products.csv')
      writeFileSync(bad, products.replace('189.99,true,TB-X200-BLK', '-5,true,TB-X200-BLK'))
      app.harness.dialogs.queueOpen(bad)
      await page.getByRole('button', { name: 'Import…' }).click()
      await page.getByRole('menuitem', { name: 'Products (CSV or JSON)…' }).click()
      await expect
        .poll(() => page.getByTestId('catalog-import-issues').textContent(), { timeout: 10_000 })
        .toContain('row 2, column price: negative value')
      await app.screenshot('catalog-import-refused')
      await page.getByRole('button', { name: 'Close' }).click()

      // A good file: the new product is browsable and the index catches up with it alone.
      const good = join(app.dataDir, 'products.json')
      const rows = products
        .trim()
        .split('\n')
        .slice(1, 3)
        .map((_, i) => ({
          id: `P10${i}`,
          name: i ? 'Glacier Ice Axe' : 'Canyon Dry Bag',
          category: i ? 'climbing' : 'accessories',
          subcategory: i ? 'axes' : 'bags',
          price: 59 + i * 70,
          in_stock: true,
          sku: `NEW-${i}`,
          description: i
            ? 'Steel ice axe for glacier travel.'
            : 'Roll-top waterproof dry bag, 20 L.',
          weight_kg: 0.4,
          rating: 4.5
        }))
      writeFileSync(good, JSON.stringify(rows))
      app.harness.dialogs.queueOpen(good)
      await page.getByRole('button', { name: 'Import…' }).click()
      await page.getByRole('menuitem', { name: 'Products (CSV or JSON)…' }).click()
      await expect
        .poll(() => page.getByTestId('catalog-imported').textContent(), { timeout: 10_000 })
        .toContain('Imported 2 products from products.json')
      await expect.poll(() => page.getByTestId('catalog-product-row').count()).toBe(2)
      await expect.poll(() => state.textContent(), { timeout: 60_000 }).toBe('Index ready')
      await page.getByLabel('Search as a caller would ask').fill('sac étanche')
      await expect
        .poll(() => page.getByTestId('catalog-product-hit').first().textContent(), {
          timeout: 10_000
        })
        .toContain('NEW-0')
      await app.screenshot('catalog-after-import')
    } finally {
      await app.close()
    }
  })
})
