import { useId, type JSX } from 'react'
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
import Typography from '@mui/material/Typography'
import { importIssueText, importWarningText } from '@renderer/app/importIssueText'
import { ProblemListActions } from '@renderer/components/ProblemListActions'
import type { ConflictChoice, RejectedOutcome } from '../hooks/useSessionImport'
import { importProblemsText } from './importProblemsText'

interface ImportResultDialogProps {
  outcome: RejectedOutcome
  busy: boolean
  onResolve: (choice: ConflictChoice) => void
  onClose: () => void
}

/** Why a file was refused. When the only problem is ids already stored, the user may go on. */
export function ImportResultDialog({
  outcome,
  busy,
  onResolve,
  onClose
}: ImportResultDialogProps): JSX.Element {
  const { fileName, issues, issueCount, conflictCount, warnings } = outcome
  const onlyConflicts = conflictCount > 0 && conflictCount === issueCount
  const unlisted = issueCount - issues.length
  const titleId = useId()
  const { t } = useTranslation('sessions')
  const { t: tErrors } = useTranslation('errors')
  const { t: tCommon } = useTranslation()

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      aria-labelledby={titleId}
      maxWidth="md"
      fullWidth
    >
      <DialogTitle id={titleId}>{t('importResult.title', { fileName })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>
          {onlyConflicts
            ? t('importResult.conflicts', { count: conflictCount })
            : t('importResult.problems', { count: issueCount })}
        </DialogContentText>
        <ProblemListActions
          text={importProblemsText(outcome, t, tErrors, tCommon)}
          fileName={fileName}
        />
        <List
          role="list"
          dense
          data-testid="import-issues"
          sx={{
            maxHeight: 280,
            overflow: 'auto',
            border: 1,
            borderColor: 'divider',
            borderRadius: 1
          }}
        >
          {issues.map((issue, index) => (
            <ListItem key={index} role="listitem">
              <Typography variant="body2">{importIssueText(issue, tErrors)}</Typography>
            </ListItem>
          ))}
        </List>
        {unlisted > 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('importResult.more', { count: unlisted })}
          </Typography>
        )}
        {warnings.length > 0 && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {warnings.map((warning, index) => (
              <div key={index}>{importWarningText(warning, tErrors)}</div>
            ))}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {onlyConflicts ? (
          <>
            <Button onClick={onClose} disabled={busy}>
              {t('importResult.cancel')}
            </Button>
            {/* Replacing overwrites stored sessions: red, and never the default. Skipping
                changes nothing already stored, so it is the highlighted, focused choice. */}
            <Button onClick={() => onResolve('replace')} disabled={busy} color="error">
              {t('importResult.replace')}
            </Button>
            <Button onClick={() => onResolve('skip')} disabled={busy} variant="contained" autoFocus>
              {t('importResult.skip')}
            </Button>
          </>
        ) : (
          <Button onClick={onClose} variant="contained">
            {t('importResult.close')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  )
}
