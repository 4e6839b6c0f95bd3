import { parseArgs } from 'node:util'
import { writeSyntheticCsv } from './writeSyntheticCsv'

// npm run generate:sessions -- --rows 100000 --out sessions-100k.csv [--seed 59]
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '59' }
  }
})
if (!values.out) throw new Error('--out FILE is required')
await writeSyntheticCsv(values.out, Number(values.rows), Number(values.seed))
console.log(`Wrote ${values.rows} sessions to ${values.out}`)
