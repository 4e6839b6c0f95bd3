import { defineConfig } from 'eslint/config'
import tseslint from '@electron-toolkit/eslint-config-ts'
import eslintConfigPrettier from '@electron-toolkit/eslint-config-prettier'
import eslintPluginReact from 'eslint-plugin-react'
import eslintPluginReactHooks from 'eslint-plugin-react-hooks'
import eslintPluginReactRefresh from 'eslint-plugin-react-refresh'

const ban = (spec) => ({ 'no-restricted-imports': ['error', spec] })
const ipc = { name: 'electron', importNames: ['ipcMain', 'ipcRenderer'] }

export default defineConfig(
  { ignores: ['**/node_modules', '**/out', '**/dist', 'test-results/**', '.bench/**'] },
  tseslint.configs.recommended,
  eslintPluginReact.configs.flat.recommended,
  eslintPluginReact.configs.flat['jsx-runtime'],
  { settings: { react: { version: 'detect' } } },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': eslintPluginReactHooks, 'react-refresh': eslintPluginReactRefresh },
    rules: {
      ...eslintPluginReactHooks.configs.recommended.rules,
      ...eslintPluginReactRefresh.configs.vite.rules
    }
  },
  // Import boundaries: only the IPC glue touches ipcMain/ipcRenderer, only *.electron.ts files
  // and the main entry import electron, and src/shared stays pure (no electron, node:, React).
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [
      'src/main/ipc/register.electron.ts',
      'src/preload/index.ts',
      'src/preload/demoPeer.ts'
    ],
    rules: ban({ paths: [ipc] })
  },
  {
    files: ['src/main/**/*.ts', 'src/renderer/**/*.{ts,tsx}', 'tools/**/*.ts'],
    ignores: ['src/main/index.ts', '**/*.electron.ts', '**/*.electron.test.ts'],
    rules: ban({ paths: ['electron'] })
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: ban({ patterns: ['electron', 'node:*', 'react*', 'papaparse', 'csv-*'] })
  },
  // Tests state behaviour; their local helpers need no declared return types.
  {
    files: ['test/**/*.ts', '**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/explicit-function-return-type': 'off' }
  },
  eslintConfigPrettier
)
