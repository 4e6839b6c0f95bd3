import { join } from 'node:path'

export const DEMO_SCENARIO_NAME = 'outdoorgear-product-inquiry.yaml'

/**
 * The demo agent's script, under resources/demo-agent/: the source tree's resources/ in dev, the
 * harness and tests, and the packaged app's copy of it (electron-builder's extraResources).
 */
export function demoScenarioFile(resourcesDir: string): string {
  return join(resourcesDir, 'demo-agent', DEMO_SCENARIO_NAME)
}
