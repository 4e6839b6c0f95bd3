// The Sessions feature's public surface: the app shell needs only the screen.
export { SessionsScreen } from './components/SessionsScreen'
