/**
 * The layout's import rules, checked by `npm run lint:deps` (part of `npm run lint`).
 * Type-only imports count: a cycle or a forbidden import through `import type` is still one.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const TEST_FILE = '\\.test\\.tsx?$|\\.e2e\\.ts$'

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import circles: put the piece both sides need in a module of its own.',
      from: { path: '^(src|tools|test)/' },
      to: { circular: true }
    },
    {
      name: 'src-not-to-tools',
      severity: 'error',
      comment: 'What ships (src/) never imports developer tools.',
      from: { path: '^src/' },
      to: { path: '^tools/' }
    },
    {
      name: 'src-not-to-test',
      severity: 'error',
      comment: 'Code that ships never imports tests or their fixtures (tests beside it may).',
      from: { path: '^src/', pathNot: TEST_FILE },
      to: { path: '^test/' }
    },
    {
      name: 'shared-no-node-builtins',
      severity: 'error',
      comment: 'src/shared runs in main, renderer and plain Node: no Node built-ins.',
      from: { path: '^src/shared/' },
      to: { dependencyTypes: ['core'] }
    },
    {
      name: 'shared-no-electron-or-dom',
      severity: 'error',
      comment:
        'src/shared imports neither electron nor DOM-only code (React, MUI, Emotion), nor the ' +
        'CSV parsers (main and the CLI read files; shared validates rows).',
      from: { path: '^src/shared/' },
      to: {
        path: '(^|/)node_modules/(electron|react|react-dom|@mui|@emotion|@testing-library|papaparse|csv-[^/]+)/'
      }
    },
    {
      name: 'shared-not-to-processes',
      severity: 'error',
      comment: 'src/shared is what main, preload and renderer share: it imports none of them.',
      from: { path: '^src/shared/' },
      to: { path: '^src/(main|renderer|preload)/' }
    },
    {
      name: 'domain-types-not-from-routes',
      severity: 'error',
      comment:
        'Domain types live in their domain folders; only the IPC layer (src/shared/ipc, ' +
        'src/main/ipc) imports the routes.',
      from: { path: '^src/', pathNot: '^src/(shared|main)/ipc/' },
      to: { path: '^src/shared/ipc/routes/' }
    },
    {
      name: 'renderer-not-to-main',
      severity: 'error',
      comment: 'The renderer reaches main only through window.api (typed by src/shared/ipc).',
      from: { path: '^src/renderer/' },
      to: { path: '^src/main/' }
    },
    {
      name: 'electron-only-in-electron-files',
      severity: 'error',
      comment: 'Only *.electron.ts files (and the preload, the main entry) import electron.',
      from: { pathNot: ['\\.electron(\\.test)?\\.ts$', '^src/preload/', '^src/main/index\\.ts$'] },
      to: { path: '(^|/)node_modules/electron/' }
    },
    {
      name: 'features-via-index',
      severity: 'error',
      comment: "A renderer feature uses another feature only through that feature's index.ts.",
      from: { path: '^src/renderer/src/features/([^/]+)/' },
      to: {
        path: '^src/renderer/src/features/([^/]+)/.+',
        pathNot: ['^src/renderer/src/features/$1/', '^src/renderer/src/features/[^/]+/index\\.ts$']
      }
    }
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.web.json' },
    // node_modules is a symlink in worktrees: keep its paths as node_modules/… and stop there.
    preserveSymlinks: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^out/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings']
    },
    cache: false
  }
}
