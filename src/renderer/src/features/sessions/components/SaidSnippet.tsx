import type { JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import type { SaidMatch } from '@shared/sessions/saidSearch'
import { NO_FIGURE } from './formatFigure'

/** Where the search's words were said: who said them, and the words in context, hits in bold. */
export function SaidSnippet({ match }: { match: SaidMatch | undefined }): JSX.Element {
  const { t } = useTranslation('sessions')
  if (!match) return <span>{NO_FIGURE}</span>
  const speaker = t(`table.speaker.${match.speaker}`)
  const text = match.parts.map((part) => part.text).join('')
  return (
    <span title={`${speaker}: ${text}`} data-testid="said-snippet">
      <Box component="span" sx={{ color: 'text.secondary', mr: 0.5 }}>
        {speaker}:
      </Box>
      {match.parts.map((part, index) =>
        part.hit ? (
          <Box
            component="mark"
            key={index}
            sx={{ fontWeight: 700, bgcolor: 'action.selected', color: 'inherit', px: 0.25 }}
          >
            {part.text}
          </Box>
        ) : (
          <span key={index}>{part.text}</span>
        )
      )}
    </span>
  )
}
