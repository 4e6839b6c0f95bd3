import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { useRequest } from '@renderer/app/useRequest'
import { numberFormat } from '@renderer/i18n'
import { formatUsd } from './formatUsd'

/** The whole catalog in use (shipped or imported), for browsing. */
export function CatalogProductTable({ refreshKey }: { refreshKey: number }): JSX.Element {
  const { t } = useTranslation('catalog')
  const { data, error, loading } = useRequest('catalog.products', {}, refreshKey)
  const rating = numberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 1 })
  if (error) return <IpcErrorAlert error={error} />
  return (
    <Paper variant="outlined">
      {loading && <LinearProgress aria-label={t('products.loading')} />}
      <Table size="small" aria-label={t('products.label')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('products.sku')}</TableCell>
            <TableCell>{t('products.name')}</TableCell>
            <TableCell>{t('products.category')}</TableCell>
            <TableCell align="right">{t('products.price')}</TableCell>
            <TableCell>{t('products.inStock')}</TableCell>
            <TableCell align="right">{t('products.rating')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data?.map((p) => (
            <TableRow key={p.id} data-testid="catalog-product-row">
              <TableCell>{p.sku}</TableCell>
              <TableCell>{p.name}</TableCell>
              <TableCell>
                {p.category} / {p.subcategory}
              </TableCell>
              <TableCell align="right">{formatUsd(p.price_usd)}</TableCell>
              <TableCell>{p.in_stock ? t('products.yes') : t('products.no')}</TableCell>
              <TableCell align="right">{rating.format(p.rating)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  )
}
