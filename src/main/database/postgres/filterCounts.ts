/**
 * The number of sessions each recent filter selects, each valid only at the sessions' version
 * it was counted at (the version moves with every committed write to sessions, whichever desk
 * made it). The Sessions screen asks for the total with every page: at a million sessions a
 * COUNT(*) is a pass over the table, so a screen scrolling one filter counts it once.
 */
export class FilterCounts {
  private readonly entries = new Map<string, { version: string; count: number }>()

  constructor(private readonly maxFilters = 32) {}

  get(filterKey: string, version: string): number | undefined {
    const entry = this.entries.get(filterKey)
    if (entry?.version !== version) return undefined
    // Kept in least recently used order: the first key is the next to go.
    this.entries.delete(filterKey)
    this.entries.set(filterKey, entry)
    return entry.count
  }

  set(filterKey: string, version: string, count: number): void {
    this.entries.delete(filterKey)
    this.entries.set(filterKey, { version, count })
    if (this.entries.size > this.maxFilters) {
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.entries.delete(oldest)
    }
  }
}
