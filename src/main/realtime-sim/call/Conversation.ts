import { newId } from './ids'

/** The default conversation's item order, for `previous_item_id`. */
export class Conversation {
  readonly id = newId('conv')
  private readonly order: string[] = []

  /** Appends an item; returns the id of the item before it (null for the first). */
  add(itemId: string, previousItemId?: string | null): string | null {
    if (previousItemId === undefined || previousItemId === null) {
      this.order.push(itemId)
      return this.order.at(-2) ?? null
    }
    const at = this.order.indexOf(previousItemId)
    this.order.splice(at + 1, 0, itemId)
    return previousItemId
  }

  has(itemId: string): boolean {
    return this.order.includes(itemId)
  }

  previousOf(itemId: string): string | null {
    const at = this.order.indexOf(itemId)
    return at > 0 ? (this.order[at - 1] ?? null) : null
  }
}
