import { useState, type JSX } from 'react'
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
import { CatalogImportMenu } from './CatalogImportMenu'

const STATE_LABEL: Record<CatalogStatus['index']['state'], string> = {
  off: 'Vector search off',
  stale: 'Index out of date',
  building: 'Indexing…',
  ready: 'Index ready',
  failed: 'Indexing failed'
}
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
}

/** Where the agent's facts come from, how they are indexed, and the controls to change that. */
export function CatalogIndexPanel({ status, progress }: CatalogIndexPanelProps): JSX.Element {
  const [error, setError] = useState<IpcError | null>(null)
  const { sources, index } = status
  const building = index.state === 'building'
  const rebuild = (): void => {
    setError(null)
    request('catalog.reindex', { full: true }).catch((failure: unknown) =>
      setError(toIpcError('catalog.reindex', failure))
    )
  }
  const percent = progress && progress.total ? (100 * progress.done) / progress.total : 0

  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-label="Catalog sources and index">
      <Stack direction="row" spacing={3} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <SourceFigure label="Products" source={sources.products} />
        <SourceFigure label="Orders" source={sources.orders} />
        <SourceFigure label="Knowledge passages" source={sources.knowledge} />
        <Stack spacing={0.5}>
          <Chip
            size="small"
            color={STATE_COLOR[index.state]}
            label={STATE_LABEL[index.state]}
            sx={{ alignSelf: 'flex-start' }}
            data-testid="catalog-index-state"
          />
          <Typography variant="caption" color="text.secondary">
            {index.provider
              ? `${index.provider}: ${index.products} products, ${index.passages} passages`
              : 'No embedding provider'}
            {' · '}search: {status.retrieval === 'hybrid' ? 'hybrid (lexical + vector)' : 'lexical'}
          </Typography>
          {index.lastRun && index.builtAt !== null && (
            <Typography variant="caption" color="text.secondary" data-testid="catalog-last-run">
              Last run {new Date(index.builtAt).toLocaleTimeString()}: embedded{' '}
              {index.lastRun.embedded} in {(index.lastRun.ms / 1000).toFixed(1)} s
            </Typography>
          )}
        </Stack>
        <Stack direction="row" spacing={1} sx={{ ml: 'auto' }}>
          <CatalogImportMenu />
          <Button variant="outlined" onClick={rebuild} disabled={building || index.state === 'off'}>
            Rebuild index
          </Button>
        </Stack>
      </Stack>
      {building && (
        <Stack spacing={0.5} sx={{ mt: 1.5 }}>
          <LinearProgress
            variant={progress ? 'determinate' : 'indeterminate'}
            value={percent}
            aria-label="Indexing progress"
            data-testid="catalog-index-progress"
          />
          <Typography variant="caption" color="text.secondary">
            {progress
              ? `Embedding ${progress.phase}: ${progress.done} of ${progress.total}`
              : 'Checking what changed…'}
          </Typography>
        </Stack>
      )}
      {index.state === 'failed' && index.error && (
        <Alert severity="error" sx={{ mt: 1.5 }}>
          Indexing failed: {index.error}. Until it succeeds the agent&apos;s tools use lexical
          search.
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
  return (
    <Stack spacing={0.25}>
      <Typography variant="h6" component="p">
        {source.count}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {label} · {source.origin}
      </Typography>
    </Stack>
  )
}
