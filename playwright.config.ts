import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

/**
 * Two projects:
 * - chromium: tests/e2e/*.spec.ts in the system Chromium against the loopback harness (the BUILT
 *   renderer + the real router + a temp database per test). `npm run test:e2e` builds first.
 * - electron: tests/e2e/electron/*.spec.ts, the real Electron app; skips itself cleanly when the
 *   Electron binary is not installed (it cannot be downloaded on every machine).
 *
 * outputDir is a subfolder on purpose: Playwright empties its outputDir at the start of a run, and
 * test-results/ also holds vitest.json and the screenshots the tests save explicitly.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
]

const ci = !!process.env.CI

/**
 * KAP_CHROMIUM, else Debian's Chromium where it exists (Playwright cannot download browsers on
 * the build machine), else Playwright's own Chromium (`npx playwright install chromium` once, on
 * a Mac or Windows machine).
 */
const chromiumPath = process.env.KAP_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

export default defineConfig({
  testDir: './tests/e2e',
  // Resolves the @shared/* and @renderer/* aliases at run time.
  tsconfig: './tsconfig.node.json',
  outputDir: './test-results/playwright-artifacts',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  // 2 cores shared with other work: one browser at a time keeps timings honest.
  workers: 1,
  forbidOnly: ci,
  retries: 0,
  timeout: 60_000,
  globalTimeout: 30 * 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    locale: 'en-US',
    timezoneId: 'America/Los_Angeles',
    viewport: { width: 1280, height: 800 }
  },
  projects: [
    {
      name: 'chromium',
      testMatch: '*.spec.ts',
      testIgnore: '**/electron/**',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chromiumPath, args: CHROMIUM_ARGS }
      }
    },
    {
      name: 'electron',
      testMatch: 'electron/*.spec.ts'
    }
  ]
})
