import type { JSX } from 'react'
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
  const { data, error, loading } = useRequest('catalog.search', { query, k: RESULTS }, refreshKey)
  if (error) return <IpcErrorAlert error={error} />
  return (
    <Stack spacing={2}>
      {loading && <LinearProgress aria-label="Searching" />}
      {data && (
        <Typography variant="body2" color="text.secondary" data-testid="catalog-search-time">
          {data.products.length} products and {data.passages.length} passages in{' '}
          {data.ms.toFixed(1)} ms (
          {data.retrieval === 'hybrid'
            ? 'hybrid: lexical and vector rankings fused, scores by reciprocal rank'
            : 'lexical search with the es/fr glossary'}
          )
        </Typography>
      )}
      <Paper variant="outlined">
        <Typography variant="subtitle1" sx={{ px: 2, pt: 1.5 }}>
          Products
        </Typography>
        <Table size="small" aria-label="Matching products">
          <TableHead>
            <TableRow>
              <TableCell align="right">Score</TableCell>
              <TableCell>SKU</TableCell>
              <TableCell>Name</TableCell>
              <TableCell>Category</TableCell>
              <TableCell align="right">Price</TableCell>
              <TableCell>Stock</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data?.products.map((p) => (
              <TableRow key={p.sku} data-testid="catalog-product-hit">
                <TableCell align="right">{p.score.toPrecision(3)}</TableCell>
                <TableCell>{p.sku}</TableCell>
                <TableCell>{p.name}</TableCell>
                <TableCell>{p.category}</TableCell>
                <TableCell align="right">{formatUsd(p.price_usd)}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={p.in_stock ? 'in stock' : 'out of stock'}
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
            No product matches.
          </Typography>
        )}
      </Paper>
      <Paper variant="outlined">
        <Typography variant="subtitle1" sx={{ px: 2, pt: 1.5 }}>
          Policies, FAQs and guides
        </Typography>
        <List dense aria-label="Matching passages">
          {data?.passages.map((p) => (
            <ListItem key={p.id} data-testid="catalog-passage-hit" alignItems="flex-start">
              <ListItemText
                primary={`${p.score.toPrecision(3)} · ${p.id} · ${p.title}`}
                secondary={p.text}
              />
            </ListItem>
          ))}
        </List>
        {data?.passages.length === 0 && (
          <Typography sx={{ p: 2 }} color="text.secondary">
            No passage matches.
          </Typography>
        )}
      </Paper>
    </Stack>
  )
}
