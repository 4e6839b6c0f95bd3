import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import { numberFormat } from '@renderer/i18n'
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Snackbar from '@mui/material/Snackbar'
import { request, toIpcError } from '@renderer/app/ipc'
import { useColorSchemeChoice } from '@renderer/app/useColorSchemeChoice'

/**
 * The report as a PDF: in the desktop app main prints the window to a file the user names;
 * where main cannot print (the browser harness) the browser's own print dialog does it.
 * Either way the print styles of the Reports screen lay it out, in the light theme.
 */
export function SavePdfButton(): JSX.Element {
  const { t } = useTranslation('reports')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const { whileLight } = useColorSchemeChoice()
  const save = async (): Promise<void> => {
    try {
      // Printed light whatever the screen shows (see whileLight).
      const result = await whileLight(async () => {
        const answer = await request('reports.savePdf', {})
        if (answer.status === 'unavailable') window.print()
        return answer
      })
      if (result.status === 'saved')
        setMessage({
          ok: true,
          text: t('screen.pdfSaved', {
            path: result.path,
            kb: numberFormat({ maximumFractionDigits: 0 }).format(result.bytes / 1024)
          })
        })
    } catch (failure) {
      setMessage({ ok: false, text: toIpcError('reports.savePdf', failure).message })
    }
  }
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<PictureAsPdfIcon />}
        onClick={() => void save()}
        data-print="hide"
      >
        {t('screen.savePdf')}
      </Button>
      <Snackbar open={message !== null} autoHideDuration={6000} onClose={() => setMessage(null)}>
        <Alert severity={message?.ok ? 'success' : 'error'} onClose={() => setMessage(null)}>
          {message?.text}
        </Alert>
      </Snackbar>
    </>
  )
}
