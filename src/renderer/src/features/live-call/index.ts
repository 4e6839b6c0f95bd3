// The live call's public surface: the screen, and the call's store (Monitor offers the running
// call's controls on its alerts); the call's panels, which show another call's state under a
// CallViewContext provider (a team call followed from the wallboard).
export { LiveCallScreen } from './components/LiveCallScreen'
export { useLiveCallStore } from './store/liveCallStore'
export { CallViewContext, type CallView, type CallViewSource } from './store/callView'
export { BargeInIndicator } from './components/BargeInIndicator'
export { LatencyPanel } from './components/LatencyPanel'
export { SpeakingIndicators } from './components/SpeakingIndicators'
export { ToolCallCards } from './components/ToolCallCards'
export { TranscriptPanel } from './components/TranscriptPanel'
