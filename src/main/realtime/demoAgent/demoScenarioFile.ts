import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const DEMO_SCENARIO_NAME = 'outdoorgear-product-inquiry.yaml'

/**
 * The demo agent's script. A packaged app has it under resources/demo-agent/ (electron-builder
 * copies it there), so nothing is read from tools/ at run time; a source checkout (dev, the
 * harness, tests) reads the simulator's own copy next to resources/.
 */
export function demoScenarioFile(resourcesDir: string): string {
  const shipped = join(resourcesDir, 'demo-agent', DEMO_SCENARIO_NAME)
  if (existsSync(shipped)) return shipped
  return join(resourcesDir, '..', 'tools', 'realtime-sim', 'scenarios', DEMO_SCENARIO_NAME)
}
