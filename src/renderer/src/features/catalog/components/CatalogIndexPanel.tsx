import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { CatalogStatus, IndexProgress } from '@shared/catalog/catalogStatus'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { IpcError, request, toIpcError } from '@renderer/app/ipc'
import { failureText } from '@renderer/app/ipcErrorText'
import { dateTimeFormat, numberFormat } from '@renderer/i18n'
import { CatalogImportMenu } from './CatalogImportMenu'

const STATE_COLOR = {
  off: 'default',
  stale: 'warning',
  building: 'info',
  ready: 'success',
  failed: 'error'
} as const

interface CatalogIndexPanelProps {
  status: CatalogStatus
  progress: IndexProgress | null
  /** A build just succeeded: its bar stays full for a moment, so a fast one is still seen. */
  justFinished?: boolean
}

/** Where the agent's facts come from, how they are indexed, and the controls to change that. */
export function CatalogIndexPanel({
  status,
  progress,
  justFinished = false
}: CatalogIndexPanelProps): JSX.Element {
  const { t } = useTranslation('catalog')
  const { t: tErrors } = useTranslation('errors')
  const [error, setError] = useState<IpcError | null>(null)
  const { sources, index } = status
  const building = index.state === 'building'
  const rebuild = (): void => {
    setError(null)
    request('catalog.reindex', { full: true }).catch((failure: unknown) =>
      setError(toIpcError('catalog.reindex', failure))
    )
  }
  const percent = justFinished
    ? 100
    : progress && progress.total
      ? (100 * progress.done) / progress.total
      : 0

  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-label={t('index.label')}>
      <Stack direction="row" spacing={3} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <SourceFigure label={t('index.sources.products')} source={sources.products} />
        <SourceFigure label={t('index.sources.orders')} source={sources.orders} />
        <SourceFigure label={t('index.sources.knowledge')} source={sources.knowledge} />
        <Stack spacing={0.5} sx={{ flex: '1 1 320px', minWidth: 0, overflowWrap: 'anywhere' }}>
          <Chip
            size="small"
            color={STATE_COLOR[index.state]}
            label={t(`index.state.${index.state}`)}
            sx={{ alignSelf: 'flex-start' }}
            data-testid="catalog-index-state"
          />
          <Typography variant="caption" color="text.secondary">
            {index.provider
              ? t('index.provider', {
                  provider: index.provider,
                  products: index.products,
                  passages: index.passages
                })
              : t('index.noProvider')}
            {' · '}
            {status.retrieval === 'hybrid' ? t('index.searchHybrid') : t('index.searchLexical')}
          </Typography>
          {index.lastRun && index.builtAt !== null && (
            <Typography variant="caption" color="text.secondary" data-testid="catalog-last-run">
              {t('index.lastRun', {
                time: dateTimeFormat({ timeStyle: 'medium' }).format(new Date(index.builtAt)),
                embedded: index.lastRun.embedded,
                seconds: numberFormat({
                  minimumFractionDigits: 1,
                  maximumFractionDigits: 1
                }).format(index.lastRun.ms / 1000)
              })}
            </Typography>
          )}
        </Stack>
        <Stack direction="row" spacing={1} sx={{ ml: 'auto' }}>
          <CatalogImportMenu />
          <Button variant="outlined" onClick={rebuild} disabled={building || index.state === 'off'}>
            {t('index.rebuild')}
          </Button>
        </Stack>
      </Stack>
      {(building || justFinished) && (
        <Stack spacing={0.5} sx={{ mt: 1.5 }}>
          <LinearProgress
            variant={progress || justFinished ? 'determinate' : 'indeterminate'}
            value={percent}
            aria-label={t('index.progressLabel')}
            data-testid="catalog-index-progress"
          />
          <Typography variant="caption" color="text.secondary">
            {justFinished
              ? t('index.finished')
              : progress
                ? t(`index.progress.${progress.phase}`, {
                    done: progress.done,
                    total: progress.total
                  })
                : t('index.checking')}
          </Typography>
        </Stack>
      )}
      {index.state === 'failed' && index.error && (
        <Alert severity="error" sx={{ mt: 1.5 }}>
          {t('index.failed', {
            // The sentence goes on after the reason: its own full stop would double.
            error: failureText(index.error, tErrors).replace(/\.\s*$/, '')
          })}
        </Alert>
      )}
      {error && <IpcErrorAlert error={error} />}
    </Paper>
  )
}

function SourceFigure({
  label,
  source
}: {
  label: string
  source: CatalogStatus['sources']['products']
}): JSX.Element {
  const { t } = useTranslation('catalog')
  return (
    <Stack spacing={0.25}>
      <Typography variant="h6" component="p">
        {numberFormat().format(source.count)}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {label} · {t(`index.origin.${source.origin}`)}
      </Typography>
    </Stack>
  )
}
