import { describe, expect, it } from 'vitest'
import {
  schemaViolation,
  strictSchemaProblem
} from '../../../src/main/realtime-sim/responses/strictJsonSchema'
import {
  CALL_LABELS_FORMAT,
  UTTERANCE_SENTIMENT_FORMAT
} from '../../../src/shared/classify/modelLabels'

// The strict Structured Outputs subset the simulator holds scripted answers to.

const ORDER = {
  type: 'object',
  properties: {
    id: { type: 'string', pattern: '^OG-\\d+$' },
    items: {
      type: 'array',
      items: { $ref: '#/$defs/item' },
      minItems: 1
    },
    note: { anyOf: [{ type: 'string', maxLength: 10 }, { type: 'null' }] }
  },
  required: ['id', 'items', 'note'],
  additionalProperties: false,
  $defs: {
    item: {
      type: 'object',
      properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: 1 } },
      required: ['sku', 'qty'],
      additionalProperties: false
    }
  }
}

describe('strict JSON schema checks', () => {
  it("accepts the console's own formats, and an answer that follows them", () => {
    expect(strictSchemaProblem(CALL_LABELS_FORMAT.schema)).toBeNull()
    expect(strictSchemaProblem(UTTERANCE_SENTIMENT_FORMAT.schema)).toBeNull()
    expect(strictSchemaProblem(ORDER)).toBeNull()
    expect(
      schemaViolation({ negative: true, cue: 'so slow' }, UTTERANCE_SENTIMENT_FORMAT.schema)
    ).toBeNull()
    expect(
      schemaViolation({ id: 'OG-1', items: [{ sku: 'a', qty: 2 }], note: null }, ORDER)
    ).toBeNull()
  })

  it('finds the first way an answer breaks the schema, with its path', () => {
    const order = (patch: Record<string, unknown>) => ({
      id: 'OG-1',
      items: [{ sku: 'a', qty: 2 }],
      note: 'ok',
      ...patch
    })
    expect(schemaViolation(order({ id: 'X-1' }), ORDER)).toBe(
      '/id: does not match pattern ^OG-\\d+$'
    )
    expect(schemaViolation(order({ items: [{ sku: 'a', qty: 1.5 }] }), ORDER)).toBe(
      '/items/0/qty: must be of type integer, not 1.5'
    )
    expect(schemaViolation(order({ items: [{ sku: 'a', qty: 0 }] }), ORDER)).toBe(
      '/items/0/qty: must be >= 1'
    )
    expect(schemaViolation(order({ items: [] }), ORDER)).toBe('/items: needs at least 1 items')
    expect(schemaViolation(order({ note: 'far too long' }), ORDER)).toBe(
      '/note: matches none of anyOf'
    )
    expect(schemaViolation(order({ extra: 1 }), ORDER)).toBe(
      "/: property 'extra' is not in the schema"
    )
    expect(schemaViolation({ negative: true }, UTTERANCE_SENTIMENT_FORMAT.schema)).toBe(
      "/: missing required property 'cue'"
    )
    expect(schemaViolation('negative', CALL_LABELS_FORMAT.schema)).toBe(
      '/: must be of type object, not "negative"'
    )
  })

  it('says why a strict schema is refused, in the API words, at the right depth', () => {
    const item = ORDER.$defs.item
    expect(strictSchemaProblem({ ...ORDER, $defs: { item: { ...item, required: ['sku'] } } })).toBe(
      "In context=('$defs', 'item'), 'required' is required to be supplied and to be an array including every key in properties. Missing 'qty'."
    )
    expect(strictSchemaProblem({ ...ORDER, additionalProperties: true })).toBe(
      "In context=(), 'additionalProperties' is required to be supplied and to be false."
    )
  })
})
