import { describe, expect, it } from 'vitest'
import { fillTemplate } from '../../../src/main/realtime-sim/scenario/fillTemplate'
import { loadScenario, parseScenario } from '../../../src/main/realtime-sim/scenario/loadScenario'
import { DEFAULT_SCENARIO_FILE } from '../../../tools/realtime-sim/defaultScenario'
import { sampleDelay, seededRandom } from '../../../src/main/realtime-sim/scenario/sampleDelay'

describe('scenario files', () => {
  it('ships a valid default scenario: an OutdoorGear inquiry with a search_products call', () => {
    const scenario = loadScenario(DEFAULT_SCENARIO_FILE)
    expect(scenario.turns[0]!.agent.tool_call).toMatchObject({
      name: 'search_products',
      arguments: { query: expect.any(String) }
    })
    expect(scenario.faults).toEqual([])
    expect(
      loadScenario('tools/realtime-sim/scenarios/long-answer-barge-in.yaml').turns
    ).toHaveLength(2)
  })

  it('reads JSON as well as YAML', () => {
    const scenario = parseScenario(
      JSON.stringify({ name: 'json', turns: [{ caller: 'Hi', agent: { say: 'Hello' } }] }),
      'x.json'
    )
    expect(scenario).toMatchObject({
      language: 'en',
      generation_speed: 1.25,
      turns: [{ agent: { delay_ms: 400 } }]
    })
  })

  it.each([
    ['turns: []', 'turns: Too small'],
    [
      'name: x\nturns: [{ caller: Hi, agent: { delay_ms: 100 } }]',
      'turns.0.agent: an agent turn needs `say`, `tool_call` or both'
    ],
    [
      'name: x\nturns: [{ caller: Hi, agent: { say: Yo, dealy_ms: 3 } }]',
      'turns.0.agent: Unrecognized key: "dealy_ms"'
    ],
    [
      'name: x\nturns: [{ caller: Hi, agent: { say: Yo, delay_ms: { distribution: uniform, min_ms: 9, max_ms: 1 } } }]',
      'turns.0.agent.delay_ms'
    ],
    [
      'name: x\nturns: [{ caller: Hi, agent: { say: Yo } }]\nfaults: [{ type: drop_it }]',
      'faults.0.type'
    ],
    ['name: [unclosed', 'not valid JSON/YAML']
  ])('refuses a bad scenario with its path (%s)', (yaml, message) => {
    expect(() => parseScenario(yaml, 'bad.yaml')).toThrow(message)
  })
})

describe('scripted delays and answers', () => {
  it('draws delays within bounds, the same for the same seed', () => {
    const spec = {
      distribution: 'normal' as const,
      mean_ms: 500,
      sd_ms: 200,
      min_ms: 300,
      max_ms: 700
    }
    const draw = (seed: number) =>
      Array.from(
        { length: 200 },
        (
          (r) => () =>
            sampleDelay(spec, r)
        )(seededRandom(seed))
      )
    const a = draw(3)
    expect(a).toEqual(draw(3))
    expect(a).not.toEqual(draw(4))
    expect(Math.min(...a)).toBeGreaterThanOrEqual(300)
    expect(Math.max(...a)).toBeLessThanOrEqual(700)
    expect(new Set(a).size).toBeGreaterThan(50)
    const uniform = Array.from(
      { length: 100 },
      (
        (r) => () =>
          sampleDelay({ distribution: 'uniform', min_ms: 10, max_ms: 20 }, r)
      )(seededRandom(1))
    )
    expect(Math.min(...uniform)).toBeGreaterThanOrEqual(10)
    expect(Math.max(...uniform)).toBeLessThanOrEqual(20)
    expect(sampleDelay(250, Math.random)).toBe(250)
  })

  it('fills placeholders from the tool output, or gives null for the fallback', () => {
    const output = JSON.stringify({
      result: { products: [{ name: 'OmniPack 45L', price_usd: 279.99 }] }
    })
    expect(
      fillTemplate('{{result.products.0.name}} at {{ result.products.0.price_usd }}', output)
    ).toBe('OmniPack 45L at 279.99')
    expect(fillTemplate('{{result.products.1.name}}', output)).toBeNull()
    expect(fillTemplate('{{result.products}}', output)).toBeNull()
    expect(fillTemplate('{{a}}', 'not json')).toBeNull()
  })
})
