/**
 * Billing as an administrator (issue 8): a dosing session completed in the chart (its note
 * signed by the owner) → charges appear with diagnosis pointers → invoice → partial payment →
 * the aging report and the client's balance agree → overpayment → credit → refund → the
 * accountant's CSV, opened and checked. Screenshots in test-results/screenshots/billing-*.png.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Harness } from '../harness/server'
import { byLabel, call, expect, expectAccessible, isoDay, seedClient, seedPractice, shot, test } from '../fixtures'

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' })
const stat = (page: Page, id: string) => page.getByTestId(id)
/** Toasts fade on their own; the picture is of the screen at rest. */
async function picture(page: Page, name: string) {
  for (const close of await page.getByRole('button', { name: 'Close toast' }).all()) await close.click().catch(() => {})
  await expect(page.locator('[data-sonner-toast]')).toHaveCount(0, { timeout: 8000 })
  return shot(page, name)
}

async function addAdminAndSignOut(harness: Harness) {
  const created = await harness.host.call('users:create', { user: { displayName: 'Avery Brooks', login: 'avery', role: 'administrator', credentials: null }, passphrase: 'quiet meadow ledger' })
  if (!created.ok) throw new Error(`users:create failed: ${created.error.message}`)
  const out = await harness.host.call('auth:signOut', {})
  if (!out.ok) throw new Error('sign-out failed')
}

const signableDosingBody = {
  preDose: { fasting: true, bpInRange: true, escortConfirmed: true, escortName: 'Luis Rivera', noDecongestant: true, interactingMedsReviewed: true },
  medication: { drug: 'racemic_ketamine', route: 'im', doseMg: 50, weightKg: 70, lotNumber: 'K-2291', administeredBy: 'Dr. Whitfield', prescriber: 'Dr. Whitfield' },
  times: { doseStart: '10:05', onset: '10:10', peak: '10:30', acuteEnd: '11:20', discharge: '12:10' },
  vitals: [{ id: 'v1', time: '10:00', systolic: 128, diastolic: 82, heartRate: 74, spo2: 98, note: 'Baseline' }],
  interventions: '',
  notes: 'Calm session.'
}

