import type { StatementRunner } from './ConnectionQueue'
import type { Synchronous } from './Synchronous'

/**
 * The seam's asynchronous face of a synchronous node:sqlite table: each method runs through
 * `run` (at once, or after the transactions queued before it), and a generator of pages becomes
 * an async generator whose every page is read that way. Statements stay synchronous inside:
 * a read of 100k rows is still one pass, the promise only carries its result.
 */
export function asyncTable<T extends object>(table: Synchronous<T>, run: StatementRunner): T {
  const face: Record<string, unknown> = {}
  for (const name of methodNames(table)) {
    const method = (table as Record<string, unknown>)[name] as (...args: unknown[]) => unknown
    face[name] = isGeneratorFunction(method)
      ? (...args: unknown[]) => pagesOf(() => method.apply(table, args) as Iterator<unknown>, run)
      : (...args: unknown[]) => run(() => method.apply(table, args))
  }
  // The object's methods are the interface's, typed by Synchronous<T> at the call site.
  return face as T
}

async function* pagesOf<X>(
  start: () => Iterator<X>,
  run: StatementRunner
): AsyncGenerator<X, void, undefined> {
  const pages = await run(start)
  try {
    for (;;) {
      const step = await run(() => pages.next())
      if (step.done) return
      yield step.value
    }
  } finally {
    pages.return?.()
  }
}

/** A `*method()`: its pages are read one `next()` at a time. */
function isGeneratorFunction(method: unknown): boolean {
  return Object.prototype.toString.call(method) === '[object GeneratorFunction]'
}

/** The public methods along the class chain (not Object's). */
function methodNames(table: object): string[] {
  const names = new Set<string>()
  for (
    let proto = Object.getPrototypeOf(table) as object | null;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  )
    for (const name of Object.getOwnPropertyNames(proto))
      if (name !== 'constructor' && typeof (proto as Record<string, unknown>)[name] === 'function')
        names.add(name)
  return [...names]
}
