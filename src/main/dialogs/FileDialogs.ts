/** Native open/save dialogs in Electron; paths handed over by the test in the browser harness. */
export interface FileDialogs {
  pickCsvToOpen(): Promise<string | null>
  pickCsvToSave(suggestedName: string): Promise<string | null>
}
