import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { resolvePackaged, type PackagedLayout } from './packagedLayout'

interface Manifest {
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
}

/**
 * What the packaged app would fail to load: from the bundle's bare imports, every package
 * reached through `dependencies` and required `peerDependencies` must resolve inside the
 * packaged layout. A peer is where it bites: npm installs it, electron-builder's collector
 * never follows it. (Presence only: versions are the lockfile's business.)
 */
export function runtimeGaps(
  projectRoot: string,
  imports: Map<string, string[]>,
  layout: PackagedLayout
): string[] {
  const gaps: string[] = []
  const seen = new Set<string>()
  const queue: string[] = []
  const need = (name: string, from: string, source: string, who: string, how: string): void => {
    const at = resolvePackaged(layout, name, from)
    if (!at) {
      const why = installedFrom(name, source)
        ? 'electron-builder would not package'
        : 'is not installed'
      gaps.push(`${who} needs ${name} (${how}), which ${why}`)
    } else if (!seen.has(at)) {
      seen.add(at)
      queue.push(at)
    }
  }
  for (const [name, files] of imports) {
    need(name, '', projectRoot, `the app (${basename(files[0]!)})`, 'imported')
  }
  for (let at = queue.shift(); at; at = queue.shift()) {
    const { name, version, source } = layout.get(at)!
    const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as Manifest
    const who = `${name}@${version}`
    for (const dep of Object.keys(manifest.dependencies ?? {})) {
      if (manifest.optionalDependencies?.[dep] && !installedFrom(dep, source)) continue
      need(dep, at, source, who, 'dependency')
    }
    for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
      if (manifest.peerDependenciesMeta?.[peer]?.optional) continue
      need(peer, at, source, who, 'peer dependency')
    }
  }
  return gaps
}

/** Whether npm installed it where the package on disk would find it. */
function installedFrom(name: string, fromDir: string): boolean {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return true
    if (dirname(dir) === dir) return false
  }
}
