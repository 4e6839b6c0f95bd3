import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { overAgentCall } from '../unit/escalation/scriptedCalls'
import { batches, openConsole } from '../unit/recording/support'
import { HEADER } from '../support/tempDir'
import { browserAvailable, launchChromium } from './support/browser'
import { openApp, type AppUnderTest } from './support/harnessFixture'

const canRun = browserAvailable()
const eventually = <T>(read: () => Promise<T> | T, timeout = 10_000) =>
  expect.poll(read, { timeout, interval: 100 })

type Scheme = 'light' | 'dark'
interface Screen {
  rail: string
  id: string
  /** Waits until the screen shows its data, so the shot and the colours are of the real thing. */
  ready: (page: Page) => Promise<void>
  /** The screen's own scrolling box, when it is longer than the window: shot page by page. */
  scrolls?: string
}

/** Every screen a desk outside team mode reaches from the rail (the Wallboard is team mode's). */
const SCREENS: Screen[] = [
  {
    rail: 'Sessions',
    id: 'sessions',
    ready: async (page) => {
      await eventually(() => page.getByTestId('session-total').textContent()).toBe('15')
    }
  },
  {
    rail: 'Live call',
    id: 'live-call',
    ready: (page) => page.getByRole('button', { name: 'Call', exact: true }).waitFor()
  },
  {
    rail: 'Monitor',
    id: 'monitor',
    ready: (page) => page.getByTestId('alerts-empty').waitFor()
  },
  {
    rail: 'Reports',
    id: 'reports',
    // Ten chart cards; the pilot has no dates, so the one over time shows a sentence instead.
    ready: async (page) => {
      await page.waitForFunction(() => {
        const cards = document.querySelectorAll('section[data-testid^="chart-"]')
        const canvases = [...document.querySelectorAll('canvas[data-testid^="chart-canvas-"]')]
        return (
          cards.length === 10 &&
          canvases.length >= 9 &&
          canvases.every((c) => (c as HTMLCanvasElement).dataset['paintedSessions'] === '15')
        )
      })
    },
    scrolls: '[data-testid="reports-screen"]'
  },
  {
    rail: 'Catalog',
    id: 'catalog',
    ready: (page) => page.getByRole('heading', { level: 1 }).waitFor()
  },
  {
    rail: 'Settings',
    id: 'settings',
    ready: (page) => page.getByTestId('color-scheme').waitFor(),
    scrolls: 'main > div:last-child'
  }
]

/**
 * The page's background (body) and every large opaque panel on it (cards, tables, drawers,
 * dialogs), with their relative luminance (WCAG): a panel left white by a hard-coded colour
 * shows up as a bright area in dark.
 */
function surfaces(page: Page): Promise<{ body: number; bright: string[] }> {
  return page.evaluate(() => {
    const channel = (c: number): number => {
      const s = c / 255
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    }
    const luminance = (css: string): number | null => {
      const m = css.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/)
      if (!m || (m[4] !== undefined && Number(m[4]) < 0.9)) return null
      return 0.2126 * channel(+m[1]!) + 0.7152 * channel(+m[2]!) + 0.0722 * channel(+m[3]!)
    }
    const bright: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const box = element.getBoundingClientRect()
      if (box.width < 200 || box.height < 60) continue
      const style = getComputedStyle(element)
      if (style.visibility === 'hidden' || style.display === 'none') continue
      const l = luminance(style.backgroundColor)
      if (l !== null && l > 0.4)
        bright.push(`${element.tagName.toLowerCase()}.${element.className} (${l.toFixed(2)})`)
    }
    return { body: luminance(getComputedStyle(document.body).backgroundColor) ?? 1, bright }
  })
}

async function showEveryScreen(app: AppUnderTest, scheme: Scheme): Promise<void> {
  const { page } = app
  for (const screen of SCREENS) {
    await page.getByRole('navigation').getByRole('button', { name: screen.rail }).click()
    await screen.ready(page)
    const seen = await surfaces(page)
    if (scheme === 'dark') {
      expect(seen.body, `${screen.id}: page background`).toBeLessThan(0.05)
      expect(seen.bright, `${screen.id}: bright panels in dark`).toEqual([])
    } else {
      expect(seen.body, `${screen.id}: page background`).toBeGreaterThan(0.8)
    }
    await app.screenshot(`${scheme}-${screen.id}-1024`)
    if (screen.scrolls) await shootScrolled(app, `${scheme}-${screen.id}-1024`, screen.scrolls)
  }
}

/** The rest of a screen that scrolls in its own box: one shot per window height, at most 5. */
async function shootScrolled(app: AppUnderTest, name: string, box: string): Promise<void> {
  for (let part = 2; part <= 6; part++) {
    const moved = await app.page.evaluate((selector) => {
      const element = document.querySelector(selector)
      if (!element) return false
      const before = element.scrollTop
      element.scrollTop += element.clientHeight - 40
      return element.scrollTop > before
    }, box)
    if (!moved) break
    await app.screenshot(`${name}-${part}`)
  }
}

