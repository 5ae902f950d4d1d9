/**
 * The window's security policy as pure functions, so it is unit-tested without Electron
 * (after dyad's window_security.ts and Actual's desktop-electron/security.ts).
 */

/** webPreferences for the one app window: no Node in the page, sandboxed, isolated. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true
  } as const
}

const withoutHash = (url: string): string | null => {
  try {
    const u = new URL(url)
    u.hash = ''
    return u.href
  } catch {
    return null
  }
}

/**
 * The app is a single page: the only "navigation" allowed is to the same document (the hash
 * router never triggers will-navigate, a reload does). Everything else — links, drops, redirects — is refused.
 */
export function isAllowedNavigation(targetUrl: string, appUrl: string): boolean {
  const target = withoutHash(targetUrl)
  return target !== null && target === withoutHash(appUrl)
}

/**
 * IPC is answered only for our own renderer's document: the built index.html over file://,
 * or in development the electron-vite dev server's origin.
 */
export function isTrustedSender(frameUrl: string | undefined, appUrl: string): boolean {
  if (!frameUrl) return false
  const frame = withoutHash(frameUrl)
  const app = withoutHash(appUrl)
  if (!frame || !app) return false
  if (app.startsWith('file:')) return frame === app
  return new URL(frame).origin === new URL(app).origin
}

/** New windows and pop-ups are never opened. */
export const denyWindowOpen = () => ({ action: 'deny' as const })

/** Camera, microphone, notifications, geolocation, clipboard-read…: the app needs none of them. */
export const denyPermissionRequest = (_permission: string): false => false
