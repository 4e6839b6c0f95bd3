// The Monitor feature's public surface: the screen (open alerts across calls, rules backtest),
// and the alert actions the live call's banner shares.
export { MonitorScreen } from './components/MonitorScreen'
export { AlertActionBar } from './components/actions/AlertActionBar'
export { HandoffNoteDialog } from './components/actions/HandoffNoteDialog'
export type { LiveCallControls } from './components/actions/useAlertActions'