describe.runIf(canRun)('Dark mode (browser harness + Chromium)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('turns dark the moment the system does, on every screen, and light again after', async () => {
    const app = await openApp(browser)
    try {
      const { page } = app
      await page.setViewportSize({ width: 1024, height: 700 })
      await page.emulateMedia({ colorScheme: 'light' })
      await SCREENS[0]!.ready(page)
      expect((await surfaces(page)).body).toBeGreaterThan(0.8)
      // The system switches while the console is open: no reload, no setting touched.
      await page.emulateMedia({ colorScheme: 'dark' })
      await eventually(async () => (await surfaces(page)).body).toBeLessThan(0.05)
      await showEveryScreen(app, 'dark')
      await page.emulateMedia({ colorScheme: 'light' })
      await showEveryScreen(app, 'light')
    } finally {
      await app.close()
    }
  })

  it("keeps the scheme chosen in Settings whatever the system's, after a reload too", async () => {
    const app = await openApp(browser)
    try {
      const { page } = app
      await page.emulateMedia({ colorScheme: 'dark' })
      await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()
      await page.getByRole('radio', { name: 'Light' }).check()
      await eventually(async () => (await surfaces(page)).body).toBeGreaterThan(0.8)
      await page.reload()
      await SCREENS[0]!.ready(page)
      expect((await surfaces(page)).body).toBeGreaterThan(0.8)
      await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click()
      await page.getByRole('radio', { name: 'System' }).check()
      await eventually(async () => (await surfaces(page)).body).toBeLessThan(0.05)
    } finally {
      await app.close()
    }
  })

  it('shows the dialogs and drawers in both schemes, with the safe choice as their default', async () => {
    const app = await openApp(browser)
    try {
      const { page } = app
      await page.setViewportSize({ width: 1024, height: 700 })
      const conflicts = join(app.dataDir, 'again.csv')
      writeFileSync(
        conflicts,
        `${HEADER}\nS01,faq,1,1,2,0,1,neutral,m2,true,en\nNEW,faq,1,1,2,0,1,neutral,m2,true,en\n`
      )
      const focused = (): Promise<string | null> =>
        page.evaluate(() => document.activeElement?.textContent ?? null)
      const rail = (name: string) => page.getByRole('navigation').getByRole('button', { name })
      for (const scheme of ['dark', 'light'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        await rail('Sessions').click()
        await SCREENS[0]!.ready(page)

        // Ids already stored: Skip existing is highlighted and focused, Replace is not.
        app.harness.dialogs.queueOpen(conflicts)
        await page.getByRole('button', { name: 'Import CSV' }).click()
        const dialog = page.getByRole('dialog')
        await dialog.getByTestId('import-issues').waitFor()
        await eventually(focused).toBe('Skip existing')
        await app.screenshot(`${scheme}-import-conflicts-1024`)
        // Save as text: the same report, as a file named after the CSV.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          dialog.getByRole('button', { name: 'Save as text' }).click()
        ])
        expect(download.suggestedFilename()).toBe('again-problems.txt')
        const saved = readFileSync(await download.path(), 'utf8')
        expect(saved).toContain(
          'row 2, column session_id: session_id "S01" is already in the database'
        )
        await dialog.getByRole('button', { name: 'Cancel' }).click()
        await eventually(() => dialog.count()).toBe(0)

        await page.getByTestId('session-row').nth(2).click()
        await page.getByTestId('session-detail').waitFor()
        await app.screenshot(`${scheme}-session-detail-1024`)
        await page.getByRole('button', { name: 'Close session detail' }).click()

        await rail('Monitor').click()
        await page.getByRole('tab', { name: 'Rules' }).click()
        await eventually(() =>
          page.getByTestId('precision-interruptions_total').textContent()
        ).toBe('1.00')
        await app.screenshot(`${scheme}-monitor-rules-1024`)
        // An unsaved edit: leaving asks, and Keep editing is the focused default.
        await page.getByRole('spinbutton', { name: 'In the call ≥' }).fill('2')
        await rail('Reports').click()
        await page.getByRole('dialog', { name: 'Leave without saving?' }).waitFor()
        await eventually(focused).toBe('Keep editing')
        await app.screenshot(`${scheme}-leave-dialog-1024`)
        await page.keyboard.press('Enter')
        await eventually(() => page.getByRole('dialog').count()).toBe(0)
        expect(await page.getByRole('spinbutton', { name: 'In the call ≥' }).inputValue()).toBe('2')
        await rail('Reports').click()
        await page.getByRole('button', { name: 'Discard changes' }).click()
        await page.getByTestId('reports-screen').waitFor()
      }
    } finally {
      await app.close()
    }
  })

  it('prints the report in light while the screen is dark, and is dark again after', async () => {
    const app = await openApp(browser)
    try {
      const { page } = app
      await page.emulateMedia({ colorScheme: 'dark' })
      await page.getByRole('navigation').getByRole('button', { name: 'Reports' }).click()
      await SCREENS.find((s) => s.id === 'reports')!.ready(page)
      // The harness cannot print from main: the page's print runs; it notes the page it saw.
      await page.evaluate(() => {
        const w = window as unknown as { printedOn?: string }
        window.print = () => void (w.printedOn = getComputedStyle(document.body).backgroundColor)
      })
      await page.getByRole('button', { name: 'Save as PDF' }).click()
      await eventually(() =>
        page.evaluate(() => (window as unknown as { printedOn?: string }).printedOn)
      ).toBe('rgb(244, 246, 248)')
      await eventually(async () => (await surfaces(page)).body).toBeLessThan(0.05)
    } finally {
      await app.close()
    }
  })

  it("draws a recorded call's timeline and the alert charts in the theme's colours", async () => {
    let sessionId = ''
    const app = await openApp(browser, async (dataDir) => {
      sessionId = await seedEscalatedCall(dataDir)
    })
    try {
      const { page } = app
      await page.setViewportSize({ width: 1024, height: 700 })
      const rail = (name: string) => page.getByRole('navigation').getByRole('button', { name })
      for (const scheme of ['dark', 'light'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        await rail('Reports').click()
        await page.getByTestId('chart-canvas-alerts-per-day').scrollIntoViewIfNeeded()
        await app.screenshot(`${scheme}-reports-alerts-1024`)

        await rail('Sessions').click()
        await page.getByRole('searchbox', { name: 'Search' }).fill(sessionId)
        await eventually(() => page.getByTestId('session-total').textContent()).toBe('1')
        await page.getByTestId('session-row').first().click()
        const detail = page.getByTestId('session-detail')
        await detail.getByTestId('timeline-alert').first().waitFor()
        // Every bar, line and word of the timeline stands out from the drawer it is drawn on.
        const contrasts = await detail.getByTestId('turn-timeline').evaluate((svg) => {
          const rgb = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).map(Number)
          const lum = ([r, g, b]: number[]): number => {
            const c = (v: number): number =>
              v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4
            return 0.2126 * c(r!) + 0.7152 * c(g!) + 0.0722 * c(b!)
          }
          let surface: Element | null = svg
          while (surface && getComputedStyle(surface).backgroundColor === 'rgba(0, 0, 0, 0)')
            surface = surface.parentElement
          const back = lum(rgb(getComputedStyle(surface!).backgroundColor))
          const ratio = (css: string): number => {
            const l = lum(rgb(css))
            return (Math.max(l, back) + 0.05) / (Math.min(l, back) + 0.05)
          }
          return [...svg.querySelectorAll('rect, path, text')].map((el) => {
            const style = getComputedStyle(el)
            return {
              tag: el.tagName,
              paint: style.fill,
              ratio: Number(ratio(style.fill).toFixed(2))
            }
          })
        })
        const faint = contrasts.filter((c) => c.ratio < 2)
        expect(contrasts.length).toBeGreaterThan(3)
        expect(faint, `${scheme}: timeline marks too close to the drawer's colour`).toEqual([])
        await detail.getByTestId('turn-timeline').scrollIntoViewIfNeeded()
        await app.screenshot(`${scheme}-session-detail-recorded-1024`)
        await page.getByRole('button', { name: 'Close session detail' }).click()
        await page.getByRole('searchbox', { name: 'Search' }).fill('')
      }
    } finally {
      await app.close()
    }
  })
})

/** One live call recorded through the real services: interrupted, a human asked for, escalated. */
async function seedEscalatedCall(dataDir: string): Promise<string> {
  const startedAt = Date.UTC(2026, 10, 25, 10)
  let clock = startedAt
  const { services, call } = await openConsole(dataDir, () => clock)
  try {
    const begun = (await call('recording.begin', {
      provider: 'custom',
      model: 'gpt-realtime',
      startedAt
    })) as { ok: true; data: { sessionId: string } }
    const { sessionId } = begun.data
    const inputs = overAgentCall([
      { text: 'No, that is not what I asked.' },
      { text: 'Stop, I want to talk to a real person.' },
      { text: 'You are not listening at all.' }
    ])
    for (const batch of batches(inputs, 7)) {
      clock = startedAt + (batch[batch.length - 1]?.t ?? 0)
      await call('recording.append', { sessionId, events: batch })
    }
    await call('recording.finish', { sessionId, endedAt: startedAt + inputs.at(-1)!.t })
    return sessionId
  } finally {
    services.close()
  }
}
