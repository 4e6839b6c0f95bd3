import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appPageUrl, fileForAppUrl, fileInside } from '../../../src/main/windows/appOrigin'

const ROOT = join('/opt', 'console', 'out', 'renderer')

describe('fileForAppUrl', () => {
  it('maps the app pages and their assets into out/renderer', () => {
    expect(fileForAppUrl(ROOT, appPageUrl('index.html'))).toBe(join(ROOT, 'index.html'))
    expect(fileForAppUrl(ROOT, appPageUrl('demo-peer.html'))).toBe(join(ROOT, 'demo-peer.html'))
    expect(fileForAppUrl(ROOT, 'app://console/')).toBe(join(ROOT, 'index.html'))
    expect(fileForAppUrl(ROOT, 'app://console/assets/index-x1.js?v=2#top')).toBe(
      join(ROOT, 'assets', 'index-x1.js')
    )
    expect(fileForAppUrl(ROOT, 'app://console/assets/caf%C3%A9.svg')).toBe(
      join(ROOT, 'assets', 'café.svg')
    )
  })

  it.each([
    ['an encoded slash traversal', 'app://console/assets%2f..%2f..%2fmain%2findex.js'],
    ['a traversal with encoded slashes to a sibling', 'app://console/x%2f..%2f..%2frenderer-x%2fa'],
    ['a backslash traversal', 'app://console/..%5c..%5csecret'],
    ['a NUL byte', 'app://console/index.html%00.png'],
    ['a bad escape', 'app://console/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['a port', 'app://console:8080/index.html'],
    ['another scheme', 'file:///opt/console/out/renderer/index.html'],
    ['not a URL', 'app:// console']
  ])('refuses %s', (_name, url) => {
    expect(fileForAppUrl(ROOT, url)).toBeNull()
  })

  it('keeps dot segments, plain or encoded, inside (the URL parser resolves them first)', () => {
    expect(fileForAppUrl(ROOT, 'app://console/../../etc/passwd')).toBe(join(ROOT, 'etc', 'passwd'))
    expect(fileForAppUrl(ROOT, 'app://console/%2e%2e/%2e%2e/sessions.sqlite')).toBe(
      join(ROOT, 'sessions.sqlite')
    )
    expect(fileForAppUrl(ROOT, 'app://console/%2e')).toBe(join(ROOT, 'index.html'))
  })
})

describe('fileInside', () => {
  it('refuses what leaves the folder however it is spelled, keeps what stays', () => {
    expect(fileInside(ROOT, '/assets/../index.html')).toBe(join(ROOT, 'index.html'))
    expect(fileInside(ROOT, '/../renderer-x/a')).toBeNull() // a sibling whose name starts the same
    expect(fileInside(ROOT, '/%2e%2e/%2e%2e/data/sessions.sqlite')).toBeNull()
    expect(fileInside(ROOT, '/..%2F..%2Fdata')).toBeNull()
    expect(fileInside(ROOT, '/')).toBeNull()
    expect(fileInside(ROOT, '/%2e')).toBeNull()
  })
})
