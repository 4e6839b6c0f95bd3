import type { FileDialogs } from '../../src/main/dialogs/FileDialogs'

/**
 * File dialogs for the browser harness: a test queues the path the "user" will pick (or null to
 * cancel) before clicking Import or Export. With nothing queued, the dialog is cancelled.
 */
export class HarnessDialogs implements FileDialogs {
  private readonly opens: (string | null)[] = []
  private readonly saves: (string | null)[] = []

  queueOpen(path: string | null): void {
    this.opens.push(path)
  }

  queueSave(path: string | null): void {
    this.saves.push(path)
  }

  async pickCsvToOpen(): Promise<string | null> {
    return this.opens.shift() ?? null
  }

  async pickCatalogFileToOpen(): Promise<string | null> {
    return this.opens.shift() ?? null
  }

  async pickCsvToSave(): Promise<string | null> {
    return this.saves.shift() ?? null
  }

  async pickPdfToSave(): Promise<string | null> {
    return this.saves.shift() ?? null
  }
}
