// The Reports feature's public surface: the app shell needs only the screen.
export { ReportsScreen } from './components/ReportsScreen'
