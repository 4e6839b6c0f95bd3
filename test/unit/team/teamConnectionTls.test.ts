import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testTeamConnection } from '../../../src/main/settings/testTeamConnection'
import type { TeamConnection } from '../../../src/shared/settings/teamSettings'
import {
  hasOpenssl,
  selfSignedCert,
  type SelfSignedCert
} from '../realtime-sim/support/selfSignedCert'
import { skipWithoutPostgres, usePostgres } from '../../support/postgres'

// A server that takes TCP connections only over TLS (pg_hba hostssl), with a self-signed
// certificate for 127.0.0.1 made by openssl at test time.
describe.skipIf(skipWithoutPostgres || (!hasOpenssl && !process.env['CI']))(
  'Test team connection and TLS (sslmode), on a real PostgreSQL',
  () => {
    let cert: SelfSignedCert | undefined
    const postgres = usePostgres({
      password: true,
      tls: () => {
        cert = selfSignedCert()
        return { certFile: cert.certFile, keyFile: cert.keyFile, only: true }
      }
    })
    const connection = (more: Partial<TeamConnection>): TeamConnection => ({
      host: '127.0.0.1',
      port: postgres.server().port,
      database: 'postgres',
      user: 'desk_a',
      sslmode: 'require',
      caFile: '',
      ...more
    })
    const PASSWORD = 'tls-desk-pw'

    beforeAll(async () => {
      // Over TLS: the server takes TCP connections only so.
      const admin = new pg.Client(postgres.server().config())
      await admin.connect()
      await admin.query(`CREATE ROLE desk_a LOGIN PASSWORD '${PASSWORD}'`)
      await admin.end()
    }, 120_000)
    afterAll(() => cert?.remove())

    const test = (more: Partial<TeamConnection>) =>
      testTeamConnection({ connection: connection(more), role: 'agent', password: PASSWORD })

    it('says the server wants TLS when sslmode is disable', async () => {
      expect(await test({ sslmode: 'disable' })).toMatchObject({
        ok: false,
        kind: 'tls_required',
        message: `The server at 127.0.0.1:${postgres.server().port} accepts this user only over TLS: choose sslmode require or verify-full.`
      })
    })

    it('connects with require, whatever the certificate', async () => {
      expect(await test({ sslmode: 'require' })).toMatchObject({ ok: true })
    })

    it('with verify-full, refuses a certificate no trusted CA signed, and trusts the CA file named', async () => {
      expect(await test({ sslmode: 'verify-full' })).toMatchObject({
        ok: false,
        kind: 'tls_untrusted'
      })
      expect(await test({ sslmode: 'verify-full', caFile: cert!.certFile })).toMatchObject({
        ok: true
      })
    })
  }
)
