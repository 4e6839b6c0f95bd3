import { describe, expect, it } from 'vitest'
import { createAppUrlCheck } from '../../../src/main/ipc/senderPolicy'
import {
  CLIPBOARD_WRITE,
  answerPermissionCheck,
  answerPermissionRequest
} from '../../../src/main/windows/permissionPolicy'

const APP = 'app://console/index.html#/live'
const isAppUrl = createAppUrlCheck()

describe('the permission rule, asked and checked', () => {
  it('asks the OS for an audio-only request from the app page, refuses the camera', () => {
    expect(answerPermissionRequest('media', APP, ['audio'], isAppUrl)).toBe('ask-os-for-microphone')
    expect(answerPermissionRequest('media', APP, ['audio', 'video'], isAppUrl)).toBe('refuse')
    expect(answerPermissionRequest('media', APP, ['video'], isAppUrl)).toBe('refuse')
    expect(answerPermissionRequest('media', APP, [], isAppUrl)).toBe('refuse')
  })

  it('checks with the same audio-only rule: audio passes; video, unknown or unnamed do not', () => {
    expect(answerPermissionCheck('media', APP, 'audio', isAppUrl)).toBe(true)
    expect(answerPermissionCheck('media', APP, 'video', isAppUrl)).toBe(false)
    expect(answerPermissionCheck('media', APP, 'unknown', isAppUrl)).toBe(false)
    expect(answerPermissionCheck('media', APP, undefined, isAppUrl)).toBe(false)
  })

  it('grants the clipboard write, and nothing else, to the app page only', () => {
    expect(answerPermissionRequest(CLIPBOARD_WRITE, APP, [], isAppUrl)).toBe('grant')
    expect(answerPermissionCheck(CLIPBOARD_WRITE, APP, undefined, isAppUrl)).toBe(true)
    for (const permission of ['clipboard-read', 'notifications', 'geolocation', 'openExternal']) {
      expect(answerPermissionRequest(permission, APP, ['audio'], isAppUrl)).toBe('refuse')
      expect(answerPermissionCheck(permission, APP, 'audio', isAppUrl)).toBe(false)
    }
  })

  it.each([
    'file:///opt/console/out/renderer/index.html',
    'app://console/demo-peer.html',
    'https://evil.example/',
    ''
  ])('refuses everything to %j', (url) => {
    expect(answerPermissionRequest('media', url, ['audio'], isAppUrl)).toBe('refuse')
    expect(answerPermissionRequest(CLIPBOARD_WRITE, url, [], isAppUrl)).toBe('refuse')
    expect(answerPermissionCheck('media', url, 'audio', isAppUrl)).toBe(false)
  })
})
