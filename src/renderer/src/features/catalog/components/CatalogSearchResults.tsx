import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Chip from '@mui/material/Chip'
import LinearProgress from '@mui/material/LinearProgress'
import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemText from '@mui/material/ListItemText'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { useRequest } from '@renderer/app/useRequest'
import { numberFormat } from '@renderer/i18n'
import { formatUsd } from './formatUsd'

const RESULTS = 10

/** What the agent's search tools would find for a query: products and passages, scored. */
export function CatalogSearchResults({
  query,
  refreshKey
}: {
  query: string
  refreshKey: number
}): JSX.Element {
  const { t } = useTranslation('catalog')
  const { data, error, loading } = useRequest('catalog.search', { query, k: RESULTS }, refreshKey)
  // Scores to three significant digits, as before, with the UI language's decimal mark.
  const score = numberFormat({ maximumSignificantDigits: 3, minimumSignificantDigits: 3 })
  const ms = numberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 1 })
  if (error) return <IpcErrorAlert error={error} />
  return (
    <Stack spacing={2}>
      {loading && <LinearProgress aria-label={t('results.searching')} />}
      {data && (
        <Typography variant="body2" color="text.secondary" data-testid="catalog-search-time">
          {t('results.summary', {
            products: t('results.products', { count: data.products.length }),
            passages: t('results.passages', { count: data.passages.length }),
            ms: ms.format(data.ms),
            how: data.retrieval === 'hybrid' ? t('results.hybrid') : t('results.lexical')
          })}
        </Typography>
      )}
      <Paper variant="outlined">
        <Typography variant="subtitle1" sx={{ px: 2, pt: 1.5 }}>
          {t('results.productsTitle')}
        </Typography>
        <Table size="small" aria-label={t('results.productsLabel')}>
          <TableHead>
            <TableRow>
              <TableCell align="right">{t('results.score')}</TableCell>
              <TableCell>{t('results.sku')}</TableCell>
              <TableCell>{t('results.name')}</TableCell>
              <TableCell>{t('results.category')}</TableCell>
              <TableCell align="right">{t('results.price')}</TableCell>
              <TableCell>{t('results.stock')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data?.products.map((p) => (
              <TableRow key={p.sku} data-testid="catalog-product-hit">
                <TableCell align="right">{score.format(p.score)}</TableCell>
                <TableCell>{p.sku}</TableCell>
                <TableCell>{p.name}</TableCell>
                <TableCell>{p.category}</TableCell>
                <TableCell align="right">{formatUsd(p.price_usd)}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={p.in_stock ? t('results.inStock') : t('results.outOfStock')}
                    color={p.in_stock ? 'success' : 'default'}
                    variant="outlined"
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {data?.products.length === 0 && (
          <Typography sx={{ p: 2 }} color="text.secondary">
            {t('results.noProducts')}
          </Typography>
        )}
      </Paper>
      <Paper variant="outlined">
        <Typography variant="subtitle1" sx={{ px: 2, pt: 1.5 }}>
          {t('results.passagesTitle')}
        </Typography>
        <List dense aria-label={t('results.passagesLabel')}>
          {data?.passages.map((p) => (
            <ListItem key={p.id} data-testid="catalog-passage-hit" alignItems="flex-start">
              <ListItemText
                primary={`${score.format(p.score)} · ${p.id} · ${p.title}`}
                secondary={p.text}
              />
            </ListItem>
          ))}
        </List>
        {data?.passages.length === 0 && (
          <Typography sx={{ p: 2 }} color="text.secondary">
            {t('results.noPassages')}
          </Typography>
        )}
      </Paper>
    </Stack>
  )
}
