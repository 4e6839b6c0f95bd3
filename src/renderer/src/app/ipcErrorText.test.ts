import { afterEach, describe, expect, it } from 'vitest'
import { routes } from '@shared/ipc/contract'
import { toIpcIssue } from '@shared/ipc/ipcIssue'
import { i18next } from '@renderer/i18n'
import { ipcIssueText } from './ipcErrorText'

// The issues main's dispatch sends for a refused request (the same zod parse and toIpcIssue):
// in English the UI must read exactly as zod wrote them; in Spanish and French, in those.

const list = {
  filter: {},
  sort: { column: 'session_id', direction: 'asc' },
  offset: 0,
  limit: 20
}
function issueFor(payload: unknown) {
  const parsed = routes['sessions.list'].input.safeParse(payload)
  if (parsed.success) throw new Error('accepted')
  return toIpcIssue(parsed.error.issues[0]!, payload)
}
const PAYLOADS = {
  wrongType: { ...list, filter: { ragUsed: 'yes' } },
  missing: { ...list, limit: undefined },
  none: undefined,
  tooBig: { ...list, limit: 100_000 },
  negative: { ...list, offset: -1 },
  extraKey: { ...list, path: '/etc/passwd' },
  extraKeys: { ...list, path: '/etc/passwd', x: 1 },
  badChoice: { ...list, sort: { column: 'session_id', direction: 'up' } }
}

describe('ipcIssueText', () => {
  afterEach(() => i18next.changeLanguage('en'))

  it.each(Object.entries(PAYLOADS))(
    'reads %s in English exactly as zod wrote it',
    (_n, payload) => {
      const issue = issueFor(payload)
      expect(ipcIssueText(issue, i18next.getFixedT('en', 'errors'))).toBe(
        issue.path ? `${issue.path}: ${issue.message}` : issue.message
      )
    }
  )

  it('says them in Spanish and French, and keeps zod English for what it has no words for', async () => {
    await i18next.changeLanguage('es')
    const es = i18next.getFixedT(null, 'errors')
    expect(ipcIssueText(issueFor(PAYLOADS.tooBig), es)).toBe(
      'limit: Demasiado grande: debe ser 500 como máximo'
    )
    expect(ipcIssueText(issueFor(PAYLOADS.missing), es)).toBe(
      'limit: Dato no válido: se esperaba un número y se recibió undefined'
    )
    expect(ipcIssueText(issueFor(PAYLOADS.extraKey), es)).toBe('Clave no reconocida: "path"')
    const choice = issueFor(PAYLOADS.badChoice)
    expect(ipcIssueText(choice, es)).toBe(`sort.direction: ${choice.message}`)

    await i18next.changeLanguage('fr')
    const fr = i18next.getFixedT(null, 'errors')
    expect(ipcIssueText(issueFor(PAYLOADS.wrongType), fr)).toBe(
      'filter.ragUsed: Donnée non valide\u00a0: booléen attendu, texte reçu'
    )
    expect(ipcIssueText(issueFor(PAYLOADS.extraKeys), fr)).toBe(
      'Clés non reconnues\u00a0: "path", "x"'
    )
  })
})
