import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import CheckIcon from '@mui/icons-material/Check'
import ContentCopyIcon from '@mui/icons-material/ContentCopy'
import Box from '@mui/material/Box'
import IconButton from '@mui/material/IconButton'
import { compactSessionId } from './compactSessionId'

/**
 * A session's id, compact on screen but whole everywhere else: the folded middle stays in the
 * DOM (its text at size 0, an ellipsis drawn in its place), so selecting, find-in-page, screen
 * readers and the title all get the full id; the button copies it.
 */
export function SessionIdCell({ id }: { id: string }): JSX.Element {
  const { t } = useTranslation('sessions')
  const [copied, setCopied] = useState(false)
  const { head, middle, tail } = compactSessionId(id)
  const copy = (): void => {
    // navigator.clipboard is missing outside secure contexts: then nothing is copied.
    void Promise.resolve()
      .then(() => navigator.clipboard.writeText(id))
      .then(() => setCopied(true))
      .catch(() => setCopied(false))
  }
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', minWidth: 0 }}>
      <Box
        component="span"
        title={id}
        data-testid="session-id"
        sx={{
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          fontVariantNumeric: 'tabular-nums',
          '& .id-fold': { fontSize: 0 },
          '& .id-fold::after': { content: '"…"', fontSize: '0.875rem' }
        }}
      >
        {head}
        {middle && <span className="id-fold">{middle}</span>}
        {tail}
      </Box>
      <IconButton
        size="small"
        aria-label={t('table.copyId', { id })}
        title={copied ? t('table.copied') : t('table.copyId', { id })}
        onClick={(event) => {
          event.stopPropagation()
          copy()
        }}
        onKeyDown={(event) => event.stopPropagation()}
        onBlur={() => setCopied(false)}
        className="copy-id"
        sx={{ ml: 0.25, p: 0.25 }}
      >
        {copied ? <CheckIcon sx={{ fontSize: 16 }} /> : <ContentCopyIcon sx={{ fontSize: 16 }} />}
      </IconButton>
    </Box>
  )
}
