import { userInfo } from 'node:os'
import type { HandlersFor } from '../../../shared/ipc/route'
import type { escalationRoutes } from '../../../shared/ipc/routes/escalationRoutes'
import type { AlertStore } from '../../escalation/AlertStore'
import type { EscalationBacktest } from '../../escalation/EscalationBacktest'

/** Backtests and alert actions. The console has no accounts: "who" is the OS user. */
export function escalationHandlers(deps: {
  backtest: EscalationBacktest
  alerts: AlertStore
}): HandlersFor<typeof escalationRoutes> {
  return {
    'escalation.backtest': async ({ thresholds, filter }) => deps.backtest.run(thresholds, filter),
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
