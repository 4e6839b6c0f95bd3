import type { AgentToolName } from '../catalog/agentTools'
import { expandQuery, foldText } from '../catalog/outdoorGlossary'

/** The catalog tool the console runs for a GPT-Live client delegation, and its arguments. */
export interface DelegationPlan {
  name: AgentToolName
  arguments: Record<string, unknown>
}

// GPT-Live's `session.delegation.created` carries an id, not the task (docs/gpt-live.md,
// "Tools: client delegation"): the console reads the task from what the caller said. This is a
// rule-based reading in the catalog's own terms, so a call gives the same tool card on replay;
// a model-backed planner would be the place for anything it cannot read.

const ORDER_ID = /\b(?:og|ord|order)?[-\s#]?(\d{5,})\b/i
const ORDER_WORDS = /\b(order|pedido|commande|tracking|seguimiento|suivi|delivery status)\b/
const POLICY_WORDS =
  /\b(return|refund|exchange|shipping|ship|warranty|guarantee|price match|loyalty|devolucion|devolver|reembolso|envio|garantia|retour|rembourse|livraison|garantie)\w*/

/** English catalog words (after the glossary) → the category search_products filters on. */
const CATEGORY_WORDS: readonly [RegExp, string][] = [
  [/\b(boots?|shoes?|sandals?|footwear)\b/, 'footwear'],
  [/\b(tents?|sleeping bag|stoves?|camping)\b/, 'camping'],
  [/\b(harness|climbing|carabiners?|ropes?)\b/, 'climbing'],
  [/\b(jackets?|pants|fleece|clothing)\b/, 'clothing'],
  [/\b(bottles?|hydration|water filter)\b/, 'hydration'],
  [/\b(headlamps?|lanterns?|lighting)\b/, 'lighting'],
  [/\b(backpacks?|daypacks?)\b/, 'packs'],
  [/\b(poles|trekking)\b/, 'trekking']
]

const UNITS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5
}
/** Spanish hundreds are one word; French and English say "<unit> hundred / cents". */
const SPANISH_HUNDREDS: Readonly<Record<string, number>> = {
  cien: 100,
  ciento: 100,
  doscientos: 200,
  trescientos: 300,
  cuatrocientos: 400,
  quinientos: 500,
  seiscientos: 600,
  setecientos: 700,
  ochocientos: 800,
  novecientos: 900
}
const BELOW = /\b(under|below|less than|up to|max|maximum|menos de|hasta|moins de|jusqu a)\b/

/** "under two hundred dollars", "menos de doscientos", "moins de 150 euros" → the number. */
export function maxPriceOf(folded: string): number | undefined {
  const at = folded.search(BELOW)
  if (at < 0) return undefined
  const words = folded.slice(at).split(' ').slice(0, 8)
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    if (/^\d+$/.test(word)) return Number(word)
    const spanish = SPANISH_HUNDREDS[word]
    if (spanish !== undefined) return spanish
    const unit = UNITS[word]
    const next = words[i + 1]
    if (unit !== undefined && (next === 'hundred' || next === 'cent' || next === 'cents'))
      return unit * 100
  }
  return undefined
}

/** What to run for a delegation, from the caller's words since the agent last answered. */
export function planDelegation(callerText: string): DelegationPlan {
  const query = callerText.trim() || 'products'
  const folded = foldText(query)
  const orderId = ORDER_WORDS.test(folded) ? ORDER_ID.exec(query)?.[1] : undefined
  if (orderId) return { name: 'lookup_order', arguments: { order_id: orderId } }
  if (POLICY_WORDS.test(folded)) return { name: 'search_policies', arguments: { query } }
  const english = foldText(expandQuery(query))
  const category = CATEGORY_WORDS.find(([words]) => words.test(english))?.[1]
  const maxPrice = maxPriceOf(folded)
  return {
    name: 'search_products',
    arguments: {
      query,
      ...(category && { category }),
      ...(maxPrice !== undefined && { max_price: maxPrice })
    }
  }
}
