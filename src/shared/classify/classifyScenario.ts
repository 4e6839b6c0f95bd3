import { compileLexicon, findPhrases, type CompiledLexicon } from '../language/phraseMatch'
import type { Scenario } from './scenarioLexicon'
import { SCENARIO_PHRASES, SCENARIO_PRIORITY, SCENARIOS, TOOL_SIGNALS } from './scenarioLexicon'

const compiled = Object.fromEntries(
  SCENARIOS.map((s) => [s, compileLexicon(SCENARIO_PHRASES[s])])
) as Record<Scenario, CompiledLexicon>

export interface ScenarioResult {
  scenario: Scenario
  scores: Record<Scenario, number>
}

/**
 * Why the caller called: phrase scores over the caller's words plus the tools the agent ran
 * (each tool name counted once per call). The highest score wins; ties and silence go by
 * SCENARIO_PRIORITY.
 */
export function classifyScenario(
  callerTexts: readonly string[],
  toolNames: readonly string[]
): ScenarioResult {
  const scores = Object.fromEntries(SCENARIOS.map((s) => [s, 0])) as Record<Scenario, number>
  // Negation is not read here: "I don't want a refund" is still about a refund.
  for (const scenario of SCENARIOS)
    for (const text of callerTexts)
      for (const hit of findPhrases(text, compiled[scenario])) scores[scenario] += hit.weight
  for (const name of new Set(toolNames))
    for (const [scenario, weight] of Object.entries(TOOL_SIGNALS[name] ?? {}))
      scores[scenario as Scenario] += weight
  let best: Scenario = SCENARIO_PRIORITY[SCENARIO_PRIORITY.length - 1]!
  let bestScore = 0
  for (const scenario of SCENARIO_PRIORITY)
    if (scores[scenario] > bestScore) {
      best = scenario
      bestScore = scores[scenario]
    }
  return { scenario: best, scores }
}
