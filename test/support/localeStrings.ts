import { join } from 'node:path'

/** The renderer's locale folders (en, es, fr), one JSON file per namespace. */
export const LOCALES_DIR = join(import.meta.dirname, '../../src/renderer/src/i18n/locales')

export type LocaleTree = { [key: string]: string | LocaleTree }

/** A namespace's strings by dotted key ("table.alertsTitle"), its nesting flattened. */
export function localeLeaves(tree: LocaleTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of localeLeaves(value, path)) out.set(k, v)
  }
  return out
}
