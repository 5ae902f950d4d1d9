/**
 * npm run screenshot — regenerates docs/screenshot.png for the README: the demo practice's
 * dashboard (today's sessions, safety flags, unsigned notes) in Chromium, through the loopback
 * harness, signed in as its test owner (build the renderer first).
 */
import { chromium } from '@playwright/test'
import { startHarness } from '../tests/e2e/harness/server'
import { seedDemoPractice } from '../tests/factories/demo'

async function main(): Promise<void> {
  const harness = await startHarness()
  try {
    await seedDemoPractice(harness.app)
    const browser = await chromium.launch({
      executablePath: process.env.KAP_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
    })
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 })
    await page.goto(`${harness.url}#/`)
    await page.getByRole('heading', { name: /Today.s sessions/ }).waitFor()
    await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' }).catch(() => undefined)
    await page.screenshot({ path: 'docs/screenshot.png' })
    await browser.close()
  } finally {
    await harness.close()
  }
}

void main()