test('administrator: completed dosing → charges with pointers → invoice → partial payment → aging agrees → overpay → credit → refund → CSV', async ({ page, harness }) => {
  test.setTimeout(120_000)
  await seedPractice(harness)
  const client = await seedClient(harness, { legalFirstName: 'Ana', legalLastName: 'Rivera', escortName: 'Luis Rivera' })
  await call(harness, 'diagnoses:add', { clientId: client.id, diagnosis: { code: 'F33.2' } })
  await call(harness, 'diagnoses:add', { clientId: client.id, diagnosis: { code: 'F41.1' } })
  const dosing = await call<{ session: { id: string } }>(harness, 'sessions:create', {
    clientId: client.id,
    session: { date: isoDay(-1), startTime: '09:30', durationMinutes: 180, kind: 'dosing', placeOfService: '11', status: 'scheduled' }
  })
  // The owner (a clinician) writes and signs the note; the administrator never sees its content.
  const note = await call<{ id: string; revision: number }>(harness, 'notes:create', { sessionId: dosing.session.id })
  const saved = await call<{ revision: number }>(harness, 'notes:save', { id: note.id, revision: note.revision, body: signableDosingBody })
  await call(harness, 'notes:sign', { id: note.id, revision: saved.revision })
  await addAdminAndSignOut(harness)

  await page.goto('/')
  await byLabel(page, 'User name').fill('avery')
  await byLabel(page, 'Passphrase').fill('quiet meadow ledger')
  await byLabel(page, 'Passphrase').press('Enter')
  await expect(mainNav(page)).toBeVisible()

  // 1. Complete the dosing session from the chart's Sessions tab.
  await page.goto(`/#/clients/${client.id}/sessions`)
  await page.getByRole('button', { name: /change status of Ana Rivera’s session/ }).first().click()
  await page.getByRole('dialog', { name: 'Session status' }).getByRole('button', { name: 'Completed' }).click()
  await expect(page.getByRole('button', { name: /^Status: Completed/ }).first()).toBeVisible()

  // 2. Its charges: 0820T × 3 at $200, pointing at A (F33.2).
  await page.getByRole('tablist', { name: 'Client chart sections' }).getByRole('tab', { name: 'Billing', exact: true }).click()
  const charges = page.getByRole('table', { name: 'Charges' })
  const line = charges.getByRole('row').filter({ hasText: '0820T' })
  await expect(line).toContainText('A F33.2')
  await expect(line).toContainText('$600.00')
  await expect(line).toContainText('Unbilled')
  await expect(stat(page, 'client-unbilled')).toHaveText('$600.00')
  await picture(page, 'billing-1-charges')
  await expectAccessible(page, 'client billing tab')

  // 3. Invoice them.
  await page.getByRole('button', { name: 'Create invoice' }).click()
  await page.getByRole('alertdialog', { name: 'Create invoice' }).getByRole('button', { name: 'Create and issue' }).click()
  const year = isoDay(0).slice(0, 4)
  const invoices = page.getByRole('table', { name: 'Invoices' })
  await expect(invoices.getByRole('row').filter({ hasText: `INV-${year}-0001` })).toContainText('Issued')
  await expect(stat(page, 'client-balance')).toHaveText('$600.00')

  // 4. A partial payment of $250 by card (a full card number is refused beside the field).
  await page.getByRole('button', { name: 'Record payment' }).click()
  let dialog = page.getByRole('dialog', { name: 'Record payment' })
  await byLabel(dialog, 'Amount').fill('250.00')
  await byLabel(dialog, 'Reference').fill('4242 4242 4242 4242')
  await dialog.getByRole('button', { name: 'Record payment' }).click()
  await expect(byLabel(dialog, 'Reference')).toHaveAccessibleDescription(/full card number/)
  await byLabel(dialog, 'Reference').fill('4242')
  await dialog.getByRole('button', { name: 'Record payment' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(invoices.getByRole('row').filter({ hasText: `INV-${year}-0001` })).toContainText('Partially paid')
  await expect(stat(page, 'client-balance')).toHaveText('$350.00')
  await picture(page, 'billing-2-partial-payment')

  // 5. The practice's aging report says the same.
  await mainNav(page).getByRole('link', { name: 'Billing' }).click()
  const aging = page.getByRole('table', { name: 'Aging' })
  await expect(aging.getByRole('row').filter({ hasText: 'Ana Rivera' })).toContainText('$350.00')
  await expect(page.getByTestId('aging-totals')).toContainText('Total $350.00')
  await expect(page.getByRole('table', { name: 'Open invoices' })).toContainText(`INV-${year}-0001`)
  await picture(page, 'billing-3-billing-page')
  await expectAccessible(page, 'billing page')

  // 6. An overpayment: $400 against $350 owed leaves $50 of credit.
  await page.goto(`/#/clients/${client.id}/billing`)
  await page.getByRole('button', { name: 'Record payment' }).click()
  dialog = page.getByRole('dialog', { name: 'Record payment' })
  await expect(byLabel(dialog, 'Amount')).toHaveValue('350.00')
  await byLabel(dialog, 'Amount').fill('400')
  await byLabel(dialog, 'Method').selectOption('check')
  await byLabel(dialog, 'Reference').fill('1042')
  await dialog.getByRole('button', { name: 'Record payment' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(stat(page, 'client-credit')).toHaveText('$50.00')
  await expect(stat(page, 'client-balance')).toHaveText('$0.00')
  await expect(invoices.getByRole('row').filter({ hasText: `INV-${year}-0001` })).toContainText('Paid')

  // 7. Refund the credit; a refund larger than it is refused.
  await page.getByRole('button', { name: 'Refund credit' }).click()
  dialog = page.getByRole('dialog', { name: 'Refund credit' })
  await expect(byLabel(dialog, 'Amount')).toHaveValue('50.00')
  await byLabel(dialog, 'Amount').fill('60')
  await dialog.getByRole('button', { name: 'Record refund' }).click()
  await expect(byLabel(dialog, 'Amount')).toHaveAccessibleDescription(/More than the client’s credit/)
  await byLabel(dialog, 'Amount').fill('50')
  await byLabel(dialog, 'Method').selectOption('check')
  await byLabel(dialog, 'Reference').fill('1043')
  await dialog.getByRole('button', { name: 'Record refund' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(stat(page, 'client-credit')).toHaveText('$0.00')
  const ledger = page.getByRole('table', { name: 'Ledger' })
  await expect(ledger.getByRole('row').nth(1)).toContainText('Refund')
  await expect(ledger.getByRole('row').nth(1)).toContainText('$0.00')
  await ledger.scrollIntoViewIfNeeded()
  await picture(page, 'billing-4-refund')

  // 8. The accountant's CSV: opened and checked.
  await mainNav(page).getByRole('link', { name: 'Billing' }).click()
  await expect(page.getByRole('table', { name: 'Aging' })).toContainText('Nobody owes anything')
  const exportForm = page.getByRole('form', { name: 'Accountant’s export' })
  await byLabel(exportForm, 'From').fill(isoDay(-30))
  await byLabel(exportForm, 'To').fill(isoDay(0))
  await exportForm.getByRole('button', { name: 'Export CSV for the accountant' }).click()
  const result = page.getByTestId('export-result')
  await expect(result).toContainText('.csv')
  const fileName = (await result.locator('.num').textContent())!.trim()
  const text = readFileSync(join(harness.dataDir, 'exports', fileName), 'utf8')
  expect(text.startsWith('\uFEFF')).toBe(true)
  const rows = text.slice(1).trimEnd().split('\r\n')
  expect(rows[0]).toBe('type,date,client_record_id,code,modifiers,description,units,unit_fee,amount,invoice_number,method,reference,status')
  expect(rows).toContain(`charge,${isoDay(-1)},${client.id},0820T,,"Psychedelic session monitoring, per hour",3,200.00,600.00,INV-${year}-0001,,,invoiced`)
  expect(rows.filter((r) => r.startsWith('payment,')).map((r) => r.split(',')[8])).toEqual(['-250.00', '-400.00'])
  expect(rows.find((r) => r.startsWith('refund,'))).toContain(',50.00,,Check,1043,posted')
  expect(rows.filter((r) => r.startsWith('allocation,')).map((r) => r.split(',')[8])).toEqual(['250.00', '350.00'])
  // No name and no note content in the accountant's file: clients are record IDs.
  expect(text).not.toMatch(/Rivera|Calm session/)
  await picture(page, 'billing-5-export')
})
