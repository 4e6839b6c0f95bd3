import type { CallStartFailureKind } from '@shared/ipc/routes/realtimeRoutes'

/** Why a call failed or ended early: main's start failures plus what the page itself sees. */
export type CallFailureKind =
  CallStartFailureKind | 'microphone' | 'ice_failed' | 'channel_closed' | 'internal'

export interface CallFailure {
  kind: CallFailureKind
  message: string
}

/** Headlines for the failure banner; the message under it comes from where it happened. */
export const FAILURE_TITLES: Record<CallFailureKind, string> = {
  no_key: 'No API key',
  bad_key: 'The API key was refused',
  unreachable: 'The service is unreachable',
  refused: 'The service refused the session',
  sdp_refused: 'The call was refused',
  secret_expired: 'The call could not be authorised',
  microphone: 'No microphone',
  ice_failed: 'The audio connection failed',
  channel_closed: 'The call was cut off',
  internal: 'The call stopped unexpectedly'
}

export const ICE_FAILED_MESSAGE =
  'The audio connection (ICE) failed: no network path to the service. Check the network or firewall, then retry.'
export const CHANNEL_CLOSED_MESSAGE =
  'The event channel closed mid-call, so the agent can no longer be heard or followed. What was said so far is kept; call again to continue.'
