import type { JSX } from 'react'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { IpcErrorAlert } from '@renderer/app/IpcErrorAlert'
import { useRequest } from '@renderer/app/useRequest'
import { formatUsd } from './formatUsd'

/** The whole catalog in use (shipped or imported), for browsing. */
export function CatalogProductTable({ refreshKey }: { refreshKey: number }): JSX.Element {
  const { data, error, loading } = useRequest('catalog.products', {}, refreshKey)
  if (error) return <IpcErrorAlert error={error} />
  return (
    <Paper variant="outlined">
      {loading && <LinearProgress aria-label="Loading products" />}
      <Table size="small" aria-label="Products">
        <TableHead>
          <TableRow>
            <TableCell>SKU</TableCell>
            <TableCell>Name</TableCell>
            <TableCell>Category</TableCell>
            <TableCell align="right">Price</TableCell>
            <TableCell>In stock</TableCell>
            <TableCell align="right">Rating</TableCell>
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
              <TableCell>{p.in_stock ? 'Yes' : 'No'}</TableCell>
              <TableCell align="right">{p.rating.toFixed(1)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  )
}
