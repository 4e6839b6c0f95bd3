// The Monitor feature's public surface: the screen (open alerts across calls, rules backtest).
export { MonitorScreen } from './components/MonitorScreen'
