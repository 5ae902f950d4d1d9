/**
 * Playwright fixtures for the Chromium suite.
 * - `harness`: a fresh loopback harness per test — its own temp folder, database and port — so
 *   every test file (and every test in it) starts from an empty practice. `baseURL` points at it.
 * - `consoleErrors`: an automatic watchdog; any console error, uncaught page error or CSP
 *   violation during a test fails that test (call `consoleErrors.allow(/re/)` for an expected one).
 * - helpers to seed data through the real router, save screenshots and run axe-core.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { AxeBuilder } from '@axe-core/playwright'
import { repoRoot, startHarness, type Harness } from './harness/server'
import { silentLogger } from '../../src/main/log'

export const screenshotDir = join(repoRoot, 'test-results', 'screenshots')

/**
 * The few browser globals the page.evaluate callbacks touch. tests/e2e is type-checked with the
 * Node project (no DOM lib), and a DOM reference here would leak `window` into main's types.
 */
export interface BrowserGlobals {
  document: {
    fonts?: { ready: Promise<unknown> }
    addEventListener(type: 'securitypolicyviolation', listener: (e: { violatedDirective: string; blockedURI: string }) => void): void
  }
  api: Record<string, Record<string, (input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>>>
}

export interface ConsoleWatch {
  readonly messages: string[]
  allow(pattern: RegExp): void
}

interface Fixtures {
  harness: Harness
  consoleErrors: ConsoleWatch
}

export const test = base.extend<Fixtures>({
  // oxlint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  harness: async ({}, provide) => {
    const harness = await startHarness({ logger: silentLogger, rendererDir: process.env.KAP_E2E_RENDERER_DIR })
    await provide(harness)
    await harness.close()
  },
  baseURL: async ({ harness }, provide) => {
    await provide(harness.url)
  },
  consoleErrors: [
    async ({ page }, provide, testInfo) => {
      const messages: string[] = []
      const allowed: RegExp[] = []
      page.on('console', (msg) => {
        if (msg.type() === 'error') messages.push(`console.error: ${msg.text()}`)
      })
      page.on('pageerror', (err) => messages.push(`page error: ${err.name}: ${err.message}`))
      // Chromium logs CSP refusals itself; this adds which directive and what it blocked.
      await page.addInitScript(() => {
        const doc = (globalThis as unknown as BrowserGlobals).document
        doc.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`)
        })
      })
      await provide({
        messages,
        allow: (pattern) => {
          allowed.push(pattern)
        }
      })
      const unexpected = messages.filter((m) => !allowed.some((re) => re.test(m)))
      if (unexpected.length > 0 && testInfo.status === testInfo.expectedStatus) {
        throw new Error(`The page logged ${unexpected.length} error(s):\n${unexpected.join('\n')}`)
      }
    },
    { auto: true }
  ]
})

export { expect }

/** A valid practice profile (1234567893 passes the NPI Luhn check). */
export const practiceProfile = {
  practiceName: 'Cedar Grove Psychotherapy',
  providerName: 'Dana Whitfield',
  providerCredentials: 'LMFT',
  individualNpi: '1234567893',
  organizationNpi: null,
  ein: '12-3456789',
  licenseNumber: 'LMFT 12345',
  licenseState: 'CA',
  addressLine1: '100 Main Street',
  addressLine2: null,
  city: 'Oakland',
  state: 'CA',
  postalCode: '94612',
  phone: '(510) 555-0142',
  defaultPlaceOfService: '11'
}

/** Calls a channel through the real router and returns the value (throws with the error envelope). */
export async function call<T = unknown>(harness: Harness, channel: string, input: unknown = {}): Promise<T> {
  const result = await harness.app.call(channel, input)
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
  return result.value as T
}

/** Skips first-run setup: saves the practice profile through the router. */
export async function seedPractice(harness: Harness, overrides: Record<string, unknown> = {}) {
  return call(harness, 'practice:save', { profile: { ...practiceProfile, ...overrides } })
}

export const clientDefaults = {
  legalFirstName: 'Test',
  legalLastName: 'Client',
  dateOfBirth: '1985-04-12',
  sex: 'F',
  status: 'active'
}

/** Creates a client through the router (not the form); fills in any field the contract requires. */
export async function seedClient(harness: Harness, overrides: Record<string, unknown> = {}) {
  return call<{ id: string; legalFirstName: string; legalLastName: string }>(harness, 'clients:create', {
    client: { ...clientDefaults, ...overrides }
  })
}

/**
 * Saves what the window shows to test-results/screenshots/<name>.png and returns the path. The app
 * fills the window and scrolls inside its panes, so the viewport is the honest picture.
 */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true })
  const path = join(screenshotDir, `${name}.png`)
  // Let fonts, focus rings and transitions settle so the picture shows the resting screen.
  await page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.fonts?.ready)
  await page.screenshot({ path, animations: 'disabled' })
  return path
}

/** Runs axe-core on the page and fails on serious or critical violations, listing each one. */
export async function expectAccessible(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const report = bad.flatMap((v) => [
    `${v.impact} ${v.id}: ${v.help} — ${v.nodes.length} element(s)`,
    ...v.nodes.slice(0, 4).map((n) => `    ${n.target.join(' ')}  ${n.html.slice(0, 120)}  → ${(n.any[0] ?? n.all[0] ?? n.none[0])?.message ?? ''}`)
  ])
  // Soft: the rest of the flow still runs and reports its own findings; the test still fails.
  expect.soft(report, `axe-core on ${screen}`).toEqual([])
}

type Scope = Pick<Page, 'getByLabel'>

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A field by its visible label, matched whole: "Phone" never hits "Escort phone", and the
 * required marker ("Practice name*", the * being aria-hidden) does not get in the way.
 */
export const byLabel = (scope: Scope, label: string) => scope.getByLabel(new RegExp(`^${escapeRegExp(label)}\\s*\\*?$`))

/** Fills fields by their visible label: text boxes are typed into, selects choose by value or text. */
export async function fillFields(scope: Scope, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    const field = byLabel(scope, label)
    const tag = await field.evaluate((el) => el.tagName.toLowerCase())
    if (tag === 'select') await field.selectOption(value)
    else await field.fill(value)
  }
}

/** Today in the browser's terms, shifted by whole days: YYYY-MM-DD. */
export function isoDay(offsetDays = 0): string {
  const d = new Date()
  d.setDate(d.getDate() + offsetDays)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
