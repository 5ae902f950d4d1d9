import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { defaultRendererDir, repoRoot } from './harness/server'

const screenshotDir = join(repoRoot, 'test-results', 'screenshots')
const rendererSnapshot = join(repoRoot, 'test-results', 'renderer-under-test')

/**
 * Runs once before the suite: a fresh screenshots folder, a clear message when the build is
 * missing, and a copy of out/renderer for the harness to serve, so a rebuild started elsewhere
 * during the run (electron-vite empties out/ first) cannot pull files from under the tests.
 */
export default function globalSetup(): void {
  rmSync(screenshotDir, { recursive: true, force: true })
  mkdirSync(screenshotDir, { recursive: true })
  if (!existsSync(join(defaultRendererDir, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run test:e2e` (it builds first) or `npx electron-vite build`.')
  }
  rmSync(rendererSnapshot, { recursive: true, force: true })
  cpSync(defaultRendererDir, rendererSnapshot, { recursive: true })
  // Workers start after this and inherit the variable.
  process.env.KAP_E2E_RENDERER_DIR = rendererSnapshot
}
