/**
 * The owner corrects the ledger from a client's Billing tab: a charge edited before it is
 * invoiced (units, pointers — a bad fee refused beside its field), a sliding scale set and
 * applied to the next charge, an invoice voided with a reason (its charges back to unbilled, its
 * number kept). Screenshots: billing-edit-*.png.
 */
import type { Page } from '@playwright/test'
import { byLabel, call, expect, expectAccessible, isoDay, seedClient, seedPractice, shot, test } from '../fixtures'
import type { Harness } from '../harness/server'

async function picture(page: Page, name: string) {
  for (const close of await page.getByRole('button', { name: 'Close toast' }).all()) await close.click().catch(() => {})
  await expect(page.locator('[data-sonner-toast]')).toHaveCount(0, { timeout: 8000 })
  return shot(page, name)
}

async function completedSession(harness: Harness, clientId: string, daysAgo: number, kind = 'integration') {
  const s = await call<{ session: { id: string } }>(harness, 'sessions:create', {
    clientId,
    session: { date: isoDay(-daysAgo), startTime: '08:00', durationMinutes: 60, kind, placeOfService: '11', status: 'completed' }
  })
  return s.session.id
}

test('a charge edited before invoicing, a sliding scale, and an invoice voided with its reason', async ({ page, harness }) => {
  test.setTimeout(90_000)
  await seedPractice(harness)
  await call(harness, 'billing:saveSettings', { holdUntilSigned: false })
  const client = await seedClient(harness, { legalFirstName: 'Zoë', legalLastName: 'O’Connor-Łukasiewicz' })
  await call(harness, 'diagnoses:add', { clientId: client.id, diagnosis: { code: 'F33.2' } })
  await call(harness, 'diagnoses:add', { clientId: client.id, diagnosis: { code: 'F43.10' } })
  await completedSession(harness, client.id, 3)

  await page.goto(`/#/clients/${client.id}/billing`)
  const charges = page.getByRole('table', { name: 'Charges' })
  const line = charges.getByRole('row').filter({ hasText: '90837' })
  await expect(line).toContainText('$200.00')

  // Edit: a fee that is not money is refused beside its field; then 2 units and pointer B too.
  await line.getByRole('button', { name: /^Edit 90837/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit charge' })
  await byLabel(dialog, 'Fee per unit').fill('two hundred')
  await dialog.getByRole('button', { name: 'Save charge' }).click()
  await expect(byLabel(dialog, 'Fee per unit')).toHaveAccessibleDescription(/dollars and cents/)
  await byLabel(dialog, 'Fee per unit').fill('180.00')
  await byLabel(dialog, 'Units').fill('2')
  await expect(dialog.getByText('Amount: $360.00')).toBeVisible()
  await dialog.getByRole('checkbox', { name: /B F43\.10/ }).check()
  await picture(page, 'billing-edit-1-charge-dialog')
  await dialog.getByRole('button', { name: 'Save charge' }).click()
  await expect(dialog).toBeHidden()
  await expect(line).toContainText('$360.00')
  await expect(line).toContainText('B F43.10')

  // A sliding scale of 25 % from today: the next session's charge gets its own adjustment row.
  await page.getByRole('button', { name: 'Set a sliding scale…' }).click()
  const scale = page.getByRole('dialog', { name: 'Sliding scale' })
  await byLabel(scale, 'Percent').fill('25')
  await byLabel(scale, 'Reason').fill('Income below 200 % of the poverty line')
  await byLabel(scale, 'Starts on').fill(isoDay(-1))
  await scale.getByRole('button', { name: 'Set sliding scale' }).click()
  await expect(page.getByTestId('sliding-scale')).toContainText('25 % off each session')
  await completedSession(harness, client.id, 0)
  await page.reload()
  await expect(page.getByRole('table', { name: 'Ledger' }).getByRole('row').filter({ hasText: 'Sliding scale' })).toContainText('-$50.00')

  // Invoice both, then void it: its number stays on record, its charges are unbilled again.
  await page.getByRole('button', { name: 'Create invoice' }).click()
  await page.getByRole('alertdialog', { name: 'Create invoice' }).getByRole('button', { name: 'Create and issue' }).click()
  const invoices = page.getByRole('table', { name: 'Invoices' })
  const number = `INV-${isoDay(0).slice(0, 4)}-0001`
  await expect(invoices.getByRole('row').filter({ hasText: number })).toContainText('Issued')
  await invoices.getByRole('button', { name: `Void invoice ${number}` }).click()
  const voiding = page.getByRole('dialog', { name: `Void invoice ${number}` })
  await voiding.getByRole('button', { name: 'Void invoice' }).click()
  await expect(byLabel(voiding, 'Reason')).toHaveAccessibleDescription(/Reason is required/)
  await byLabel(voiding, 'Reason').fill('Wrong units on the first line')
  await voiding.getByRole('button', { name: 'Void invoice' }).click()
  await expect(invoices.getByRole('row').filter({ hasText: number })).toContainText('Void')
  await expect(charges.getByRole('row').filter({ hasText: 'Unbilled' })).toHaveCount(2)
  await expectAccessible(page, 'billing tab after void')
  await picture(page, 'billing-edit-2-after-void')
})
