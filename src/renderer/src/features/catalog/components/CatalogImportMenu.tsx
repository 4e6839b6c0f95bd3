import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Snackbar from '@mui/material/Snackbar'
import type { Output } from '@shared/ipc/contract'
import { importIssueText } from '@renderer/app/importIssueText'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { IpcError, request, toIpcError } from '@renderer/app/ipc'
import { ProblemListActions } from '@renderer/components/ProblemListActions'
import { catalogProblemsText } from './catalogProblemsText'

type Kind = 'products' | 'orders' | 'knowledge'
type Outcome = Output<'catalog.import'>

const KINDS: readonly Kind[] = ['products', 'orders', 'knowledge']

/** Replaces one catalog source with a user's file: checked whole, kept only if all valid. */
export function CatalogImportMenu(): JSX.Element {
  const { t } = useTranslation('catalog')
  const { t: tErrors } = useTranslation('errors')
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [error, setError] = useState<IpcError | null>(null)

  const importKind = async (kind: Kind): Promise<void> => {
    setAnchor(null)
    setError(null)
    try {
      const picked = await request('catalog.pickImportFile', { kind })
      if (picked) setOutcome(await request('catalog.import', { token: picked.token }))
    } catch (failure) {
      setError(toIpcError('catalog.import', failure))
    }
  }

  return (
    <>
      <Button variant="outlined" onClick={(event) => setAnchor(event.currentTarget)}>
        {t('import.button')}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {KINDS.map((kind) => (
          <MenuItem key={kind} onClick={() => void importKind(kind)}>
            {t(`import.kind.${kind}`)}
          </MenuItem>
        ))}
      </Menu>
      {error && <IpcErrorAlert error={error} />}
      <Snackbar
        open={outcome?.status === 'imported'}
        autoHideDuration={6000}
        onClose={() => setOutcome(null)}
      >
        <Alert severity="success" onClose={() => setOutcome(null)} data-testid="catalog-imported">
          {outcome?.status === 'imported' &&
            t(`import.imported.${outcome.kind}`, {
              count: outcome.count,
              fileName: outcome.fileName
            })}
        </Alert>
      </Snackbar>
      {outcome?.status === 'invalid' && (
        <Dialog open onClose={() => setOutcome(null)} maxWidth="md" fullWidth>
          <DialogTitle>{t('import.notImported', { fileName: outcome.fileName })}</DialogTitle>
          <DialogContent>
            <DialogContentText>
              {t(`import.problems.${outcome.kind}`, { count: outcome.totalIssues })}
              {outcome.totalIssues > outcome.issues.length &&
                ` ${t('import.firstListed', { count: outcome.issues.length })}`}
            </DialogContentText>
            <ProblemListActions
              text={catalogProblemsText(outcome, t, tErrors)}
              fileName={outcome.fileName}
            />
            <List dense data-testid="catalog-import-issues">
              {outcome.issues.map((issue) => (
                <ListItem key={`${issue.row}:${issue.column}:${issue.reason}`}>
                  {importIssueText(issue, tErrors)}
                </ListItem>
              ))}
            </List>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOutcome(null)}>{t('import.close')}</Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  )
}
