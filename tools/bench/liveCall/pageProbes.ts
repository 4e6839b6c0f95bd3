import type { CDPSession, Page } from 'playwright-core'
import type { LongTask } from './benchStats'

// What the benchmark reads from the renderer: main-thread long tasks (PerformanceObserver) and
// the JS heap after a forced full GC (Chrome DevTools Protocol), plus DOM nodes and listeners,
// the usual suspects when a heap grows.

/** Starts collecting 'longtask' entries (main-thread tasks over 50 ms) in the page. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: { startTime: number; duration: number }[] = []
    ;(window as unknown as { benchLongTasks: typeof tasks }).benchLongTasks = tasks
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        tasks.push({ startTime: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask' })
  })
}

export function readLongTasks(page: Page): Promise<LongTask[]> {
  return page.evaluate(() => (window as unknown as { benchLongTasks: LongTask[] }).benchLongTasks)
}

export interface HeapReading {
  /** JS heap in use after a full GC, bytes. */
  usedBytes: number
  nodes: number
  listeners: number
}

/** A CDP session on the page, to force GCs and read the heap. */
export function openCdp(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page)
}

/** Full GC (twice: the first can leave weakly held objects for the second), then the heap. */
export async function heapAfterGc(cdp: CDPSession): Promise<HeapReading> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = await cdp.send('Runtime.getHeapUsage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? NaN
  return { usedBytes: heap.usedSize, nodes: metric('Nodes'), listeners: metric('JSEventListeners') }
}
