import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const hasOpenssl = spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0

/** A PEM key and certificate for the simulator's TLS, plus the file paths the CLI takes. */
export interface SelfSignedCert {
  key: Buffer
  cert: Buffer
  keyFile: string
  certFile: string
  remove(): void
}

/**
 * A fresh self-signed certificate for 127.0.0.1 (SAN IP, the name TLS clients check), made by
 * the openssl CLI: tests trust it as their only CA, so no key is ever committed.
 */
export function selfSignedCert(): SelfSignedCert {
  const dir = mkdtempSync(join(tmpdir(), 'sim-tls-'))
  const keyFile = join(dir, 'key.pem')
  const certFile = join(dir, 'cert.pem')
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1'],
      ...['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'],
      ...['-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile]
    ],
    { stdio: 'ignore' }
  )
  return {
    key: readFileSync(keyFile),
    cert: readFileSync(certFile),
    keyFile,
    certFile,
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}
