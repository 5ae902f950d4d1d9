import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'

const shared = { '@shared': resolve(__dirname, 'src/shared') }

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: { outDir: 'out/main' }
  },
  preload: {
    resolve: { alias: shared },
    // Sandboxed preloads cannot require() packages: bundle the contract registry (and zod) in.
    build: { outDir: 'out/preload', externalizeDeps: false }
  },
  renderer: {
    root: 'src/renderer',
    resolve: { alias: { ...shared, '@renderer': resolve(__dirname, 'src/renderer/src') } },
    plugins: [react(), tailwindcss()],
    build: { outDir: 'out/renderer' }
  }
})
