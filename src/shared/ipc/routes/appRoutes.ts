import { z } from 'zod'
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
  })
}
