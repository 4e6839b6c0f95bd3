import { describe, expect, it } from 'vitest'
import { i18next } from '@renderer/i18n'
import {
  CHANNEL_CLOSED_MESSAGE,
  ICE_FAILED_MESSAGE,
  failureMessage,
  internalStartFailure,
  microphoneFailure
} from './callFailure'

describe('call failure messages', () => {
  const english = i18next.getFixedT('en', 'liveCall')

  it('reads in English exactly as the engine records them', () => {
    for (const failure of [
      { kind: 'ice_failed', message: ICE_FAILED_MESSAGE } as const,
      { kind: 'channel_closed', message: CHANNEL_CLOSED_MESSAGE } as const,
      microphoneFailure('NotFoundError: Requested device not found'),
      internalStartFailure('settings.get failed')
    ])
      expect(failureMessage(failure, english)).toBe(failure.message)
  })

  it('keeps the English text when a failure carries no detail to wrap', () => {
    const french = i18next.getFixedT('fr', 'liveCall')
    expect(failureMessage({ kind: 'microphone', message: 'Mic busy.' }, french)).toBe('Mic busy.')
    expect(failureMessage(internalStartFailure('boom'), french)).toBe(
      "L'appel n'a pas pu démarrer : boom"
    )
  })
})
