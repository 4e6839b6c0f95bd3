import { useState, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { SearchField } from '@renderer/app/SearchField'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { useCatalogStatus } from '../hooks/useCatalogStatus'
import { useDebouncedValue } from '../hooks/useDebouncedValue'
import { CatalogIndexPanel } from './CatalogIndexPanel'
import { CatalogProductTable } from './CatalogProductTable'
import { CatalogSearchResults } from './CatalogSearchResults'

/** Browse the catalog, see what the agent's search would find for a caller, manage the index. */
export function CatalogScreen(): JSX.Element {
  const { t } = useTranslation('catalog')
  const [text, setText] = useState('')
  const query = useDebouncedValue(text.trim(), 250)
  const { status, progress, justFinished, error, sourcesVersion } = useCatalogStatus()
  return (
    <Stack spacing={2} sx={{ flex: 1, minWidth: 0, minHeight: 0, p: 2, overflow: 'auto' }}>
      <Typography variant="h5" component="h1">
        {t('screen.title')}
      </Typography>
      {error && <IpcErrorAlert error={error} />}
      {status && (
        <CatalogIndexPanel status={status} progress={progress} justFinished={justFinished} />
      )}
      <Box>
        <SearchField
          label={t('screen.searchLabel')}
          placeholder={t('screen.searchPlaceholder')}
          value={text}
          onChange={setText}
          width={480}
        />
      </Box>
      {query ? (
        <CatalogSearchResults
          query={query}
          refreshKey={sourcesVersion + (status?.index.builtAt ?? 0)}
        />
      ) : (
        <CatalogProductTable refreshKey={sourcesVersion} />
      )}
    </Stack>
  )
}
