import { useRef, useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import ArrowBackIcon from '@mui/icons-material/ArrowBack'
import FileUploadIcon from '@mui/icons-material/FileUpload'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useShallow } from 'zustand/react/shallow'
import type { ListedSession } from '@shared/sessions/latencyScales'
import type { UnfinalizedCall } from '@shared/live-call/recordedCall'
import type { IpcError } from '@renderer/app/ipc'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { useIpcEvent } from '@renderer/app/useIpcEvent'
import { useRequest } from '@renderer/app/useRequest'
import { useSessionExport } from '../hooks/useSessionExport'
import { useSessionImport } from '../hooks/useSessionImport'
import { useSessionPages } from '../hooks/useSessionPages'
import { useSessionsStore } from '../sessionsStore'
import { DrillFilterChips } from './DrillFilterChips'
import { ExportMenu } from './ExportMenu'
import { ImportResultDialog } from './ImportResultDialog'
import { importedNotice } from './importedNotice'
import { LabSummaryPanel } from './LabSummaryPanel'
import { SessionFilters } from './SessionFilters'
import { SessionsNotice, type Notice } from './SessionsNotice'
import { SessionDetailDrawer } from './SessionDetailDrawer'
import { SessionsTable } from './SessionsTable'
import { UnfinalizedCallDrawer } from './UnfinalizedCallDrawer'
import { UnfinalizedCallsNotice } from './UnfinalizedCallsNotice'
import { WelcomePanel, type WelcomeTarget } from './WelcomePanel'
import { formatCount } from './formatFigure'
import { ColumnChooser } from './ColumnChooser'
import { fitColumns } from './fitColumns'
import { SAID_COLUMN, SAID_MIN_WIDTH_PX } from './sessionColumns'
import { useElementWidth } from '../hooks/useElementWidth'
import { useShownColumns } from '../hooks/useShownColumns'
import { saidWords } from '@shared/sessions/saidSearch'
import { useFilterWithScenarioNames } from '../scenarioNamesInSearch'

/** The table's box, less this, is what its columns may take: its border and a vertical scroll bar. */
const SCROLL_BAR_ALLOWANCE_PX = 17

/** Screens that open Sessions filtered (a chart's or an alert's calls). */
export type DrillSource = 'reports' | 'monitor'

