import { z } from 'zod'
import { LeavePromptSchema } from '../../app/leavePrompt'
import { route } from '../route'

const none = z.object({}).strict()

export const appRoutes = {
  'app.info': route({
    input: none,
    output: z
      .object({
        version: z.string(),
        dataDir: z.string(),
        runtime: z.enum(['electron', 'harness'])
      })
      .strict()
  }),
  /** The page's unsaved edits, worded for a leave prompt; null once everything is saved. */
  'app.leavePrompt': route({
    input: z.object({ prompt: LeavePromptSchema.nullable() }).strict(),
    output: z.null()
  })
}
