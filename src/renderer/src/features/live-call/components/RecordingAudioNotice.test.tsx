import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { i18next } from '@renderer/i18n'
import { mockApi, ok } from '@renderer/test/mockApi'
import { defaultSettings } from '@shared/settings/settingsSchema'
import { useLiveCallStore } from '../store/liveCallStore'
import { RecordingAudioNotice } from './RecordingAudioNotice'

const recordAudio = (on: boolean) =>
  mockApi({
    'settings.get': ok({ settings: { ...defaultSettings(), recordAudio: on }, problem: null })
  })

describe('the notice that a call is recorded with audio', () => {
  afterEach(async () => {
    cleanup()
    useLiveCallStore.setState(useLiveCallStore.getInitialState())
    await i18next.changeLanguage('en')
  })

  it('shows nothing while the call is not recorded with audio', async () => {
    const request = recordAudio(false)
    expect(useLiveCallStore.getState().audio).toBe('off')
    render(<RecordingAudioNotice />)
    await waitFor(() => expect(request).toHaveBeenCalledWith('settings.get', {}))
    expect(screen.queryByTestId('audio-recording-notice')).toBeNull()
  })

  it('says before a call that the desk records audio, in French too', async () => {
    recordAudio(true)
    await i18next.changeLanguage('fr')
    render(<RecordingAudioNotice />)
    const notice = await screen.findByRole('status')
    expect(notice.textContent).toBe('Appels enregistrés')
    expect(notice.dataset['state']).toBe('armed')
    expect(screen.getByRole('status', { description: /prochain appel sera enregistré/ })).toBe(
      notice
    )
  })

  it('is a focusable status that says what is recorded', () => {
    recordAudio(true)
    useLiveCallStore.setState({ audio: 'recording', phase: 'in_call' })
    render(<RecordingAudioNotice />)
    const notice = screen.getByRole('status')
    expect(notice.textContent).toBe('Recording audio')
    expect(notice.tabIndex).toBe(0)
    // Its tooltip's text is its accessible description: what is recorded, and where.
    expect(screen.getByRole('status', { description: /yours and the agent's/ })).toBe(notice)
  })

  it('says when the audio is not being saved, in Spanish', async () => {
    recordAudio(true)
    await i18next.changeLanguage('es')
    useLiveCallStore.setState({ audio: 'failed', phase: 'ended' })
    render(<RecordingAudioNotice />)
    expect(screen.getByRole('status').textContent).toBe('Audio no guardado')
  })
})
