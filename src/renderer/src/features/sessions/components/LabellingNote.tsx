import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Typography from '@mui/material/Typography'
import type { CallLabellingInfo } from '@shared/live-call/recordedCall'

/** Who labelled the call's sentiment and scenario, and why the lexicons did when they did. */
export function LabellingNote({ labels }: { labels: CallLabellingInfo }): JSX.Element | null {
  const { t } = useTranslation('sessionDetail')
  if (labels === null) return null
  const who =
    labels.by === 'model' && labels.model !== null
      ? t('labels.byModel', { model: labels.model })
      : t('labels.byLexicon')
  const why = labels.reason === null ? null : t(`labels.reason.${labels.reason}`)
  return (
    <Typography variant="body2" color="text.secondary" data-testid="labelled-by">
      {why === null ? who : `${who} — ${why}`}
      {labels.error !== null && (
        <Typography component="span" variant="caption" sx={{ display: 'block' }}>
          {labels.error}
        </Typography>
      )}
    </Typography>
  )
}
