// A supervisor's actions on an alert (acknowledge, dismiss, escalate; instruct, stop, end call
// while the call runs), shared by the Monitor screen's alert cards and the live call's banner.
export { AlertActionBar } from './AlertActionBar'
export { HandoffNoteDialog } from './HandoffNoteDialog'
export { InstructDialog } from './InstructDialog'
export { playAlertCue } from './alertCue'
export type { LiveCallControls } from './useAlertActions'
