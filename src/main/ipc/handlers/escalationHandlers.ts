import { userInfo } from 'node:os'
import type { AlertAction, StoredAlert } from '../../../shared/escalation/alertRecords'
import type { HandlersFor } from '../../../shared/ipc/route'
import type { escalationRoutes } from '../../../shared/ipc/routes/escalationRoutes'
import type { AlertStore } from '../../escalation/AlertStore'
import type { EscalationBacktest } from '../../escalation/EscalationBacktest'
import type { EscalationRulesStore } from '../../escalation/EscalationRulesStore'

/**
 * Backtests, the rules' thresholds and alert actions. The console has no accounts: "who" acted
 * on an alert is the OS user on a desk's own database, the desk's seat in team mode.
 */
export function escalationHandlers(deps: {
  backtest: EscalationBacktest
  alerts: AlertStore
  rules: EscalationRulesStore
  /** Who acts: the desk's seat in team mode; default the OS user (the console has no accounts). */
  actor?: () => string
  /** Told of each action once stored (team mode: the other desks hear of it). */
  onActed?: (alert: StoredAlert, action: AlertAction) => void
}): HandlersFor<typeof escalationRoutes> {
  return {
    'escalation.backtest': async ({ thresholds, filter }) => deps.backtest.run(thresholds, filter),
    // Read again each time: another desk may have changed the team's rules.
    'escalation.rules.get': async () => deps.rules.refresh(),
    'escalation.rules.save': async ({ thresholds }) => deps.rules.save(thresholds),
    'alerts.list': async ({ status, limit }) => deps.alerts.list(status, limit),
    'alerts.act': async (input) => {
      const alert = await deps.alerts.act(input, (deps.actor ?? consoleUser)())
      deps.onActed?.(alert, input)
      return alert
    },
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
