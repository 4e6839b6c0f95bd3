import { describe, expect, it } from 'vitest'
import { runCatalogCli } from '../../../tools/cli/catalogCli'

const run = (...argv: string[]) => {
  let out = ''
  let err = ''
  const code = runCatalogCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) })
  return { code, out, err }
}

describe('npm run catalog -- tool', () => {
  it('prints what the model receives and the time taken', () => {
    const { code, out, err } = run('tool', 'get_product', '{"id_or_sku":"SP-TENT-2P"}')
    expect(code).toBe(0)
    expect(JSON.parse(out)).toMatchObject({ ok: true, result: { name: 'Summit Pro Tent' } })
    expect(err).toMatch(/^get_product: \d+\.\d\d ms\n$/)
  })

  it('passes the model-facing error through and refuses bad usage', () => {
    expect(JSON.parse(run('tool', 'lookup_order', '{}').out)).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments' }
    })
    expect(run('search', 'tent').code).toBe(64)
    expect(run('tool', 'get_product').code).toBe(64)
  })
})
