/**
 * Fills `{{a.b.0.c}}` placeholders from a tool's JSON output. Returns null when the output is
 * not JSON or any placeholder is missing, so the scenario's fallback is said instead.
 */
export function fillTemplate(template: string, output: string): string | null {
  let data: unknown
  try {
    data = JSON.parse(output)
  } catch {
    return null
  }
  let missing = false
  const filled = template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, path: string) => {
    const value = path.split('.').reduce<unknown>(step, data)
    if (value === undefined || value === null || typeof value === 'object') {
      missing = true
      return ''
    }
    return String(value)
  })
  return missing ? null : filled
}

function step(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value[Number(key)]
  if (value !== null && typeof value === 'object') return (value as Record<string, unknown>)[key]
  return undefined
}
