// The JSON Schema subset of strict Structured Outputs: the checks the API makes on a strict
// schema before answering, and whether a scripted answer follows it. A script's answer that
// does not is a scenario error: the real model, held to the schema, could never give it.

type Schema = Record<string, unknown>

const isObject = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Where in the schema, worded as the API's `In context=(…)`. */
const contextOf = (path: readonly string[]): string =>
  `(${path.map((p) => `'${p}'`).join(', ')}${path.length === 1 ? ',' : ''})`

/**
 * Why the API refuses a strict schema (every object lists all its properties in `required`
 * and sets `additionalProperties: false`), or null when it passes.
 */
export function strictSchemaProblem(schema: Schema, path: string[] = []): string | null {
  if (schema['type'] === 'object' || isObject(schema['properties'])) {
    const properties = isObject(schema['properties']) ? Object.keys(schema['properties']) : []
    if (schema['additionalProperties'] !== false)
      return `In context=${contextOf(path)}, 'additionalProperties' is required to be supplied and to be false.`
    const required = Array.isArray(schema['required']) ? schema['required'] : null
    const missing = properties.find((key) => !required?.includes(key))
    if (required === null || missing !== undefined)
      return `In context=${contextOf(path)}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing ?? properties[0] ?? ''}'.`
  }
  for (const [key, sub] of children(schema)) {
    const problem = strictSchemaProblem(sub, [...path, ...key])
    if (problem) return problem
  }
  return null
}

/** The sub-schemas and the path to each: properties, items, anyOf, $defs. */
function children(schema: Schema): [string[], Schema][] {
  const found: [string[], Schema][] = []
  for (const group of ['properties', '$defs', 'definitions'])
    if (isObject(schema[group]))
      for (const [name, sub] of Object.entries(schema[group]))
        if (isObject(sub)) found.push([[group, name], sub])
  if (isObject(schema['items'])) found.push([['items'], schema['items']])
  if (Array.isArray(schema['anyOf']))
    schema['anyOf'].forEach((sub, i) => isObject(sub) && found.push([['anyOf', String(i)], sub]))
  return found
}

/** The first way `value` breaks `schema` (JSON-pointer path and why), or null when it follows it. */
export function schemaViolation(
  value: unknown,
  schema: Schema,
  root: Schema = schema,
  at = ''
): string | null {
  const ref = schema['$ref']
  if (typeof ref === 'string') {
    const target = resolveRef(root, ref)
    return target
      ? schemaViolation(value, target, root, at)
      : `${at || '/'}: cannot resolve $ref ${ref}`
  }
  const where = at || '/'
  if (Array.isArray(schema['anyOf'])) {
    const fits = schema['anyOf'].some(
      (sub) => isObject(sub) && schemaViolation(value, sub, root, at) === null
    )
    return fits ? null : `${where}: matches none of anyOf`
  }
  if ('const' in schema && !sameJson(value, schema['const']))
    return `${where}: must be ${JSON.stringify(schema['const'])}`
  if (Array.isArray(schema['enum']) && !schema['enum'].some((option) => sameJson(value, option)))
    return `${where}: must be one of ${schema['enum'].map((o) => JSON.stringify(o)).join(', ')}, not ${JSON.stringify(value)}`
  const types = typeof schema['type'] === 'string' ? [schema['type']] : schema['type']
  if (Array.isArray(types) && !types.some((type) => hasType(value, String(type))))
    return `${where}: must be of type ${types.join(' or ')}, not ${JSON.stringify(value)}`
  if (typeof value === 'string') return stringViolation(value, schema, where)
  if (typeof value === 'number') return numberViolation(value, schema, where)
  if (Array.isArray(value)) {
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems'])
      return `${where}: needs at least ${schema['minItems']} items`
    if (typeof schema['maxItems'] === 'number' && value.length > schema['maxItems'])
      return `${where}: allows at most ${schema['maxItems']} items`
    if (!isObject(schema['items'])) return null
    for (const [i, item] of value.entries()) {
      const problem = schemaViolation(item, schema['items'], root, `${at}/${i}`)
      if (problem) return problem
    }
    return null
  }
  if (isObject(value)) return objectViolation(value, schema, root, at)
  return null
}

function objectViolation(value: Schema, schema: Schema, root: Schema, at: string): string | null {
  const properties = isObject(schema['properties']) ? schema['properties'] : {}
  for (const key of Array.isArray(schema['required']) ? schema['required'] : [])
    if (!(String(key) in value)) return `${at || '/'}: missing required property '${String(key)}'`
  for (const [key, item] of Object.entries(value)) {
    const sub = properties[key]
    if (isObject(sub)) {
      const problem = schemaViolation(item, sub, root, `${at}/${key}`)
      if (problem) return problem
    } else if (schema['additionalProperties'] === false)
      return `${at || '/'}: property '${key}' is not in the schema`
  }
  return null
}

function stringViolation(value: string, schema: Schema, where: string): string | null {
  if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value))
    return `${where}: does not match pattern ${schema['pattern']}`
  if (typeof schema['minLength'] === 'number' && value.length < schema['minLength'])
    return `${where}: shorter than ${schema['minLength']} characters`
  if (typeof schema['maxLength'] === 'number' && value.length > schema['maxLength'])
    return `${where}: longer than ${schema['maxLength']} characters`
  return null
}

function numberViolation(value: number, schema: Schema, where: string): string | null {
  const bound = (key: string, fails: (limit: number) => boolean, words: string): string | null =>
    typeof schema[key] === 'number' && fails(schema[key])
      ? `${where}: ${words} ${schema[key]}`
      : null
  return (
    bound('minimum', (l) => value < l, 'must be >=') ??
    bound('maximum', (l) => value > l, 'must be <=') ??
    bound('exclusiveMinimum', (l) => value <= l, 'must be >') ??
    bound('exclusiveMaximum', (l) => value >= l, 'must be <') ??
    bound('multipleOf', (l) => value % l !== 0, 'must be a multiple of')
  )
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(value)
    case 'array':
      return Array.isArray(value)
    case 'integer':
      return Number.isInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'null':
      return value === null
    default:
      return typeof value === type
  }
}

/** Only local references (`#/$defs/…`, `#` for recursion), as strict mode allows. */
function resolveRef(root: Schema, ref: string): Schema | null {
  if (!ref.startsWith('#')) return null
  let at: unknown = root
  for (const part of ref.slice(1).split('/').filter(Boolean))
    at = isObject(at) ? at[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined
  return isObject(at) ? at : null
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
