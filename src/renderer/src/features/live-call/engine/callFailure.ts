import type { TFunction } from 'i18next'
import type { CallStartFailureKind } from '@shared/realtime/callStart'

/** Why a call failed or ended early: main's start failures plus what the page itself sees. */
export type CallFailureKind =
  CallStartFailureKind | 'microphone' | 'ice_failed' | 'channel_closed' | 'internal'

export interface CallFailure {
  kind: CallFailureKind
  /** English, as recorded with the call (connection.state); the banner shows it translated. */
  message: string
  /** The browser's or the exception's own words, which a translated sentence wraps. */
  detail?: string
}

export const ICE_FAILED_MESSAGE =
  'The audio connection (ICE) failed: no network path to the service. Check the network or firewall, then retry.'
export const CHANNEL_CLOSED_MESSAGE =
  'The event channel closed mid-call, so the agent can no longer be heard or followed. What was said so far is kept; call again to continue.'

/** The microphone could not be opened; `detail` is the browser's reason. */
export const microphoneFailure = (detail: string): CallFailure => ({
  kind: 'microphone',
  message: `The microphone could not be opened (${detail}).`,
  detail
})

/** Starting threw before the service answered; `detail` is the error's message. */
export const internalStartFailure = (detail: string): CallFailure => ({
  kind: 'internal',
  message: `The call could not start: ${detail}`,
  detail
})

/** The banner's headline for a failure kind, in the UI language. */
export const failureTitle = (kind: CallFailureKind, t: TFunction<'liveCall'>): string =>
  t(`failure.title.${kind}`)

/**
 * The banner's text in the UI language. The page's own sentences are translated; what main
 * says about a refused start (the service's words) stays as main wrote it.
 */
export function failureMessage(failure: CallFailure, t: TFunction<'liveCall'>): string {
  switch (failure.kind) {
    case 'ice_failed':
    case 'channel_closed':
      return t(`failure.message.${failure.kind}`)
    case 'microphone':
    case 'internal':
      return failure.detail === undefined
        ? failure.message
        : t(`failure.message.${failure.kind}`, { detail: failure.detail })
    default:
      return failure.message
  }
}
