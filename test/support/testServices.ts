import { createServices, type ServiceOptions, type Services } from '../../src/main/services'
import { SqliteSessionDatabase } from '../../src/main/database/sqlite/SqliteSessionDatabase'
import { RESOURCES_DIR } from './tempDir'

/** Dialogs that answer like a user who cancels, unless a test says which path is picked. */
export const cancelledDialogs = (open: string | null = null): ServiceOptions['dialogs'] => ({
  pickCsvToOpen: async () => open,
  pickCsvToSave: async () => null,
  pickPdfToSave: async () => null,
  pickCatalogFileToOpen: async () => open
})

/** The real main-process services on a temp data folder, with test-friendly defaults. */
export function createTestServices(
  dataDir: string,
  overrides: Partial<ServiceOptions> = {}
): Promise<Services> {
  return createServices({
    dataDir,
    resourcesDir: RESOURCES_DIR,
    version: '0.0.0-test',
    runtime: 'harness',
    dialogs: cancelledDialogs(),
    emit: () => {},
    ...overrides
  })
}

/** The services' database as this desk's SQLite file (tests that set rows up by hand). */
export function deskDatabaseOf(services: Services): SqliteSessionDatabase {
  const { database } = services.store
  if (!(database instanceof SqliteSessionDatabase))
    throw new Error(`these services record on ${services.database.backend}, not a desk's SQLite`)
  return database
}
