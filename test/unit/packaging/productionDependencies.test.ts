import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { resolveConfig } from 'electron-vite'
import { build, mergeConfig } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTempDir } from '../../support/tempDir'
import { bareImports } from './bareImports'
import { packagedLayout } from './packagedLayout'
import { runtimeGaps } from './runtimeGaps'

// electron-builder 26 packages only the production dependencies it collects: a package the
// built main process loads that the collection leaves out is a MODULE_NOT_FOUND at launch
// (a packaged app crashed so on @energetic-ai/core, a peer of the embeddings packages).
describe('the packaged app’s runtime dependencies', () => {
  const root = resolve('.')
  const { name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string }
  let out: string

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'voice-console-out-'))
    // electron-vite's resolveConfig sets NODE_ENV for the whole process; give it back.
    const nodeEnv = process.env['NODE_ENV']
    try {
      const { config } = await resolveConfig({ root, logLevel: 'warn' }, 'build', 'production')
      for (const target of ['main', 'preload'] as const) {
        const outDir = join(out, target)
        const viteConfig = config?.[target]
        if (!viteConfig) throw new Error(`electron.vite.config.ts has no ${target} build`)
        await build(mergeConfig(viteConfig, { build: { outDir, emptyOutDir: true } }))
      }
    } finally {
      if (nodeEnv === undefined) delete process.env['NODE_ENV']
      else process.env['NODE_ENV'] = nodeEnv
    }
  }, 120_000)
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('are all in what electron-builder collects', async () => {
    const imports = bareImports([join(out, 'main'), join(out, 'preload')])
    expect([...imports.keys()]).toContain('@energetic-ai/embeddings')
    expect(runtimeGaps(root, imports, await packagedLayout(root, name))).toEqual([])
  }, 60_000)
})

describe('runtimeGaps', () => {
  const temp = useTempDir()
  const pkg = (dir: string, manifest: object): void => {
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest))
  }

  it('finds a peer the collection leaves out, and a package that is not installed', async () => {
    const app = temp.path()
    pkg(app, { name: 'app', version: '1.0.0', dependencies: { embed: '1.0.0' } })
    const modules = join(app, 'node_modules')
    pkg(join(modules, 'embed'), {
      name: 'embed',
      version: '1.0.0',
      peerDependencies: { core: '1' }
    })
    pkg(join(modules, 'core'), { name: 'core', version: '1.0.0' })
    const bundle = join(app, 'out')
    mkdirSync(bundle)
    writeFileSync(
      join(bundle, 'index.js'),
      'import e from "embed"\nimport fs from "node:fs"\nconst g = require("gone")\n' +
        'const worker = `require("ignored")`\nimport("electron")\n'
    )

    const imports = bareImports([bundle])
    expect([...imports.keys()]).toEqual(['embed', 'gone'])
    const gaps = runtimeGaps(app, imports, await packagedLayout(app, 'app'))
    expect(gaps).toEqual([
      'the app (index.js) needs gone (imported), which is not installed',
      'embed@1.0.0 needs core (peer dependency), which electron-builder would not package'
    ])
  })
})
