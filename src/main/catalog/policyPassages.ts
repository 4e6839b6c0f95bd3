import type { KnowledgeBase } from '../../shared/catalog/catalogSchemas'

export interface PolicyPassage {
  /** section id with passage number (return_policy#2), FAQ id (F003) or guide id (G001). */
  id: string
  title: string
  text: string
}

const SENTENCES_PER_PASSAGE = 2

/** Policy sections split into passages of two sentences; FAQs and guides whole. */
export function policyPassages(kb: KnowledgeBase): PolicyPassage[] {
  const passages: PolicyPassage[] = []
  for (const [id, section] of Object.entries(kb.sections)) {
    // Sentences end at . ! ? before a space and a capital or digit: not inside $24.99.
    const sentences = section.content.trim().split(/(?<=[.!?])\s+(?=[A-Z0-9])/)
    for (let i = 0; i < sentences.length; i += SENTENCES_PER_PASSAGE) {
      passages.push({
        id: `${id}#${i / SENTENCES_PER_PASSAGE + 1}`,
        title: section.title,
        text: sentences
          .slice(i, i + SENTENCES_PER_PASSAGE)
          .join(' ')
          .trim()
      })
    }
  }
  for (const faq of kb.faqs) passages.push({ id: faq.id, title: faq.question, text: faq.answer })
  for (const guide of kb.product_guides)
    passages.push({ id: guide.id, title: guide.title, text: guide.content })
  return passages
}
