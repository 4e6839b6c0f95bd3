import type { z } from 'zod'

type Issue = z.core.$ZodIssue

/** What the API says about one bad value: its error code and message (never zod's words). */
export interface IssueWording {
  code: string
  message: string
  /** The path the wording is about, when it lies under the issue's own (a union's branch). */
  path: PropertyKey[]
}

/**
 * Words a zod issue as the API words its 400s and `error` events: "Invalid value: 'x'.
 * Supported values are: 'a', 'b'.", "Invalid type for 'p': expected an integer, but got a string
 * instead.", "Invalid 'p': integer above maximum value. Expected a value <= 4096, but got 5000
 * instead." `param` names the full dotted path (e.g. `session.tools[0].name`).
 */
export function wordIssue(
  issue: Issue,
  input: unknown,
  param: (path: PropertyKey[]) => string
): IssueWording {
  const path = issue.path
  const value = valueAt(input, path)
  switch (issue.code) {
    case 'invalid_value':
      return invalidValue(value, issue.values, path)
    case 'invalid_type':
      return {
        code: 'invalid_type',
        message: `Invalid type for '${param(path)}': expected ${typeName(issue.expected)}, but got ${kindOf(value)} instead.`,
        path
      }
    case 'too_big':
    case 'too_small':
      return bound(issue, value, param(path), path)
    case 'invalid_union': {
      // A discriminated union whose `type` matched no option.
      if ('options' in issue && issue.discriminator !== undefined)
        return invalidValue(value, issue.options ?? [], path)
      const branch = closestBranch(issue.errors, value)
      const first = branch?.[0]
      if (!first) return invalidValue(value, [], path)
      const nested = { ...first, path: [...path, ...first.path] } as Issue
      return wordIssue(nested, input, param)
    }
    default:
      return { code: 'invalid_value', message: `Invalid value for '${param(path)}'.`, path }
  }
}

function invalidValue(
  value: unknown,
  values: readonly unknown[],
  path: PropertyKey[]
): IssueWording {
  const supported = values.map(quote).join(', ')
  return {
    code: 'invalid_value',
    message: `Invalid value: ${quote(value)}.${supported ? ` Supported values are: ${supported}.` : ''}`,
    path
  }
}

/** The branch the value was meant for: the first whose complaint is not about its very type. */
function closestBranch(branches: Issue[][], value: unknown): Issue[] | undefined {
  const typeMismatch = (issues: Issue[]): boolean =>
    issues.some(
      (i) =>
        i.path.length === 0 &&
        i.code === 'invalid_type' &&
        !(i.expected === 'int' && typeof value === 'number')
    )
  return branches.find((b) => !typeMismatch(b) && b.length > 0) ?? branches.find((b) => b.length)
}

function bound(
  issue: Extract<Issue, { code: 'too_big' | 'too_small' }>,
  value: unknown,
  name: string,
  path: PropertyKey[]
): IssueWording {
  const above = issue.code === 'too_big'
  const limit = Number(above ? issue.maximum : issue.minimum)
  if (issue.origin === 'string' || issue.origin === 'array') {
    const noun = issue.origin
    const length = Array.isArray(value) || typeof value === 'string' ? value.length : 0
    const got = length === 0 ? `an empty ${noun}` : `${article(noun)} with length ${length}`
    if (!above && length === 0)
      return {
        code: `empty_${noun}`,
        message: `Invalid '${name}': empty ${noun}. Expected ${article(noun)} with minimum length ${limit}, but got ${got} instead.`,
        path
      }
    const [word, kind] = above ? ['too long', 'maximum'] : ['too short', 'minimum']
    return {
      code: `${noun}_${above ? 'above_max' : 'below_min'}_length`,
      message: `Invalid '${name}': ${noun} ${word}. Expected ${article(noun)} with ${kind} length ${limit}, but got ${got} instead.`,
      path
    }
  }
  const numberKind = Number.isInteger(value) && Number.isInteger(limit) ? 'integer' : 'decimal'
  const [relation, sign] = above ? ['above maximum', '<='] : ['below minimum', '>=']
  const strict = issue.inclusive === false ? sign[0]! : sign
  return {
    code: `${numberKind}_${above ? 'above_max' : 'below_min'}_value`,
    message: `Invalid '${name}': ${numberKind} ${relation} value. Expected a value ${strict} ${limit}, but got ${String(value)} instead.`,
    path
  }
}

const article = (noun: string): string => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`)

function typeName(expected: string): string {
  switch (expected) {
    case 'int':
      return 'an integer'
    case 'number':
      return 'a decimal'
    case 'string':
    case 'boolean':
    case 'object':
    case 'array':
      return article(expected)
    default:
      return expected
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal'
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'object')
    return article(typeof value)
  return typeof value
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value))
}

export function valueAt(value: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (at, key) =>
      at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined,
    value
  )
}
