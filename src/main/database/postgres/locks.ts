// Advisory lock keys of this backend (per database; numbers no other tool of ours uses).

/** Held while migrations run, so two desks starting at once migrate one after the other. */
export const MIGRATION_LOCK = 1_917_001

/**
 * The write lock: every transaction holds it shared (desks never wait for each other), an
 * import's commit holds it exclusively for its id checks and copy, as SQLite's write lock.
 * transactionNow only tries it (pg_try_advisory_xact_lock_shared): busy at once, never a wait.
 */
export const WRITE_LOCK = 1_917_002

/**
 * A gateway's lease on a call's sideband: the two-key form (this class, hashtext(call_id)),
 * held at session level on the instance's lease connection (docs/gateway.md "Leases").
 */
export const CALL_LEASE_LOCK = 1_917_003
