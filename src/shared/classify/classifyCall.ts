import type { LanguageDetector } from './detectCallLanguage'
import { detectCallLanguage } from './detectCallLanguage'
import { classifyScenario } from './classifyScenario'
import type { Sentiment } from './classifySentiment'
import { classifySentiment } from './classifySentiment'
import type { Scenario } from './scenarioLexicon'

export interface CallText {
  callerTexts: readonly string[]
  reportedLanguages: readonly (string | null)[]
  toolNames: readonly string[]
}

export interface CallClassification {
  language: string
  sentiment: Sentiment
  scenario: Scenario
}

/** The post-call labels of the lab's schema, offline: detector for language, lexicons for the rest. */
export function classifyCall(call: CallText, detect: LanguageDetector): CallClassification {
  return {
    language: detectCallLanguage(call, detect),
    sentiment: classifySentiment(call.callerTexts).sentiment,
    scenario: classifyScenario(call.callerTexts, call.toolNames).scenario
  }
}
