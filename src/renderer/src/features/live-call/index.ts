// The live call's public surface: the screen, and the call's store (Monitor offers the running
// call's controls on its alerts).
export { LiveCallScreen } from './components/LiveCallScreen'
export { useLiveCallStore } from './store/liveCallStore'
