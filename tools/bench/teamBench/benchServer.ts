import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { ClientConfig } from 'pg'
import { startLocalPostgres, stopLocalPostgres } from '../../postgres/localPostgres'

/** Where the benchmark's databases live: a scratch local server, or the one of TEAM_DB_URL. */
export interface BenchServer {
  /** Said in the output: never the URL (it may hold a password). */
  label: string
  /** A new empty database: its connection (as the server's login). */
  create: () => Promise<ClientConfig>
  /** Drops a database `create` made (connections to it are cut). */
  drop: (config: ClientConfig) => Promise<void>
  /** Drops what is left and stops a scratch server. */
  close: () => Promise<void>
}

/** TEAM_DB_URL's connection with another database: the URL's own fields, as pg parses them. */
export function withDatabase(url: string, database: string): ClientConfig {
  const target = new URL(url)
  target.pathname = `/${database}`
  return { connectionString: target.toString() }
}

/**
 * TEAM_DB_URL when set (its login needs CREATEDB: the benchmark makes databases of its own and
 * drops them, never touching the one named), else a scratch server on 127.0.0.1 with
 * `throwaway` durability (no fsync) unless `durable`.
 */
export async function openBenchServer(options: { durable: boolean }): Promise<BenchServer> {
  const url = process.env['TEAM_DB_URL']
  const local = url
    ? null
    : await startLocalPostgres({
        dir: mkdtempSync(join(tmpdir(), 'voice-console-bench-pg-')),
        throwaway: !options.durable
      })
  const admin: ClientConfig = local ? local.config() : { connectionString: url }
  const made = new Set<string>()
  const onAdmin = async (statement: string): Promise<void> => {
    const client = new pg.Client(admin)
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }
  const dropNamed = async (database: string): Promise<void> => {
    await onAdmin(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`)
    made.delete(database)
  }
  return {
    label: local
      ? `scratch local PostgreSQL (127.0.0.1, TCP${options.durable ? '' : ', fsync off'})`
      : 'TEAM_DB_URL',
    create: async () => {
      const database = `bench_team_${randomBytes(4).toString('hex')}`
      await onAdmin(`CREATE DATABASE ${pg.escapeIdentifier(database)}`)
      made.add(database)
      return local ? local.config(database) : withDatabase(url!, database)
    },
    drop: async (config) => {
      const database = config.database ?? new URL(String(config.connectionString)).pathname.slice(1)
      await dropNamed(database)
    },
    close: async () => {
      try {
        for (const database of [...made]) await dropNamed(database)
      } finally {
        if (local) stopLocalPostgres(local.dir, { remove: true })
      }
    }
  }
}
