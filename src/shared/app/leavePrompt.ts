import { z } from 'zod'

const words = z.string().trim().min(1).max(2000)

/**
 * The question to ask before the window unloads with unsaved edits, in the UI language (main
 * has no words of its own in Spanish or French). Electron cancels the unload silently when the
 * page objects; main asks this with a native dialog instead.
 */
export const LeavePromptSchema = z
  .object({ title: words, detail: words, discard: words, keepEditing: words })
  .strict()
export type LeavePrompt = z.output<typeof LeavePromptSchema>
