// What the agent is told for each canned instruction. Sent in English whatever the UI
// language: the agent answers in the caller's language anyway, and one wording is easier to
// tune. The buttons' labels are translated (monitor.json, actions.instruct.presets).

export const CANNED_INSTRUCTIONS = {
  apologise:
    'Supervisor instruction: apologise to the caller now, briefly and sincerely, for the ' +
    'trouble on this call, then carry on helping.',
  callback:
    'Supervisor instruction: offer the caller a callback from a member of staff; ask for the ' +
    'best number and time, and confirm them back.',
  handover:
    'Supervisor instruction: tell the caller you are handing them over to a human colleague ' +
    'now, thank them for their patience, and stop trying to solve the issue yourself.'
} as const
export type CannedInstruction = keyof typeof CANNED_INSTRUCTIONS
