import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import IconButton from '@mui/material/IconButton'
import Tooltip from '@mui/material/Tooltip'
import HelpOutlineIcon from '@mui/icons-material/HelpOutlineOutlined'
import type { GlossaryTerm } from './glossaryTerms'

/**
 * A small (?) beside a term that says what it means in plain words: on hover, on keyboard focus
 * (it is a button, so Tab reaches it) and to screen readers (the question is its name, the
 * meaning its description).
 */
export function TermHelp({ term }: { term: GlossaryTerm }): JSX.Element {
  const { t } = useTranslation('glossary')
  const name = t(`terms.${term}.name`)
  const plain = t(`terms.${term}.plain`)
  return (
    <Tooltip title={plain} describeChild enterTouchDelay={0}>
      <IconButton
        size="small"
        aria-label={t('ui.ask', { term: name })}
        data-testid={`term-help-${term}`}
        sx={{ p: 0.25, ml: 0.25, verticalAlign: 'text-bottom', color: 'text.secondary' }}
      >
        <HelpOutlineIcon sx={{ fontSize: 16 }} />
      </IconButton>
    </Tooltip>
  )
}
