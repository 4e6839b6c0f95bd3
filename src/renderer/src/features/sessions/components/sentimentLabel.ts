import { useTranslation } from 'react-i18next'

const LAB_SENTIMENTS = ['positive', 'neutral', 'negative'] as const
type LabSentiment = (typeof LAB_SENTIMENTS)[number]

const isLabSentiment = (value: string): value is LabSentiment =>
  (LAB_SENTIMENTS as readonly string[]).includes(value)

/**
 * The lab's three sentiments in the UI language; any other stored value is data and shows as
 * stored.
 */
export function useSentimentLabel(): (sentiment: string) => string {
  const { t } = useTranslation('sessions')
  return (sentiment) => (isLabSentiment(sentiment) ? t(`sentiment.${sentiment}`) : sentiment)
}
