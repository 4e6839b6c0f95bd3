import { describe, expect, it } from 'vitest'
import { describeFetchFailure, parseFetchFailures } from '../../../tools/launch/fetchFailure'
import { downloadFailedMessage, stopMessage } from '../../../tools/launch/launchMessages'

const wanted = {
  version: '45.5.0',
  distDir: 'node_modules/electron/dist',
  platformExecutable: 'electron'
}
const URL =
  'https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-x64.zip'

describe('describeFetchFailure', () => {
  it('keeps the network’s own text, adding the code only when the text lacks it', () => {
    const [refused, bare, http] = parseFetchFailures(
      [
        { url: URL, code: 'ECONNREFUSED', detail: 'connect ECONNREFUSED 127.0.0.1:9' },
        { url: URL, code: 'ETIMEDOUT', detail: 'Connect Timeout Error' },
        { url: URL, status: 404, statusText: 'Not Found' }
      ]
        .map((line) => JSON.stringify(line))
        .join('\n') + '\n'
    )
    expect(describeFetchFailure(refused!)).toBe('connect ECONNREFUSED 127.0.0.1:9')
    expect(describeFetchFailure(bare!)).toBe('ETIMEDOUT: Connect Timeout Error')
    expect(describeFetchFailure(http!)).toBe('HTTP 404 Not Found')
  })
})

describe('downloadFailedMessage', () => {
  it('names the download, its error and the three ways out', () => {
    const failure = { url: URL, code: 'ENOTFOUND', detail: 'getaddrinfo ENOTFOUND github.com' }
    const message = downloadFailedMessage(wanted, failure, 'TypeError: fetch failed')
    expect(message).toContain(`Download: ${URL}`)
    expect(message).toContain('Error:    getaddrinfo ENOTFOUND github.com')
    expect(message).toMatch(/ELECTRON_MIRROR/)
    expect(message).toMatch(/npx install-electron/)
    expect(message).toMatch(/ELECTRON_OVERRIDE_DIST_PATH/)
    expect(message).not.toContain('TypeError')
  })

  it('quotes the installer when no request failed (a checksum or an unzip error)', () => {
    const output = 'noise\nError: Generated checksum for "electron.zip" did not match expected\n'
    const message = downloadFailedMessage(wanted, undefined, output)
    expect(message).toContain('did not match expected')
    expect(message).toMatch(/npx install-electron/)
  })
})

describe('stopMessage', () => {
  it('says ELECTRON_SKIP_BINARY_DOWNLOAD is set and how to go on', () => {
    const message = stopMessage(wanted, { code: 'skip-download' })
    expect(message).toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD is set/)
    expect(message).toMatch(/Unset ELECTRON_SKIP_BINARY_DOWNLOAD/)
    expect(message).toMatch(/npx install-electron/)
  })

  it('names the executable an override lacks', () => {
    const message = stopMessage(wanted, { code: 'override-missing', executable: '/opt/e/electron' })
    expect(message).toContain('no Electron at /opt/e/electron')
  })
})
