import type { ServerItem } from '../../../shared/realtime/serverEvents'
import { newId } from './ids'

/**
 * The default conversation: its item order (for `previous_item_id`) and the items themselves,
 * kept by reference so `conversation.item.retrieve` sees them as they are now (a user item's
 * transcript once transcribed, an answer's final status).
 */
/** `previous_item_id` that places an item first (used by the Agents SDK's history edits). */
export const CONVERSATION_ROOT = 'root'

export class Conversation {
  readonly id = newId('conv')
  private readonly order: string[] = []
  private readonly items = new Map<string, ServerItem>()

  /** Appends an item (or just its id); returns the id of the item before it (null if first). */
  add(entry: ServerItem | string, previousItemId?: string | null): string | null {
    const itemId = typeof entry === 'string' ? entry : entry.id
    if (typeof entry !== 'string') this.items.set(itemId, entry)
    if (previousItemId === undefined || previousItemId === null) {
      this.order.push(itemId)
      return this.order.at(-2) ?? null
    }
    if (previousItemId === CONVERSATION_ROOT) {
      this.order.unshift(itemId)
      return null
    }
    const at = this.order.indexOf(previousItemId)
    this.order.splice(at + 1, 0, itemId)
    return previousItemId
  }

  has(itemId: string): boolean {
    return this.order.includes(itemId)
  }

  item(itemId: string): ServerItem | undefined {
    return this.has(itemId) ? this.items.get(itemId) : undefined
  }

  /** Removes an item from the conversation; false when it was not there. */
  delete(itemId: string): boolean {
    const at = this.order.indexOf(itemId)
    if (at < 0) return false
    this.order.splice(at, 1)
    this.items.delete(itemId)
    return true
  }

  previousOf(itemId: string): string | null {
    const at = this.order.indexOf(itemId)
    return at > 0 ? (this.order[at - 1] ?? null) : null
  }
}