/** The session database: filter, read the lab's figures, import and export CSV files. */
export function SessionsScreen({
  onOpen = () => {},
  backTo = null,
  onBack = () => {}
}: {
  /** The welcome's ways in that lead to another screen. */
  onOpen?: (target: WelcomeTarget) => void
  /** The screen whose chart or alert opened these sessions: offered as the way back. */
  backTo?: DrillSource | null
  onBack?: () => void
}): JSX.Element {
  const { t } = useTranslation('sessions')
  const { t: tErrors } = useTranslation('errors')
  const { chosen, sort, revision, toggleSort, refresh } = useSessionsStore(
    useShallow((s) => ({
      chosen: s.filter,
      sort: s.sort,
      revision: s.revision,
      toggleSort: s.toggleSort,
      refresh: s.refresh
    }))
  )
  // What main is asked: the chosen filters, the search also finding scenarios by their name.
  const filter = useFilterWithScenarioNames(chosen)
  const pages = useSessionPages(filter, sort, revision)
  const shown = useShownColumns()
  const tableBox = useRef<HTMLDivElement>(null)
  const tableWidth = useElementWidth(tableBox)
  const searchingSaid = saidWords(filter.said).length > 0
  // The table never scrolls sideways: chosen columns that do not fit give way (and say so).
  const fitted = fitColumns(
    shown.columns,
    tableWidth === null ? null : tableWidth - SCROLL_BAR_ALLOWANCE_PX,
    searchingSaid ? SAID_MIN_WIDTH_PX : 0
  )
  const columns = searchingSaid ? [...fitted.shown, SAID_COLUMN] : fitted.shown
  const facets = useRequest('sessions.facets', {}, revision)
  // The panel shows counts only: no listed sessions need to cross IPC (maxListed 0).
  const report = useRequest('analytics.labReport', { filter, maxListed: 0 }, revision)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [actionError, setActionError] = useState<IpcError | null>(null)
  const [detail, setDetail] = useState<ListedSession | null>(null)
  // Recorded calls without a session row yet (could not be finalized): listed above the table.
  const unfinalized = useRequest('recording.unfinalized', {}, revision)
  // The pilot's sample a first run loads: the welcome says so while any of it is left.
  const sample = useRequest(
    'sessions.list',
    { filter: { source: ['seed'] }, sort, offset: 0, limit: 1 },
    revision
  )
  const [failedCall, setFailedCall] = useState<UnfinalizedCall | null>(null)
  const revisionAtImport = useRef(revision)

  useIpcEvent('sessions.changed', refresh)

  const importer = useSessionImport({
    onImported: (outcome) => {
      setNotice(importedNotice(outcome, t, tErrors))
      // Main announces imports with sessions.changed; refresh here only if that has not arrived.
      if (useSessionsStore.getState().revision === revisionAtImport.current) refresh()
    },
    onError: setActionError
  })
  const exporter = useSessionExport({
    onSaved: ({ path, rows }) =>
      setNotice({ message: t('screen.exported', { count: rows, path }) }),
    onError: setActionError
  })

  const startImport = (): void => {
    setActionError(null)
    revisionAtImport.current = useSessionsStore.getState().revision
    void importer.start()
  }
  const queryErrors = [pages.error, facets.error, report.error, unfinalized.error].filter(
    (e) => e !== null
  )

  return (
    <Stack spacing={2} sx={{ flex: 1, minWidth: 0, minHeight: 0, p: 2 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'baseline' }}>
        <Typography variant="h5" component="h1">
          {t('screen.title')}
        </Typography>
        {pages.total !== null && (
          <Typography color="text.secondary">
            <span data-testid="session-total">{formatCount(pages.total)}</span>{' '}
            {t('screen.total', { count: pages.total })}
          </Typography>
        )}
        <Box sx={{ flex: 1 }} />
        <ColumnChooser shown={shown} />
        <Button
          variant="contained"
          startIcon={<FileUploadIcon />}
          onClick={startImport}
          disabled={importer.busy}
        >
          {t('screen.importCsv')}
        </Button>
        <ExportMenu
          busy={exporter.busy}
          onExport={(extended) => {
            setActionError(null)
            void exporter.exportCsv(filter, extended)
          }}
        />
      </Stack>

      {actionError && <IpcErrorAlert error={actionError} onClose={() => setActionError(null)} />}
      {queryErrors.map((error, index) => (
        <IpcErrorAlert key={index} error={error} onRetry={refresh} />
      ))}

      <WelcomePanel
        sampleCount={sample.data?.total ?? 0}
        onImport={startImport}
        onOpen={onOpen}
        onRemoved={(removed) => setNotice({ message: t('welcome.removed', { count: removed }) })}
        onError={setActionError}
      />
      <UnfinalizedCallsNotice calls={unfinalized.data ?? []} onOpen={setFailedCall} />
      <SessionFilters facets={facets.data} />
      {backTo && (
        <Box>
          <Button startIcon={<ArrowBackIcon />} onClick={onBack} data-testid="drill-back">
            {t(`screen.backTo.${backTo}`)}
          </Button>
        </Box>
      )}
      <DrillFilterChips filter={chosen} onChange={useSessionsStore.getState().showOnly} />
      <LabSummaryPanel report={report.data} loading={report.loading} />
      {fitted.hidden.length > 0 && (
        <Typography variant="body2" color="text.secondary" data-testid="columns-hidden">
          {t('chooser.hidden', {
            columns: fitted.hidden.map((column) => t(`columns.${column.key}`)).join(', ')
          })}
        </Typography>
      )}
      <Box ref={tableBox} sx={{ flex: 1, minHeight: 240 }}>
        <SessionsTable
          pages={pages}
          sort={sort}
          onSort={toggleSort}
          onOpen={setDetail}
          columns={columns}
        />
      </Box>

      {importer.rejection && (
        <ImportResultDialog
          outcome={importer.rejection.outcome}
          busy={importer.busy}
          onResolve={(choice) => void importer.resolveConflicts(choice)}
          onClose={importer.dismiss}
        />
      )}
      <SessionsNotice notice={notice} onClose={() => setNotice(null)} />
      <SessionDetailDrawer session={detail} onClose={() => setDetail(null)} />
      <UnfinalizedCallDrawer call={failedCall} onClose={() => setFailedCall(null)} />
    </Stack>
  )
}
