import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { pickVoice, type VoiceChoice } from '../../src/main/realtime-sim/audio/pickVoice'
import { loadScenario, ScenarioError } from '../../src/main/realtime-sim/scenario/loadScenario'
import { startSimulator } from '../../src/main/realtime-sim/startSimulator'
import { DEFAULT_SCENARIO_FILE } from './defaultScenario'
import { testPageRoute } from './testPage/testPageRoute'

// npm run sim -- --port 8790 [--scenario FILE] [--key KEY] [--voice auto|espeak|tone]
//   [--ground-truth FILE.jsonl] [--allow-origin http://127.0.0.1:5173]
//   [--webhook-url URL --webhook-secret whsec_…] [--tls-cert CERT.pem --tls-key KEY.pem]
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8790' },
    scenario: { type: 'string', default: DEFAULT_SCENARIO_FILE },
    key: { type: 'string', default: process.env['REALTIME_SIM_KEY'] ?? 'sk-sim-local' },
    voice: { type: 'string', default: 'auto' },
    'ground-truth': { type: 'string' },
    'allow-origin': { type: 'string' },
    'webhook-url': { type: 'string' },
    'webhook-secret': { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' }
  }
})

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port must be 0–65535, got ${values.port}`)
if (!['auto', 'espeak', 'tone'].includes(values.voice)) fail('--voice must be auto, espeak or tone')
const allowOrigin = values['allow-origin']
if (allowOrigin !== undefined && !isOrigin(allowOrigin))
  fail(`--allow-origin must be an origin such as http://127.0.0.1:5173, got ${allowOrigin}`)
const webhookUrl = values['webhook-url']
const webhookSecret =
  webhookUrl === undefined
    ? undefined
    : (values['webhook-secret'] ?? process.env['REALTIME_SIM_WEBHOOK_SECRET'])
if (webhookUrl !== undefined && webhookSecret === undefined)
  fail('--webhook-url needs --webhook-secret whsec_… (or REALTIME_SIM_WEBHOOK_SECRET)')
if (webhookUrl === undefined && values['webhook-secret'] !== undefined)
  fail('--webhook-secret needs --webhook-url')

const tlsCert = values['tls-cert']
const tlsKey = values['tls-key']
if ((tlsCert === undefined) !== (tlsKey === undefined))
  fail('--tls-cert and --tls-key go together (PEM files)')

try {
  const tls =
    tlsCert !== undefined && tlsKey !== undefined
      ? { cert: readFileSync(tlsCert), key: readFileSync(tlsKey) }
      : undefined
  const scenario = loadScenario(values.scenario)
  const { voice, note } = pickVoice(values.voice as VoiceChoice)
  const sim = await startSimulator({
    port,
    apiKey: values.key,
    scenario,
    voice,
    groundTruthFile: values['ground-truth'],
    debugRoutes: true,
    extraRoutes: [testPageRoute],
    allowOrigin,
    webhookUrl,
    webhookSecret,
    tls
  })
  console.log(`Realtime simulator (GA protocol) on ${sim.url}`)
  console.log(`  scenario: ${scenario.name} (${values.scenario})`)
  console.log(
    `  /v1/responses: ${scenario.responses.length} scripted answer(s); any other request gets 400 no_scripted_answer`
  )
  console.log(`  ${note}`)
  console.log(
    `  standard key: ${values.key === 'sk-sim-local' ? 'sk-sim-local (default)' : '(from --key)'}`
  )
  if (webhookUrl)
    console.log(`  phone calls: POST ${sim.url}/sim/sip/calls → webhooks to ${webhookUrl}`)
  console.log(
    `  try a call: ${sim.url}/sim/test-page/  ·  ground truth: ${sim.url}/sim/ground-truth (Authorization: Bearer <key>)`
  )
  if (tls) console.log(`  TLS: ${tlsCert} (WebSocket clients connect with wss://)`)
  if (allowOrigin) console.log(`  CORS: the API routes answer pages from ${allowOrigin} only`)
  const stop = (): void => void sim.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (error) {
  fail(error instanceof ScenarioError ? error.message : String(error))
}

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value
  } catch {
    return false
  }
}

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}
