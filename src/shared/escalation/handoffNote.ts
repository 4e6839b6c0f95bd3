import type { HandoffFacts } from './handoffFacts'

/**
 * The handoff note as plain text, for a person taking the call over (pasted into a ticket or a
 * chat, so no markup). Stored as the escalate action's note; written in English like the rest
 * of what main stores, whatever language the console shows.
 */
export function handoffNoteText(facts: HandoffFacts, supervisorNote?: string): string {
  const lines = [
    `Handoff — call ${facts.sessionId}`,
    `Caller language: ${facts.language}`,
    `Duration so far: ${durationText(facts.durationMs)}`,
    `Interruptions: ${facts.interruptions}`,
    '',
    'Alerts:',
    ...(facts.alerts.length === 0 ? ['  (none)'] : []),
    ...facts.alerts.flatMap((a) => [
      // The rules' reasons often begin with the rule's own label: said once, not twice.
      `  - ${a.reason.startsWith(a.rule) ? a.reason : `${a.rule}: ${a.reason}`}`,
      ...a.quotes.map((q) => `      “${q}”`)
    ]),
    '',
    'Caller said (latest last):',
    ...(facts.callerLastSaid.length === 0 ? ['  (nothing transcribed)'] : []),
    ...facts.callerLastSaid.map((q) => `  “${q}”`),
    `Agent's last answer: ${facts.agentLastAnswer ? `“${facts.agentLastAnswer}”` : '(none)'}`,
    '',
    'Facts looked up:',
    ...(facts.lookups.length === 0 ? ['  (none)'] : []),
    ...facts.lookups.map(
      (l) =>
        `  - ${l.tool}(${l.query}) → ${
          l.ok ? (l.top.length > 0 ? l.top.join('; ') : 'no results') : `failed: ${l.error}`
        }`
    )
  ]
  if (supervisorNote) lines.push('', `Supervisor's note: ${supervisorNote}`)
  return lines.join('\n')
}

function durationText(ms: number): string {
  const seconds = Math.round(ms / 1000)
  const minutes = Math.floor(seconds / 60)
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`
}
