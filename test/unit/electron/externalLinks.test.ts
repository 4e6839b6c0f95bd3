import { describe, expect, it } from 'vitest'
import { isAllowedExternalLink } from '../../../src/main/windows/externalLinks'

describe('isAllowedExternalLink', () => {
  it.each(['https://platform.openai.com/api-keys', 'https://portal.azure.com/#home'])(
    'opens %s',
    (url) => expect(isAllowedExternalLink(url)).toBe(true)
  )

  it.each([
    ['another site', 'https://evil.example/'],
    ['a look-alike host', 'https://platform.openai.com.evil.example/'],
    ['credentials disguising the host', 'https://platform.openai.com@evil.example/'],
    ['user info before an allowed host', 'https://x:y@platform.openai.com/'],
    ['plain http', 'http://platform.openai.com/'],
    ['another port', 'https://platform.openai.com:8443/'],
    ['a local file', 'file:///etc/passwd'],
    ['a program-starting scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['script', 'javascript:alert(1)'],
    ['the app itself', 'app://console/index.html'],
    ['not a URL', 'platform.openai.com']
  ])('refuses %s', (_name, url) => expect(isAllowedExternalLink(url)).toBe(false))
})
