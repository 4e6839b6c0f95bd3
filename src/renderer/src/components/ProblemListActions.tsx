import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import ContentCopyIcon from '@mui/icons-material/ContentCopy'
import DownloadIcon from '@mui/icons-material/Download'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { problemsFileName } from './problemsFileName'

type CopyState = 'idle' | 'copied' | 'refused'

/**
 * Copy and Save as text for a refused import's problems, so they can go to whoever fixes the
 * file. Saving goes through the browser's download (Electron asks where), as a chart's PNG
 * does: the renderer never picks a path.
 */
export function ProblemListActions({
  text,
  fileName
}: {
  /** The whole report as plain text, in the UI language. */
  text: string
  fileName: string
}): JSX.Element {
  const { t } = useTranslation()
  const [copy, setCopy] = useState<CopyState>('idle')
  const copyText = (): void => {
    // navigator.clipboard is missing outside secure contexts: the same as a refusal.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(text))
      .then(
        () => setCopy('copied'),
        () => setCopy('refused')
      )
  }
  const save = (): void => {
    const link = document.createElement('a')
    link.href = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`
    link.download = problemsFileName(fileName)
    link.click()
  }
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
      <Button size="small" startIcon={<ContentCopyIcon />} onClick={copyText}>
        {t('problemList.copy')}
      </Button>
      <Button size="small" startIcon={<DownloadIcon />} onClick={save}>
        {t('problemList.save')}
      </Button>
      <Typography
        variant="caption"
        role="status"
        color={copy === 'refused' ? 'warning.main' : 'text.secondary'}
        data-testid="problem-list-copy-status"
      >
        {copy === 'idle' ? '' : t(`problemList.${copy}`)}
      </Typography>
    </Stack>
  )
}
