import type { JSX } from 'react'
import Alert from '@mui/material/Alert'
import { useTranslation } from 'react-i18next'
import { dateTimeFormat } from '@renderer/i18n'
import type { EscalationRules } from '@shared/escalation/escalationRules'

/**
 * In team mode, whose rules the thresholds are (the team's, or this desk's until the team saved
 * any) and why the team's are not in use when they cannot be. Nothing on a desk of its own.
 */
export function RulesSourceNote({ rules }: { rules: EscalationRules }): JSX.Element | null {
  const { t } = useTranslation('monitor')
  if (rules.mode === 'desk') return null
  const { problem } = rules
  if (problem)
    return (
      <Alert severity="warning" data-testid="rules-source">
        {problem.reason === 'invalid'
          ? t('rulesTab.source.invalid', { detail: problem.detail ?? '' })
          : rules.source === 'team'
            ? t('rulesTab.source.unreadableKept')
            : t('rulesTab.source.unreadable')}
      </Alert>
    )
  if (rules.source === 'desk' || rules.updatedAt === null)
    return (
      <Alert severity="info" data-testid="rules-source">
        {t('rulesTab.source.teamRulesNone')}
      </Alert>
    )
  const at = dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(rules.updatedAt)
  )
  return (
    <Alert severity="info" data-testid="rules-source">
      {rules.updatedBy
        ? t('rulesTab.source.teamRules', { seat: rules.updatedBy, at })
        : t('rulesTab.source.teamRulesNoSeat', { at })}
    </Alert>
  )
}
