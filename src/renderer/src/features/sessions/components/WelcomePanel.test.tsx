import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18next } from '@renderer/i18n'
import { mockApi, ok } from '@renderer/test/mockApi'
import { WelcomePanel } from './WelcomePanel'

const handlers = () => ({
  onImport: vi.fn(),
  onOpen: vi.fn(),
  onRemoved: vi.fn(),
  onError: vi.fn()
})

describe('WelcomePanel', () => {
  beforeEach(() => localStorage.clear())
  afterEach(async () => {
    cleanup()
    await i18next.changeLanguage('en')
  })

  it('says the sessions are sample data and offers the three ways in', () => {
    mockApi({})
    const on = handlers()
    render(<WelcomePanel sampleCount={15} {...on} />)
    const welcome = screen.getByTestId('welcome')
    expect(welcome.textContent).toContain('The 15 sessions below are sample data')
    fireEvent.click(within(welcome).getByRole('button', { name: 'Place a demo call' }))
    expect(on.onOpen).toHaveBeenLastCalledWith('live')
    fireEvent.click(within(welcome).getByRole('button', { name: 'Connect an API key' }))
    expect(on.onOpen).toHaveBeenLastCalledWith('settings')
    fireEvent.click(within(welcome).getByRole('button', { name: 'Import a CSV' }))
    expect(on.onImport).toHaveBeenCalledOnce()
  })

  it('is not shown without sample sessions, nor after "Got it" (remembered)', () => {
    mockApi({})
    const { unmount } = render(<WelcomePanel sampleCount={0} {...handlers()} />)
    expect(screen.queryByTestId('welcome')).toBeNull()
    unmount()
    render(<WelcomePanel sampleCount={15} {...handlers()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Got it' }))
    expect(screen.queryByTestId('welcome')).toBeNull()
    cleanup()
    render(<WelcomePanel sampleCount={15} {...handlers()} />)
    expect(screen.queryByTestId('welcome')).toBeNull()
  })

  it('asks before removing the sample, with keeping it as the focused choice', async () => {
    const api = mockApi({ 'sessions.removeSample': ok({ removed: 15 }) })
    const on = handlers()
    render(<WelcomePanel sampleCount={15} {...on} />)
    fireEvent.click(screen.getByRole('button', { name: 'Remove sample data' }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog.textContent).toContain('The 15 sample sessions are deleted from this computer')
    expect(document.activeElement?.textContent).toBe('Keep them')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep them' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api).not.toHaveBeenCalled()

    fireEvent.click(screen.getByRole('button', { name: 'Remove sample data' }))
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove' })
    )
    await waitFor(() => expect(on.onRemoved).toHaveBeenCalledWith(15))
    expect(api).toHaveBeenCalledWith('sessions.removeSample', {})
  })

  it('speaks French', async () => {
    mockApi({})
    await i18next.changeLanguage('fr')
    render(<WelcomePanel sampleCount={15} {...handlers()} />)
    const welcome = screen.getByTestId('welcome')
    expect(welcome.textContent).toContain('Les 15 sessions ci-dessous sont des exemples')
    expect(
      within(welcome).getByRole('button', { name: "Supprimer les données d'exemple" })
    ).toBeTruthy()
  })
})
