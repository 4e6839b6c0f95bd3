import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_TEAM_SETTINGS } from '@shared/settings/teamSettings'
import { mockApi, ok } from '@renderer/test/mockApi'
import { ApiKeyField } from './ApiKeyField'
import { TeamPasswordField } from './TeamPasswordField'

const STORED = {
  available: true as const,
  backend: 'test',
  reason: null,
  stored: { openai: true, azure: false, custom: false },
  origins: { openai: null, azure: null, custom: null }
}

describe('removing a stored secret', { timeout: 60_000 }, () => {
  afterEach(() => {
    cleanup()
    Reflect.deleteProperty(window, 'api')
  })

  it('asks before removing the API key, with Cancel as the focused default', async () => {
    const request = mockApi({ 'secrets.clearApiKey': ok({ stored: false }) })
    const changed = vi.fn()
    render(<ApiKeyField name="openai" label="API key" status={STORED} onChanged={changed} />)

    fireEvent.click(screen.getByRole('button', { name: 'Remove key' }))
    const dialog = screen.getByRole('dialog', { name: 'Remove the stored key?' })
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' })
    expect(document.activeElement).toBe(cancel)
    fireEvent.click(cancel)
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(request).not.toHaveBeenCalled()

    fireEvent.click(screen.getByRole('button', { name: 'Remove key' }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove key' }))
    await waitFor(() => expect(changed).toHaveBeenCalledOnce())
    expect(request).toHaveBeenCalledWith('secrets.clearApiKey', { name: 'openai' })
  })

  it('asks before removing the team password the same way', async () => {
    const request = mockApi({ 'team.clearPassword': ok({ saved: false }) })
    const changed = vi.fn()
    render(
      <TeamPasswordField
        connection={{ ...DEFAULT_TEAM_SETTINGS.connection, host: 'db.example' }}
        status={{
          available: true,
          reason: null,
          passwordServer: 'db.example:5432',
          defaultSeat: 'maria',
          database: { backend: 'sqlite', fallbackReason: null, unreachableReason: null }
        }}
        onChanged={changed}
      />
    )
    fireEvent.click(screen.getByRole('button', { name: 'Remove password' }))
    const dialog = screen.getByRole('dialog', { name: 'Remove the saved password?' })
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }))
    fireEvent.keyDown(dialog, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(request).not.toHaveBeenCalled()

    fireEvent.click(screen.getByRole('button', { name: 'Remove password' }))
    fireEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove password' })
    )
    await waitFor(() => expect(changed).toHaveBeenCalledOnce())
    expect(request).toHaveBeenCalledWith('team.clearPassword', {})
  })
})
