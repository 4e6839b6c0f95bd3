import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import { useRequest } from './useRequest'

/** A quiet status line: where the session database lives and which build is running. */
export function AppFooter(): JSX.Element {
  const { t } = useTranslation()
  const { data: info, error } = useRequest('app.info', {})
  const dataDir = info?.dataDir ?? (error ? t('footer.unavailable') : '…')
  return (
    <Box
      component="footer"
      sx={{
        display: 'flex',
        gap: 2,
        px: 2,
        py: 0.5,
        borderTop: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        color: 'text.secondary'
      }}
    >
      <Tooltip title={dataDir}>
        <Typography variant="caption" noWrap sx={{ minWidth: 0, flex: 1 }}>
          {t('footer.dataFolder')} <span data-testid="data-dir">{dataDir}</span>
        </Typography>
      </Tooltip>
      {info && (
        <Typography variant="caption" noWrap>
          v{info.version} · {info.runtime}
        </Typography>
      )}
    </Box>
  )
}
