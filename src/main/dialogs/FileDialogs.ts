/** Native open/save dialogs in Electron; paths handed over by the test in the browser harness. */
export interface FileDialogs {
  pickCsvToOpen(): Promise<string | null>
  pickCsvToSave(suggestedName: string): Promise<string | null>
  pickPdfToSave(suggestedName: string): Promise<string | null>
  /** A catalog source: products or orders as CSV or JSON, the knowledge base as JSON. */
  pickCatalogFileToOpen(kind: 'products' | 'orders' | 'knowledge'): Promise<string | null>
}
