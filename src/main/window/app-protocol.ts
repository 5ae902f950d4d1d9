import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

/**
 * The built renderer is served from `app://renderer/…`, not file://: under file:// the CSP's
 * `script-src 'self'` would allow any local file, here 'self' is only out/renderer.
 * Pure functions (no Electron), so the path checks are unit-tested.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'renderer'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/** The dev server only while developing: a packaged app never loads a URL taken from its environment. */
export function rendererUrl(env: Record<string, string | undefined>, isPackaged: boolean): string {
  const dev = env.ELECTRON_RENDERER_URL
  return !isPackaged && dev ? dev : APP_INDEX_URL
}

/**
 * The file under `root` that an app:// request names, or null (→ 404) for another host, a path
 * that leaves root (`..`, encoded or not), a NUL, or a backslash (a second separator on Windows).
 * Query and hash are ignored; `/` is index.html.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  if (path === '' || path === '/') path = '/index.html'
  const base = resolve(root)
  // '.' first: a decoded "//etc/passwd" or "/C:/x" stays relative to root instead of becoming absolute.
  const file = resolve(base, `.${sep}${path}`)
  const rel = relative(base, file)
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null
  return file
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8'
}

/** Served with nosniff, so an unknown type is never guessed into a script. */
export const contentTypeFor = (file: string): string => CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
