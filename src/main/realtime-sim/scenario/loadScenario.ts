import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { z } from 'zod'
import { Scenario } from './scenarioSchema'

export class ScenarioError extends Error {
  override name = 'ScenarioError'
}

/** Reads a JSON or YAML scenario and validates it; errors name the file and each bad path. */
export function loadScenario(file: string): Scenario {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new ScenarioError(`Cannot read scenario ${file}: ${(error as Error).message}`)
  }
  return parseScenario(text, file)
}

export function parseScenario(text: string, file: string): Scenario {
  let raw: unknown
  try {
    raw = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text)
  } catch (error) {
    throw new ScenarioError(`Scenario ${file} is not valid JSON/YAML: ${(error as Error).message}`)
  }
  const parsed = Scenario.safeParse(raw)
  if (!parsed.success)
    throw new ScenarioError(`Invalid scenario ${file}:\n${describeIssues(parsed.error.issues)}`)
  return parsed.data
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => `  - ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('\n')
}
