import { getCollectorByPackageManager, PM } from 'app-builder-lib/out/node-module-collector'
import { TmpDir } from 'builder-util'

interface CollectedModule {
  name: string
  version: string
  dir: string
  dependencies?: CollectedModule[]
}

/** A package as the app would hold it: `node_modules/a/node_modules/b` ← copied from `source`. */
export interface PackagedModule {
  name: string
  version: string
  source: string
}

/** The app's node_modules as electron-builder would lay it out, keyed by path in the app. */
export type PackagedLayout = Map<string, PackagedModule>

/**
 * app-builder-lib's own production collection, with its hoisting (which is not the disk's). Its
 * traversal collector (electron-builder's fallback when the package manager's listing does not
 * match) walks `dependencies`/`optionalDependencies` on disk; on a normal install it keeps the
 * same set as the npm collector, which misreads a symlinked node_modules (a git worktree's).
 */
export async function packagedLayout(
  projectRoot: string,
  packageName: string
): Promise<PackagedLayout> {
  const temp = new TmpDir('packaged-layout')
  try {
    const collector = getCollectorByPackageManager(PM.TRAVERSAL, projectRoot, temp)
    const { nodeModules } = await collector.getNodeModules({ packageName })
    const layout: PackagedLayout = new Map()
    const place = (modules: CollectedModule[], base: string): void => {
      for (const { name, version, dir, dependencies } of modules) {
        const at = `${base}node_modules/${name}`
        layout.set(at, { name, version, source: dir })
        place(dependencies ?? [], `${at}/`)
      }
    }
    place(nodeModules, '')
    return layout
  } finally {
    await temp.cleanup()
  }
}

/** Node's lookup inside the packaged app: <at>/node_modules/<name>, then each enclosing folder. */
export function resolvePackaged(
  layout: PackagedLayout,
  name: string,
  from: string
): string | undefined {
  for (let base = from; ;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`
    if (layout.has(candidate)) return candidate
    if (!base) return undefined
    const parent = base.lastIndexOf('/node_modules/')
    base = parent < 0 ? '' : base.slice(0, parent)
  }
}
