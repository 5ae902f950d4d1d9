/**
 * The window's security policy as pure functions, so it is unit-tested without Electron
 * (after dyad's window_security.ts and Actual's desktop-electron/security.ts).
 */

/**
 * webPreferences for the one app window: no Node in the page, sandboxed, isolated. Defaults to
 * the installed app's settings; only an unpackaged run (`npm run dev`/`start`) gets DevTools.
 */
export function secureWebPreferences(preloadPath: string, { isPackaged = true }: { isPackaged?: boolean } = {}) {
  return {
    preload: preloadPath,
    // No DevTools in an installed copy: they would read every record on screen and in memory.
    devTools: !isPackaged,
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
 * IPC is answered only for our own renderer's document: the built index.html at
 * app://renderer/index.html, or in development the electron-vite dev server's origin.
 * file:// is never trusted (any local file shares that "origin").
 */
export function isTrustedSender(frameUrl: string | undefined, appUrl: string): boolean {
  if (!frameUrl) return false
  const frame = withoutHash(frameUrl)
  const app = withoutHash(appUrl)
  if (!frame || !app) return false
  const f = new URL(frame)
  const a = new URL(app)
  if (f.protocol === 'file:' || a.protocol === 'file:') return false
  // The dev server: its origin (Vite serves modules from many paths).
  if (a.protocol === 'http:' || a.protocol === 'https:') return f.origin === a.origin
  // app://renderer has origin "null" in Node's URL (a custom scheme): only the exact document counts.
  return frame === app
}

/** New windows and pop-ups are never opened. */
export const denyWindowOpen = () => ({ action: 'deny' as const })

/** Camera, microphone, notifications, geolocation, clipboard-read…: the app needs none of them. */
export const denyPermissionRequest = (_permission: string): false => false
