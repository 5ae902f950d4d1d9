import { describe, expect, it } from 'vitest'
import {
  denyPermissionRequest,
  denyWindowOpen,
  isAllowedNavigation,
  isTrustedSender,
  secureWebPreferences
} from '../../../src/main/window/policy'

const fileApp = 'file:///opt/KAP%20Practice/out/renderer/index.html'
const app = 'app://renderer/index.html'
const devApp = 'http://localhost:5173/'

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node and no webview', () => {
    const prefs = secureWebPreferences('/x/preload.js')
    expect(prefs).toMatchObject({
      preload: '/x/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false
    })
  })
  it('has DevTools only in an unpackaged run, and defaults to the installed app', () => {
    expect(secureWebPreferences('/p').devTools).toBe(false)
    expect(secureWebPreferences('/p', { isPackaged: true }).devTools).toBe(false)
    expect(secureWebPreferences('/p', { isPackaged: false }).devTools).toBe(true)
  })
})

describe('isAllowedNavigation', () => {
  it('allows only the app document itself (any hash route)', () => {
    expect(isAllowedNavigation(`${app}#/clients`, app)).toBe(true)
    expect(isAllowedNavigation('app://renderer/../../etc/passwd', app)).toBe(false)
    expect(isAllowedNavigation(`${fileApp}#/clients`, fileApp)).toBe(true)
    expect(isAllowedNavigation(fileApp, fileApp)).toBe(true)
  })
  it.each([
    'https://example.com/',
    'file:///etc/passwd',
    'file:///opt/KAP%20Practice/out/renderer/other.html',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'not a url'
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url, fileApp)).toBe(false)
  })
})

describe('isTrustedSender', () => {
  it('trusts the built renderer document at app://renderer and nothing else', () => {
    expect(isTrustedSender(`${app}#/settings`, app)).toBe(true)
    expect(isTrustedSender(app, app)).toBe(true)
    expect(isTrustedSender('app://renderer/other.html', app)).toBe(false)
    expect(isTrustedSender('app://renderer/index.html?x=1', app)).toBe(false)
    expect(isTrustedSender('app://evil/index.html', app)).toBe(false)
    expect(isTrustedSender('other://renderer/index.html', app)).toBe(false)
    expect(isTrustedSender('https://renderer/index.html', app)).toBe(false)
    expect(isTrustedSender(undefined, app)).toBe(false)
    expect(isTrustedSender('', app)).toBe(false)
    expect(isTrustedSender('not a url', app)).toBe(false)
  })
  it('never trusts file://: any local file shares its "origin"', () => {
    expect(isTrustedSender('file:///tmp/evil.html', app)).toBe(false)
    expect(isTrustedSender('file:///opt/KAP%20Practice/out/renderer/index.html', app)).toBe(false)
    expect(isTrustedSender(`${fileApp}#/settings`, fileApp)).toBe(false)
  })
  it('trusts the dev server origin only in development', () => {
    expect(isTrustedSender('http://localhost:5173/#/clients', devApp)).toBe(true)
    expect(isTrustedSender('http://localhost:5174/', devApp)).toBe(false)
    expect(isTrustedSender('https://localhost:5173/', devApp)).toBe(false)
    expect(isTrustedSender('http://evil.test/', devApp)).toBe(false)
  })
})

describe('denials', () => {
  it('never opens a new window', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' })
  })
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])('denies the %s permission', (p) => {
    expect(denyPermissionRequest(p)).toBe(false)
  })
})
