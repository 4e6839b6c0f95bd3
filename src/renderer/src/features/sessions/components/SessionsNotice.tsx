import type { JSX } from 'react'
import Alert from '@mui/material/Alert'
import Snackbar from '@mui/material/Snackbar'

export interface Notice {
  message: string
  /** Formatted import warnings; the notice then stays until closed so they can be read. */
  details?: string[]
}

interface SessionsNoticeProps {
  notice: Notice | null
  onClose: () => void
}

/** Confirms a finished import or export. */
export function SessionsNotice({ notice, onClose }: SessionsNoticeProps): JSX.Element | null {
  if (notice === null) return null
  const hasDetails = (notice.details?.length ?? 0) > 0
  return (
    <Snackbar
      open
      onClose={(_event, reason) => reason !== 'clickaway' && onClose()}
      autoHideDuration={hasDetails ? null : 6000}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert
        severity={hasDetails ? 'warning' : 'success'}
        variant="filled"
        onClose={onClose}
        data-testid="sessions-notice"
        sx={{ maxWidth: 720 }}
      >
        {notice.message}
        {hasDetails && (
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {notice.details?.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        )}
      </Alert>
    </Snackbar>
  )
}
