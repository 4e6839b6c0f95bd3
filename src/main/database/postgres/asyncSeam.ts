// The PostgreSQL backend's view of the seam: exactly SessionDatabase.ts (asynchronous since
// issue #17). Kept as one import point for the backend's files.
export { DatabaseBusyError, WriteNotPermittedError } from '../SessionDatabase'
export type * from '../SessionDatabase'
