import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { i18next } from '@renderer/i18n'
import { useLiveCallStore } from '../store/liveCallStore'
import { RecordingAudioNotice } from './RecordingAudioNotice'

describe('the notice that a call is recorded with audio', () => {
  afterEach(async () => {
    cleanup()
    useLiveCallStore.setState(useLiveCallStore.getInitialState())
    await i18next.changeLanguage('en')
  })

  it('shows nothing while the call is not recorded with audio', () => {
    expect(useLiveCallStore.getState().audio).toBe('off')
    render(<RecordingAudioNotice />)
    expect(screen.queryByTestId('audio-recording-notice')).toBeNull()
  })

  it('is a focusable status that says what is recorded', () => {
    useLiveCallStore.setState({ audio: 'recording' })
    render(<RecordingAudioNotice />)
    const notice = screen.getByRole('status')
    expect(notice.textContent).toBe('Recording audio')
    expect(notice.tabIndex).toBe(0)
    // Its tooltip's text is its accessible description: what is recorded, and where.
    expect(screen.getByRole('status', { description: /yours and the agent's/ })).toBe(notice)
  })

  it('says when the audio is not being saved, in Spanish', async () => {
    await i18next.changeLanguage('es')
    useLiveCallStore.setState({ audio: 'failed' })
    render(<RecordingAudioNotice />)
    expect(screen.getByRole('status').textContent).toBe('Audio no guardado')
  })
})
