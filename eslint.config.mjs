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
  // Only the IPC glue touches ipcMain/ipcRenderer. The other import boundaries (electron only in
  // *.electron.ts, a pure src/shared) are dependency-cruiser's (.dependency-cruiser.cjs, lint:deps).
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [
      'src/main/ipc/register.electron.ts',
      'src/preload/index.ts',
      'src/preload/demoPeer.ts'
    ],
    rules: ban({ paths: [ipc] })
  },
  // Tests state behaviour; their local helpers need no declared return types.
  {
    files: ['test/**/*.ts', '**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/explicit-function-return-type': 'off' }
  },
  // The gateway's customer page is a plain script served as is (no build step, no types to
  // declare: its functions' return types are JavaScript's).
  {
    files: ['resources/web-call/**/*.js'],
    rules: { '@typescript-eslint/explicit-function-return-type': 'off' }
  },
  eslintConfigPrettier
)
