import type { HandlersFor } from '../../../shared/ipc/route'
import type { escalationRoutes } from '../../../shared/ipc/routes/escalationRoutes'
import type { AlertStore } from '../../escalation/AlertStore'
import type { EscalationBacktest } from '../../escalation/EscalationBacktest'

/** Backtests and alert actions. The console has no user accounts: "who" is the window. */
export function escalationHandlers(deps: {
  backtest: EscalationBacktest
  alerts: AlertStore
}): HandlersFor<typeof escalationRoutes> {
  return {
    'escalation.backtest': async ({ thresholds, filter }) => deps.backtest.run(thresholds, filter),
    'alerts.list': async ({ status, limit }) => deps.alerts.list(status, limit),
    'alerts.act': async (input, caller) =>
      deps.alerts.act(input, `supervisor (window ${caller.windowId ?? 'unknown'})`)
  }
}
