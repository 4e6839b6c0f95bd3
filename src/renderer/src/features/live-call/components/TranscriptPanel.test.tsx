import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { replayCall } from '@shared/live-call/callReducer'
import { initialCallState } from '@shared/live-call/callState'
import { i18next } from '@renderer/i18n'
import { useLiveCallStore } from '../store/liveCallStore'
import { TranscriptPanel } from './TranscriptPanel'

describe('TranscriptPanel', () => {
  afterEach(async () => {
    cleanup()
    useLiveCallStore.setState({ call: initialCallState() })
    await i18next.changeLanguage('en')
  })

  it("shows a supervisor's instruction where it was sent, marked as not heard by the caller", async () => {
    useLiveCallStore.setState({
      call: replayCall([
        {
          t: 1000,
          event: {
            type: 'conversation.item.create',
            item: {
              type: 'message',
              role: 'system',
              content: [{ type: 'input_text', text: 'Apologise for the delay.' }]
            }
          }
        }
      ])
    })
    render(<TranscriptPanel />)
    const row = screen.getByTestId('transcript-supervisor')
    expect(row.textContent).toBe(
      'Supervisor → agent (not heard by the caller)Apologise for the delay.'
    )
    await i18next.changeLanguage('fr')
    expect(screen.getByTestId('transcript-supervisor').textContent).toContain('Superviseur → agent')
  })
})
