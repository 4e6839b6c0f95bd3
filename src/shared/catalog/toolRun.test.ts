import { describe, expect, it } from 'vitest'
import { failedToolRun, toolRunOf } from './toolRun'

const asked = { callId: 'c1', name: 'search_products', arguments: '{"query":"tente"}' }

describe('toolRunOf', () => {
  it('gives the model facts and citations only, and records size, hits and time', () => {
    const run = toolRunOf(
      asked,
      {
        ok: true,
        result: { products: [{ sku: 'A' }, { sku: 'B' }] },
        citations: ['products.csv#A']
      },
      3.5
    )
    expect(JSON.parse(run.output)).toEqual({
      ok: true,
      result: { products: [{ sku: 'A' }, { sku: 'B' }] },
      citations: ['products.csv#A']
    })
    expect(run.observation).toEqual({
      type: 'tool.result',
      call_id: 'c1',
      name: 'search_products',
      ok: true,
      ms: 3.5,
      result_bytes: run.output.length,
      result_count: 2,
      error: null,
      arguments: '{"query":"tente"}'
    })
  })

  it('passes a refusal on, and counts bytes as UTF-8', () => {
    const run = failedToolRun(asked, 'catalogue indisponible — réessayez', 12)
    expect(JSON.parse(run.output)).toEqual({
      ok: false,
      error: { code: 'failed', message: 'catalogue indisponible — réessayez' }
    })
    expect(run.observation).toMatchObject({ ok: false, result_count: null, ms: 12 })
    expect(run.observation.result_bytes).toBe(new TextEncoder().encode(run.output).length)
    expect(run.observation.result_bytes).toBeGreaterThan(run.output.length)
  })
})
