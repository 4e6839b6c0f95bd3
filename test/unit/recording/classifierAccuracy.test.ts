import { beforeAll, describe, expect, it } from 'vitest'
import { classifyCall } from '../../../src/shared/classify/classifyCall'
import type { LanguageDetector } from '../../../src/shared/classify/detectCallLanguage'
import { loadEldDetector } from '../../../src/main/recording/eldLanguageDetector'
import { loadLabelledSet, type LabelledCall } from '../../../tools/eval/evaluateLabels'

type Label = 'language' | 'sentiment' | 'scenario'

// Three labelled sets of caller transcripts (en, es, fr; every scenario and sentiment), all
// written by hand for this test:
// - dev (42 calls): written first; the lexicons were written with it in view.
// - dev2 (24 calls): written as a holdout, measured once (language 100 %, sentiment 71 %,
//   scenario 75 %), then used for one round of lexicon fixes: now optimistic too.
// - holdout (18 calls): written after that round, never tuned on: the honest estimate.
// - dev3 (42 calls): written later for negation, intensifiers, requests for a person and
//   sentiment that turns during the call; measured before the lexicon revision it guided
//   (sentiment 50 %, scenario 71 %), tuned on since.
const DEV = loadLabelledSet('dev')
const DEV2 = loadLabelledSet('dev2')
const HOLDOUT = loadLabelledSet('holdout')
const DEV3 = loadLabelledSet('dev3')

function accuracy(calls: LabelledCall[], detect: LanguageDetector): Record<Label, number> {
  const right: Record<Label, number> = { language: 0, sentiment: 0, scenario: 0 }
  for (const call of calls) {
    const got = classifyCall(
      { callerTexts: call.caller, reportedLanguages: [], toolNames: call.tools },
      detect
    )
    for (const label of ['language', 'sentiment', 'scenario'] as const)
      if (got[label] === call[label]) right[label]++
  }
  const share = (n: number): number => n / calls.length
  return {
    language: share(right.language),
    sentiment: share(right.sentiment),
    scenario: share(right.scenario)
  }
}

describe('post-call classification accuracy on labelled transcripts', () => {
  let detect: LanguageDetector
  beforeAll(async () => {
    detect = await loadEldDetector()
  })

  it('covers the three languages, five scenarios and three sentiments', () => {
    const all = [...DEV, ...DEV2, ...HOLDOUT]
    expect(all.length).toBe(84)
    for (const set of [DEV, DEV2, HOLDOUT])
      expect(new Set(set.map((c) => c.language))).toEqual(new Set(['en', 'es', 'fr']))
    expect(new Set(all.map((c) => c.sentiment)).size).toBe(3)
    expect(new Set(all.map((c) => c.scenario)).size).toBe(5)
  })

  it('dev sets (108 calls): language and sentiment ≥ 95 %, scenario ≥ 90 %', () => {
    const got = accuracy([...DEV, ...DEV2, ...DEV3], detect)
    expect(got.language).toBeGreaterThanOrEqual(0.95)
    expect(got.sentiment).toBeGreaterThanOrEqual(0.95)
    expect(got.scenario).toBeGreaterThanOrEqual(0.9)
  })

  // Measured: language 18/18, sentiment 13/18, scenario 14/18 (10/18 and 11/18 before the dev3
  // revision). Lexicons miss idioms they were not written for; the thresholds guard against
  // regressions, not a quality bar.
  it('untuned holdout (18 calls): language ≥ 95 %, sentiment ≥ 70 %, scenario ≥ 75 %', () => {
    const got = accuracy(HOLDOUT, detect)
    expect(got.language).toBeGreaterThanOrEqual(0.95)
    expect(got.sentiment).toBeGreaterThanOrEqual(0.7)
    expect(got.scenario).toBeGreaterThanOrEqual(0.75)
  })

  it('tells the language of single short utterances (≥ 95 % of 276)', () => {
    const utterances = [...DEV, ...DEV2, ...HOLDOUT].flatMap((c) =>
      c.caller.map((text) => ({ text, language: c.language }))
    )
    const right = utterances.filter((u) => detect(u.text).language === u.language).length
    expect(utterances.length).toBe(276)
    expect(right / utterances.length).toBeGreaterThanOrEqual(0.95)
  })
})
