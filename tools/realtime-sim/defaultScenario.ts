import { resolve } from 'node:path'
import { demoScenarioFile } from '../../src/main/realtime/demoAgent/demoScenarioFile'

/** `npm run sim`'s default script: the one the app's Demo agent runs, from resources/. */
export const DEFAULT_SCENARIO_FILE = demoScenarioFile(
  resolve(import.meta.dirname, '../../resources')
)
