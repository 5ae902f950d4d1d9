/**
 * axe-core on every main screen of a filled practice (the demo: a dozen clients, courses, notes,
 * billing): dashboard, clients, each chart tab, the schedule (day and week), note search,
 * billing, each Settings section, the audit log and the command palette. 0 serious or critical.
 */
import type { Page } from '@playwright/test'
import { seedDemoPractice } from '../../factories/demo'
import { expect, expectAccessible, shot, test } from '../fixtures'

const CHART_TABS = ['overview', 'sessions', 'measures', 'contacts', 'insurance', 'diagnoses', 'screening', 'consents', 'billing'] as const
const SETTINGS = ['practice', 'users', 'security', 'clinical', 'fees', 'export', 'backups'] as const

/** Opens a screen and waits for it to settle: its heading shown, no skeleton left. */
async function visit(page: Page, path: string) {
  await page.goto(path)
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
}

async function checkAll(page: Page, screens: [string, string][]) {
  for (const [name, path] of screens) {
    await visit(page, path)
    await expectAccessible(page, name)
    await shot(page, `axe-${name.replace(/[^a-z0-9]+/gi, '-')}`)
  }
}

// axe takes seconds a screen on a busy machine: three tests, each with room to finish.
test.beforeEach(() => test.setTimeout(300_000))

test('dashboard, clients, schedule, note search and billing pass axe', async ({ page, harness }) => {
  await seedDemoPractice(harness.app)
  await checkAll(page, [
    ['dashboard', '/#/'],
    ['clients', '/#/clients'],
    ['schedule, day', '/#/sessions?view=day'],
    ['schedule, week', '/#/sessions?view=week'],
    ['note search', '/#/notes/search?q=playlist'],
    ['billing', '/#/billing']
  ])
})

test('every chart tab passes axe', async ({ page, harness }) => {
  const demo = await seedDemoPractice(harness.app)
  await checkAll(page, CHART_TABS.map((tab): [string, string] => [`chart ${tab}`, `/#/clients/${demo.clientIds[0]}/${tab}`]))
})

test('every Settings section, the audit log and the command palette pass axe', async ({ page, harness }) => {
  await seedDemoPractice(harness.app)
  await checkAll(page, [...SETTINGS.map((s): [string, string] => [`settings ${s}`, `/#/settings/${s}`]), ['audit log', '/#/settings/audit']])

  // The command palette, empty and with a client typed.
  await visit(page, '/#/')
  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Search clients, pages and commands' })
  await expect(palette).toBeVisible()
  await expectAccessible(page, 'command palette')
  await palette.getByRole('combobox').fill('garcía')
  await expect(palette.getByRole('option').first()).toContainText('García-López')
  await expectAccessible(page, 'command palette with a client')
  await shot(page, 'axe-command-palette')
})
