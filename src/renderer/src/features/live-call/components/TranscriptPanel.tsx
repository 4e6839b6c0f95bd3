import { useEffect, useMemo, useRef, type JSX } from 'react'
import { useTranslation } from 'react-i18next'
import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { alpha } from '@mui/material/styles'
import { transcriptItems, type TranscriptItem } from '@shared/live-call/liveView'
import { useCallView } from '../store/callView'

/** Caller and agent rows, streaming; a cut answer shows what was not heard struck through. */
export function TranscriptPanel(): JSX.Element {
  const { t } = useTranslation('liveCall')
  const call = useCallView((s) => s.call)
  const items = useMemo(() => transcriptItems(call), [call])
  const end = useRef<HTMLDivElement>(null)
  // Braces: newer Chromium returns a promise from scrollIntoView, which React would take for
  // the effect's cleanup.
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' })
  }, [items.length])
  return (
    <Paper
      variant="outlined"
      data-testid="live-transcript"
      sx={{ flex: 1, minHeight: 0, overflow: 'auto', p: 2 }}
    >
      {items.length === 0 && (
        <Typography color="text.secondary" sx={{ fontSize: 18 }}>
          {t('transcript.empty')}
        </Typography>
      )}
      {items.map((item) => (
        <TranscriptRow key={`${item.who}-${item.id}`} item={item} />
      ))}
      <div ref={end} />
    </Paper>
  )
}

function TranscriptRow({ item }: { item: TranscriptItem }): JSX.Element {
  if (item.who === 'supervisor') return <InstructionRow text={item.text} />
  return <SpeakerRow item={item} />
}

/** What the supervisor told the agent: across the panel, apart from what was said aloud. */
function InstructionRow({ text }: { text: string }): JSX.Element {
  const { t } = useTranslation('liveCall')
  return (
    <Box
      data-testid="transcript-supervisor"
      sx={{
        mb: 1.5,
        mx: 4,
        px: 2,
        py: 0.75,
        borderLeft: 3,
        borderColor: 'warning.main',
        bgcolor: 'action.hover'
      }}
    >
      <Typography variant="caption" color="text.secondary" sx={{ fontWeight: 600 }}>
        {t('transcript.instruction')}
      </Typography>
      <Typography sx={{ fontStyle: 'italic' }}>{text}</Typography>
    </Box>
  )
}

function SpeakerRow({
  item
}: {
  item: Exclude<TranscriptItem, { who: 'supervisor' }>
}): JSX.Element {
  const { t } = useTranslation('liveCall')
  const caller = item.who === 'caller'
  return (
    <Box
      data-testid={`transcript-${item.who}`}
      sx={{ display: 'flex', justifyContent: caller ? 'flex-start' : 'flex-end', mb: 1.5 }}
    >
      <Box
        sx={(theme) => ({
          maxWidth: '80%',
          px: 2,
          py: 1,
          borderRadius: 3,
          border: 1,
          // Tints of the theme, so the bubbles read on a light or a dark panel alike.
          bgcolor: caller ? 'action.hover' : alpha(theme.palette.primary.main, 0.1),
          borderColor: caller ? 'divider' : alpha(theme.palette.primary.main, 0.5)
        })}
      >
        <Typography variant="caption" color="text.secondary" sx={{ fontWeight: 600 }}>
          {caller ? t('transcript.caller') : t('transcript.agent')}
          {caller && item.kind === 'barge_in' ? ` · ${t('transcript.cutIn')}` : ''}
          {caller && item.kind === 'backchannel' ? ` · ${t('transcript.backchannel')}` : ''}
          {!caller && item.cut ? ` · ${t('transcript.cutOff')}` : ''}
        </Typography>
        <Typography sx={{ fontSize: 20, lineHeight: 1.45, opacity: item.final ? 1 : 0.75 }}>
          {item.who === 'agent' && item.cut ? <CutText item={item} /> : item.text || '…'}
        </Typography>
      </Box>
    </Box>
  )
}

function CutText({ item }: { item: Extract<TranscriptItem, { who: 'agent' }> }): JSX.Element {
  const { t } = useTranslation('liveCall')
  const heard = item.cut?.heard
  if (!heard) return <s data-testid="unheard-text">{item.text}</s>
  return (
    <>
      {heard.heardText}
      {heard.unheardText && (
        <>
          {' '}
          <Box
            component="s"
            data-testid="unheard-text"
            sx={{ color: 'text.disabled' }}
            title={t('transcript.unheard')}
          >
            {heard.unheardText}
          </Box>
        </>
      )}
    </>
  )
}
