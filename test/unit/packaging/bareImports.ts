import { readdirSync, readFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { join } from 'node:path'
import { parseAst } from 'vite'

/**
 * The packages a built bundle loads at run time: every bare `import`, `export … from`,
 * literal `import()` and `require()` in its .js/.cjs/.mjs files, minus Node's built-ins and
 * electron (the runtime provides both). Parsed, so code inside strings (the SQLite worker's
 * source) does not count.
 */
export function bareImports(dirs: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>()
  for (const dir of dirs) {
    for (const file of bundleFiles(dir)) {
      for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
        if (isBuiltin(specifier) || specifier.startsWith('.') || specifier.startsWith('/')) continue
        const name = packageName(specifier)
        if (name === 'electron') continue
        found.set(name, [...(found.get(name) ?? []), file])
      }
    }
  }
  return found
}

/** `@scope/pkg/sub` → `@scope/pkg`, `pkg/sub` → `pkg`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/')
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/')
}

function bundleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(c|m)?js$/.test(file))
    .map((file) => join(dir, file))
}

type AstNode = { type?: string; [key: string]: unknown }

function specifiers(code: string): string[] {
  const out: string[] = []
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit)
    if (!value || typeof value !== 'object') return
    const node = value as AstNode
    const literal = (candidate: unknown): void => {
      const lit = candidate as AstNode | undefined
      if (lit?.type === 'Literal' && typeof lit['value'] === 'string') out.push(lit['value'])
    }
    if (
      /^(ImportDeclaration|ExportAllDeclaration|ExportNamedDeclaration|ImportExpression)$/.test(
        node.type ?? ''
      )
    )
      literal(node['source'])
    if (node.type === 'CallExpression') {
      const callee = node['callee'] as AstNode
      if (callee.type === 'Identifier' && callee['name'] === 'require') {
        literal((node['arguments'] as unknown[])[0])
      }
    }
    for (const key of Object.keys(node)) if (key !== 'type') visit(node[key])
  }
  visit(parseAst(code))
  return out
}
