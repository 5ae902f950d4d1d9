/** Settings → Audit log: the owner reads who opened or changed which record, filters it, and checks the chain. */
import type { Page } from '@playwright/test'
import { call, expect, expectAccessible, seedClient, seedPractice, shot, test } from './fixtures'

const table = (page: Page) => page.getByRole('table', { name: 'Audit log entries' })
/** Data rows only (the header row has no cells). */
const rows = (page: Page) => table(page).locator('tbody tr[data-row]')

test.beforeEach(async ({ harness }) => {
  await seedPractice(harness)
})

test('lists what was done newest first, filters by action and client, and verifies the log is intact', async ({ page, harness }) => {
  const client = await seedClient(harness, { legalFirstName: 'Rosa', legalLastName: 'Delgado' })
  await page.goto(`/#/clients/${client.id}/overview`)
  await expect(page.getByRole('heading', { level: 1, name: /Delgado/ })).toBeVisible()

  // Settings → Audit log.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  const link = page.getByRole('link', { name: /^Audit log/ })
  await link.scrollIntoViewIfNeeded()
  await shot(page, '80-audit-log-settings-link')
  await link.click()
  await expect(page).toHaveURL(/#\/settings\/audit$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()

  // Newest first: the overview's screening read (clinical reads are logged too), the chart view,
  // the client's creation, the practice profile save, then the owner's sign-in and account (the
  // harness set the practice up as E2E_OWNER).
  await expect(rows(page)).toHaveCount(6)
  // Each entry in words, never its channel; the owner sees the client's name, linked to the chart.
  await expect(rows(page).nth(0)).toContainText('Opened the contraindication screening')
  await expect(rows(page).nth(0)).toContainText('Screening')
  await expect(rows(page).nth(1)).toContainText('Opened a client’s chart')
  await expect(table(page)).not.toContainText('clients:get')
  await expect(rows(page).nth(2)).toContainText('Added a client')
  await expect(rows(page).nth(3)).toContainText('Changed the practice profile')
  await expect(rows(page).nth(4)).toContainText('Signed in')
  await expect(rows(page).nth(4)).toContainText('Dana Whitfield')
  await expect(rows(page).nth(5)).toContainText('Set up the owner’s account')
  await expect(rows(page).nth(1).getByRole('link', { name: 'Delgado, Rosa' })).toHaveAttribute('href', `#/clients/${client.id}`)
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)

  // Verify: the chain is whole.
  await page.getByRole('button', { name: 'Verify the log' }).click()
  const verdict = page.getByRole('status').filter({ hasText: 'The log is intact' })
  await expect(verdict).toContainText('The log is intact — 6 entries checked')
  await expectAccessible(page, 'audit log')
  await shot(page, '80-audit-log')

  // Filter by action: only the two reads are left; the URL keeps the filter.
  await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Viewed chart' })
  await expect(page).toHaveURL(/action=view/)
  await expect(rows(page)).toHaveCount(2)
  await expect(rows(page).nth(1)).toContainText('Opened a client’s chart')
  await expect(page.getByText('2 entries match')).toBeVisible()

  // A date range that ended yesterday holds nothing; clearing the filters brings every entry back.
  // "Yesterday" in the window's time zone (the app filters by local days), not the test runner's.
  const day = await page.evaluate(() => {
    const d = new Date(Date.now() - 86_400_000)
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  })
  await page.getByLabel('To', { exact: true }).fill(day)
  await expect(page.getByText('No entries match these filters')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).first().click()
  await expect(rows(page)).toHaveCount(6)

  // One client, as a chart's link reaches it, named for the owner: the practice-wide entry drops out.
  await page.goto(`/#/settings/audit?client=${client.id}`)
  await expect(page.getByRole('link', { name: 'Delgado, Rosa' }).first()).toBeVisible()
  await expect(rows(page)).toHaveCount(3)
  await page.getByRole('button', { name: 'Show entries for all clients' }).click()
  await expect(rows(page)).toHaveCount(6)
  expect(await call<{ ok: boolean }>(harness, 'audit:verify')).toMatchObject({ ok: true, checked: 6 })
})

test('an altered log is reported in plain words with what to do', async ({ page, harness }) => {
  await seedClient(harness)
  // What a tamperer would do with the file outside the app: take the guard away and edit entry #2.
  harness.app.connection.sqlite.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_label = 'someone else' WHERE seq = 2;")
  await page.goto('/#/settings/audit')
  // The owner's account and sign-in (#1, #2), the practice profile, then the client.
  await expect(rows(page)).toHaveCount(4)
  await page.getByRole('button', { name: 'Verify the log' }).click()
  const alert = page.getByRole('alert').filter({ hasText: 'The log has been altered' })
  await expect(alert).toContainText('The log has been altered: entry #2 was edited')
  await expect(alert).toContainText('The entry before it checks out; nothing from #2 on can be trusted.')
  await expect(alert).toContainText('contact support')
  await expectAccessible(page, 'audit log, altered')
  await shot(page, '81-audit-log-altered')
})
