import { userInfo } from 'node:os'
import type { HandlersFor } from '../../../shared/ipc/route'
import type { escalationRoutes } from '../../../shared/ipc/routes/escalationRoutes'
import type { AlertStore } from '../../escalation/AlertStore'
import type { EscalationBacktest } from '../../escalation/EscalationBacktest'
import type { EscalationRulesStore } from '../../escalation/EscalationRulesStore'

/**
 * Backtests, the rules' thresholds and alert actions. The console has no accounts: "who" acted
 * on an alert is the OS user (the team's rules carry the desk's seat instead).
 */
export function escalationHandlers(deps: {
  backtest: EscalationBacktest
  alerts: AlertStore
  rules: EscalationRulesStore
}): HandlersFor<typeof escalationRoutes> {
  return {
    'escalation.backtest': async ({ thresholds, filter }) => deps.backtest.run(thresholds, filter),
    // Read again each time: another desk may have changed the team's rules.
    'escalation.rules.get': async () => deps.rules.refresh(),
    'escalation.rules.save': async ({ thresholds }) => deps.rules.save(thresholds),
    'alerts.list': async ({ status, limit }) => deps.alerts.list(status, limit),
    'alerts.act': async (input) => deps.alerts.act(input, consoleUser()),
    'alerts.actions': async (query) => deps.alerts.actions(query)
  }
}

/** The OS account running the console; userInfo throws where the account has no passwd entry. */
export function consoleUser(): string {
  try {
    return userInfo().username || 'unknown user'
  } catch {
    return process.env['USER'] ?? process.env['USERNAME'] ?? 'unknown user'
  }
}
