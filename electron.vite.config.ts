import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'

const shared = { '@shared': resolve(__dirname, 'src/shared') }

/**
 * The built index.html keeps its strict CSP. Only the dev server (React Refresh preamble, Vite's
 * injected <style> tags) needs inline script and style, so only `electron-vite dev` relaxes it.
 */
const devCsp = (): Plugin => ({
  name: 'kap:dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*")
})

/**
 * sonner adds its CSS with a <style> tag, which `style-src 'self'` refuses. Route it through a
 * constructable stylesheet (CSSOM is not governed by CSP) so toasts keep their look.
 */
const sonnerCspSafe = (): Plugin => ({
  name: 'kap:sonner-csp-safe',
  transform(code, id) {
    if (!/[\\/]sonner[\\/]dist[\\/]index\.m?js$/.test(id)) return null
    if (!code.includes('function __insertCSS(code) {')) {
      this.warn('sonner no longer has __insertCSS: its toasts may now break the strict CSP — check the console')
      return null
    }
    return code.replace(
      'function __insertCSS(code) {',
      'function __insertCSS(code) {\n  if (code && typeof document != "undefined") { const s = new CSSStyleSheet(); s.replaceSync(code); document.adoptedStyleSheets = [...document.adoptedStyleSheets, s] }\n  return'
    )
  }
})

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      outDir: 'out/main',
      // The job worker is its own entry: a utilityProcess runs out/main/job-worker.js.
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts'), 'job-worker': resolve(__dirname, 'src/main/jobs/worker.ts') } }
    }
  },
  preload: {
    resolve: { alias: shared },
    // Sandboxed preloads cannot require() packages: bundle the contract registry (and zod) in.
    build: { outDir: 'out/preload', externalizeDeps: false }
  },
  renderer: {
    root: 'src/renderer',
    resolve: {
      alias: [
        { find: '@shared', replacement: resolve(__dirname, 'src/shared') },
        { find: '@renderer', replacement: resolve(__dirname, 'src/renderer/src') },
        // Radix's scroll lock injects a <style> tag; this drop-in uses CSSOM instead (strict CSP).
        { find: /^react-style-singleton$/, replacement: resolve(__dirname, 'src/renderer/src/lib/csp/style-singleton.ts') }
      ]
    },
    plugins: [react(), tailwindcss(), devCsp(), sonnerCspSafe()],
    // KAP_NO_MINIFY=1 keeps function names readable in a CPU profile (npm run bench:ui -- --profile).
    build: { outDir: 'out/renderer', minify: !process.env.KAP_NO_MINIFY }
  }
})
