export { LiveCallScreen } from './components/LiveCallScreen'
