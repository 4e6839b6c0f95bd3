import { parseArgs } from 'node:util'
import type { LabellingChoice } from '../../src/main/classify/labellingModel'
import { ResponsesModel } from '../../src/main/classify/StructuredModel'
import { percentile } from '../../src/shared/live-call/percentile'
import { machineLine } from '../bench/machineLine'
import { LABELLED_SETS, loadLabelledSet, scoreLabels } from './evaluateLabels'

// npm run eval:labels [-- --model gpt-4o-mini] [--misses]: sentiment and scenario accuracy of
// the offline lexicons on the hand-labelled calls, and of the labelling model when
// OPENAI_API_KEY is set (OPENAI_BASE_URL for a compatible endpoint), with its latency.
const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'gpt-4o-mini' },
    misses: { type: 'boolean' }
  }
})
const key = process.env['OPENAI_API_KEY']
const labellers: [string, LabellingChoice][] = [
  ['offline lexicons', { kind: 'lexicon', reason: 'chosen' }]
]
if (key)
  labellers.push([
    `model ${values.model}`,
    {
      kind: 'model',
      model: new ResponsesModel({
        model: values.model,
        apiKey: key,
        baseURL: process.env['OPENAI_BASE_URL']
      })
    }
  ])
else console.log('OPENAI_API_KEY is not set: the model is not evaluated.\n')

console.log(machineLine())
const pct = (right: number, of: number): string => `${Math.round((right / of) * 100)}%`.padStart(5)
for (const [name, choice] of labellers) {
  console.log(`\n${name}: sentiment, scenario (set, calls)`)
  for (const set of Object.keys(LABELLED_SETS) as (keyof typeof LABELLED_SETS)[]) {
    const calls = loadLabelledSet(set)
    const score = await scoreLabels(calls, choice)
    const ms = score.ms
    const timing =
      choice.kind === 'model'
        ? `  p50 ${percentile(ms, 0.5)?.toFixed(0)} ms, p95 ${percentile(ms, 0.95)?.toFixed(0)} ms, fell back ${score.fellBack}`
        : ''
    console.log(
      `  ${set.padEnd(8)} ${String(calls.length).padStart(3)}  ${pct(score.sentiment, calls.length)} ${pct(score.scenario, calls.length)}${timing}`
    )
    if (values.misses) for (const miss of score.misses) console.log(`      ${miss}`)
  }
}
