/** Bytes kept to start with; doubled as needed. */
const FIRST_BYTES = 1 << 20

/**
 * Texts gathered as their UTF-8 bytes and made strings all at once: one decode of the whole
 * and a split, about half the CPU of a string per row at a million ids. The texts are
 * PostgreSQL's, which never hold a NUL character, so NUL separates them.
 */
export class IdTexts {
  private bytes = Buffer.allocUnsafe(FIRST_BYTES)
  private used = 0
  private count = 0

  /** Appends the text of buffer[from, to). */
  add(buffer: Buffer, from: number, to: number): void {
    const needed = this.used + (to - from) + 1
    if (needed > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(needed, this.bytes.length * 2))
      this.bytes.copy(bigger, 0, 0, this.used)
      this.bytes = bigger
    }
    const bytes = this.bytes
    let at = this.used
    // Ids are short: a loop beats a native copy's call.
    for (let i = from; i < to; i++) bytes[at++] = buffer[i]!
    bytes[at++] = 0
    this.used = at
    this.count++
  }

  /** The texts added, in order. */
  texts(): string[] {
    if (this.count === 0) return []
    const texts = this.bytes.toString('utf8', 0, this.used - 1).split('\0')
    if (texts.length !== this.count) throw new Error('ids: a text held a NUL character')
    return texts
  }
}
