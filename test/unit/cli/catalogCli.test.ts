import { describe, expect, it } from 'vitest'
import { runCatalogCli } from '../../../tools/cli/catalogCli'

const run = async (...argv: string[]) => {
  let out = ''
  let err = ''
  const code = await runCatalogCli(argv, {
    out: (t) => void (out += t),
    err: (t) => void (err += t)
  })
  return { code, out, err }
}

describe('npm run catalog -- tool', () => {
  it('prints what the model receives and the time taken', async () => {
    const { code, out, err } = await run('tool', 'get_product', '{"id_or_sku":"SP-TENT-2P"}')
    expect(code).toBe(0)
    expect(JSON.parse(out)).toMatchObject({ ok: true, result: { name: 'Summit Pro Tent' } })
    expect(err).toMatch(/^get_product: \d+\.\d\d ms\n$/)
  })

  it('passes the model-facing error through and refuses bad usage', async () => {
    expect(JSON.parse((await run('tool', 'lookup_order', '{}')).out)).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments' }
    })
    expect((await run('search')).code).toBe(64)
    expect((await run('tool', 'get_product')).code).toBe(64)
    expect((await run('tool', 'get_product', '{}', '--bogus')).code).toBe(64)
  })
})

describe('npm run catalog -- search', () => {
  it('lists products and passages with scores, as text or JSON', async () => {
    const text = await run('search', 'botas impermeables')
    expect(text.code).toBe(0)
    expect(text.out).toMatch(/^Products\n +\d+\.\d\d {2}TB-X200/)
    const json = JSON.parse((await run('search', 'return policy', '--json', '--k', '2')).out)
    expect(json.policies).toHaveLength(2)
    expect(json.policies[0].id).toMatch(/^return_policy#/)
  })
})
