import { readFileSync } from 'node:fs'
import { z } from 'zod'

export const RagEvalItem = z
  .object({
    lang: z.enum(['en', 'es', 'fr']),
    scenario: z.enum(['product_inquiry', 'order_status', 'complaint', 'return_request', 'faq']),
    tool: z.enum(['search_products', 'search_policies']),
    query: z.string().min(1),
    expected: z.array(z.string().min(1)).min(1)
  })
  .strict()
export type RagEvalItem = z.infer<typeof RagEvalItem>

export const RAG_EVAL_SET = new URL('./ragEvalSet.json', import.meta.url)

export function loadRagEvalSet(): RagEvalItem[] {
  const file = z.object({ about: z.string(), items: z.array(RagEvalItem) }).strict()
  return file.parse(JSON.parse(readFileSync(RAG_EVAL_SET, 'utf8'))).items
}
