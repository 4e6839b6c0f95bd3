import { useCallback, useEffect, useMemo, useRef, useState, type JSX, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { request } from './ipc'
import { LeaveDialog } from './LeaveDialog'
import { UnsavedChangesContext, type UnsavedChangesRegistry } from './unsavedChanges'

/**
 * Keeps which screens hold unsaved edits and asks before any navigation drops them: an in-app
 * dialog for the console's own navigation, the browser's prompt (beforeunload) for a reload or
 * a closing window. Electron shows no prompt of its own for beforeunload, so main is handed
 * the dialog's words in the UI language to ask with (app.leavePrompt).
 */
export function UnsavedChangesProvider({ children }: { children: ReactNode }): JSX.Element {
  const { t } = useTranslation()
  const [sentences, setSentences] = useState<ReadonlyMap<string, string>>(new Map())
  const [pending, setPending] = useState<(() => void) | null>(null)
  // Read by guard and beforeunload without re-subscribing on every keystroke.
  const current = useRef(sentences)
  useEffect(() => {
    current.current = sentences
  }, [sentences])

  const mark = useCallback((source: string, sentence: string | null) => {
    setSentences((before) => {
      if ((before.get(source) ?? null) === sentence) return before
      const next = new Map(before)
      if (sentence === null) next.delete(source)
      else next.set(source, sentence)
      return next
    })
  }, [])
  const guard = useCallback((leave: () => void) => {
    if (current.current.size === 0) leave()
    else setPending(() => leave)
  }, [])
  const registry = useMemo((): UnsavedChangesRegistry => ({ mark, guard }), [mark, guard])

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (current.current.size === 0) return
      event.preventDefault()
      // Chromium before 119 and Electron's older builds look at returnValue, not the call above.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [])

  const lost = [...sentences.values()]
  const detail = lost.length ? `${lost.join(' ')} ${t('unsaved.advice')}` : null
  useEffect(() => {
    const prompt =
      detail === null
        ? null
        : {
            title: t('unsaved.title'),
            detail,
            discard: t('unsaved.discard'),
            keepEditing: t('unsaved.keepEditing')
          }
    // Only the desktop app asks with it; a failure leaves main's English words in place.
    request('app.leavePrompt', { prompt }).catch(() => undefined)
  }, [detail, t])

  return (
    <UnsavedChangesContext.Provider value={registry}>
      {children}
      {pending && (
        <LeaveDialog
          detail={detail ?? ''}
          onKeepEditing={() => setPending(null)}
          onDiscard={() => {
            setPending(null)
            pending()
          }}
        />
      )}
    </UnsavedChangesContext.Provider>
  )
}
