import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_INDEX_URL, contentTypeFor, rendererUrl, resolveAppPath } from '../../../src/main/window/app-protocol'

const root = resolve('/opt/KAP Practice/resources/app.asar/out/renderer')

describe('resolveAppPath', () => {
  it('serves files inside out/renderer, ignoring query and hash', () => {
    expect(resolveAppPath(root, 'app://renderer/index.html')).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://renderer/')).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://renderer')).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://renderer/assets/index-abc.js?v=1#x')).toBe(join(root, 'assets', 'index-abc.js'))
    expect(resolveAppPath(root, 'app://renderer/assets/Noto%20Sans.ttf')).toBe(join(root, 'assets', 'Noto Sans.ttf'))
    // A `..` that stays inside root is harmless.
    expect(resolveAppPath(root, 'app://renderer/assets/../index.html')).toBe(join(root, 'index.html'))
  })

  // URL parsing already clamps plain and %2e%2e dot segments at the root: they stay inside (and 404 as missing).
  it.each([
    ['app://renderer/../../etc/passwd', 'etc/passwd'],
    ['app://renderer/%2e%2e/%2e%2e/etc/passwd', 'etc/passwd'],
    ['app://renderer/../renderer-evil/x.js', 'renderer-evil/x.js'],
    ['app://renderer//etc/passwd', 'etc/passwd'],
    ['app://renderer/%2Fetc%2Fpasswd', 'etc/passwd'],
    ['app://renderer/C:/Windows/win.ini', 'C:/Windows/win.ini']
  ])('keeps %s inside root', (url, inside) => {
    expect(resolveAppPath(root, url)).toBe(join(root, ...inside.split('/')))
  })

  // Encoded separators survive URL parsing, so the resolved path is checked against root.
  it.each([
    'app://renderer/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://renderer/..%2f..%2f..%2fetc%2fpasswd',
    'app://renderer/assets/..%2F..%2F..%2Fmain%2Findex.js',
    'app://renderer/..%2frenderer-evil%2fx.js',
    'app://renderer/..%2f',
    'app://renderer/..%5c..%5cwindows%5cwin.ini',
    'app://renderer/index.html%00.png',
    'app://renderer/%E0%A4%A',
    'app://evil/index.html',
    'app://renderer.evil/index.html',
    'app://renderer:8080/index.html',
    'file:///etc/passwd',
    'https://renderer/index.html',
    'not a url'
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull()
  })

  it('refuses a root outside the one given, even one sharing its name as a prefix', () => {
    expect(resolveAppPath(join(root, 'assets'), 'app://renderer/..%2findex.html')).toBeNull()
    expect(resolveAppPath(root, 'app://renderer/..%2frenderer2%2fx.js')).toBeNull()
  })
})

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a/b.JS', 'text/javascript; charset=utf-8'],
    ['x.css', 'text/css; charset=utf-8'],
    ['f.woff2', 'font/woff2'],
    ['i.svg', 'image/svg+xml'],
    ['noext', 'application/octet-stream']
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type)
  })
})

describe('rendererUrl', () => {
  it('uses the dev server only when not packaged', () => {
    expect(rendererUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, false)).toBe('http://localhost:5173/')
    expect(rendererUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, true)).toBe(APP_INDEX_URL)
    expect(rendererUrl({}, false)).toBe('app://renderer/index.html')
    expect(rendererUrl({ ELECTRON_RENDERER_URL: '' }, false)).toBe(APP_INDEX_URL)
  })
})
