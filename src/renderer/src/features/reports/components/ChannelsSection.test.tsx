import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ReportChannels } from '@shared/analytics/channelFigures'
import { i18next } from '@renderer/i18n'
import { mockApi, ok } from '@renderer/test/mockApi'
import { ChannelsSection } from './ChannelsSection'

const FIGURES: ReportChannels = {
  channels: [
    {
      channel: 'desk',
      handled: 12,
      contained: 12,
      transferred: 0,
      abandoned: 0,
      averageHandleMs: 95_000,
      medianFirstActionMs: null,
      actedAlerts: 0,
      alerts: 0
    },
    {
      channel: 'phone',
      handled: 40,
      contained: 30,
      transferred: 6,
      abandoned: 4,
      averageHandleMs: 250_000,
      medianFirstActionMs: 14_000,
      actedAlerts: 9,
      alerts: 11
    },
    {
      channel: 'web',
      handled: 5,
      contained: 5,
      transferred: 0,
      abandoned: 0,
      averageHandleMs: 61_000,
      medianFirstActionMs: null,
      actedAlerts: 0,
      alerts: 2
    }
  ]
}

const cellsOf = (channel: string): string[] =>
  within(screen.getByTestId(`report-channel-${channel}`))
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '')

describe('ChannelsSection', () => {
  afterEach(async () => {
    cleanup()
    Reflect.deleteProperty(window, 'api')
    await i18next.changeLanguage('en')
  })

  it("asks for the report's filter and shows each channel's figures with their shares", async () => {
    const request = mockApi({ 'reports.channels': ok(FIGURES) })
    render(<ChannelsSection filter={{ language: ['en'] }} revision={0} onRetry={() => undefined} />)
    await screen.findByTestId('report-channel-phone')
    expect(request).toHaveBeenCalledWith('reports.channels', { filter: { language: ['en'] } })
    expect(screen.getByRole('rowheader', { name: 'Phone' })).toBeTruthy()
    expect(cellsOf('phone')).toEqual([
      '40',
      '30 (75%)',
      '6 (15%)',
      '4 (10%)',
      '4 min 10 sec',
      '14 sec'
    ])
    // Alerts nobody acted on say so rather than show a time.
    expect(cellsOf('web').at(-1)).toBe('not acted on (2 alerts)')
    expect(cellsOf('desk').at(-1)).toBe('—')
    // Each column says what it counts.
    fireEvent.mouseOver(screen.getByText('Abandoned'))
    expect(
      await screen.findByText(
        'The caller hung up within 10 seconds of the greeting, or before it ended.'
      )
    ).toBeTruthy()
  })

  it('says where the figures come from when there are no calls, in French too', async () => {
    await i18next.changeLanguage('fr')
    mockApi({ 'reports.channels': ok({ channels: [] }) })
    render(<ChannelsSection filter={{}} revision={0} onRetry={() => undefined} />)
    expect((await screen.findByTestId('report-channels-empty')).textContent).toMatch(
      /^Aucun appel enregistré avec ces filtres/
    )
    expect(screen.getByRole('heading', { name: 'Appels par canal' })).toBeTruthy()
  })
})
