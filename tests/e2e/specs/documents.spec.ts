/**
 * Stored documents from the client's Billing tab: a superbill made is listed with its number,
 * saved again byte for byte (checked against the SHA-256 listed), and voided with a reason; a
 * Good Faith Estimate for a self-pay client, refused once insurance is billed, and the $400 rule.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PROTOCOL_TEMPLATES } from '../../../src/shared/domain/scheduling'
import { byLabel, call, expect, expectAccessible, isoDay, seedClient, seedPractice, shot, test } from '../fixtures'

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

test('a superbill is stored: generated, listed, downloaded again identical, voided with a reason', async ({ page, harness }) => {
  await seedPractice(harness)
  const client = await seedClient(harness, { legalFirstName: 'Siobhán', legalLastName: 'Ó Briain', addressLine1: '4 Harbor Rd', city: 'Boston', state: 'MA', postalCode: '02110' })
  await call(harness, 'diagnoses:add', { clientId: client.id, diagnosis: { code: 'F43.10' } })
  const fees = await call<{ items: { id: string; code: string; unitFeeCents: number }[] }>(harness, 'billing:fees', {})
  const therapy = fees.items.find((f) => f.code === '90837')!
  for (const day of ['2026-02-10', '2026-02-24']) {
    await call(harness, 'billing:createCharge', {
      clientId: client.id,
      charge: { dateOfService: day, feeItemId: therapy.id, units: 1, unitFeeCents: therapy.unitFeeCents, modifiers: [], pointers: ['A'], placeOfService: '11' }
    })
  }

  await page.goto(`/#/clients/${client.id}/billing`)
  const documents = page.getByRole('table', { name: 'Documents' })
  await expect(page.getByText('No documents yet')).toBeVisible()
  const form = page.getByRole('form', { name: 'Superbill' })
  await byLabel(form, 'From').fill('2026-02-01')
  await byLabel(form, 'To').fill('2026-02-28')
  await form.getByRole('button', { name: 'Superbill' }).click()
  const fileName = (await page.getByTestId('superbill-file').textContent())!.trim()
  expect(fileName).toMatch(/^superbill-SB-\d{4}-0001\.pdf$/)
  const number = fileName.slice('superbill-'.length, -'.pdf'.length)
  const row = documents.getByRole('row').filter({ hasText: number })
  await expect(row).toContainText('Superbill')
  await expect(row).toContainText('Issued')
  await expectAccessible(page, 'documents listed')
  await shot(page, 'documents-10-listed')

  const path = join(harness.dataDir, 'exports', fileName)
  const first = readFileSync(path)
  const [stored] = await call<{ sha256: string }[]>(harness, 'documents:list', { clientId: client.id })
  expect(sha256(path)).toBe(stored!.sha256)

  await row.getByRole('button', { name: `Download again ${number}` }).click()
  await expect(page.getByText(`Saved ${fileName} to the exports folder, identical to the one first made`)).toBeVisible()
  expect(readFileSync(path).equals(first)).toBe(true)

  await row.getByRole('button', { name: `Void ${number}` }).click()
  const dialog = page.getByRole('alertdialog')
  await dialog.getByRole('button', { name: 'Void document' }).click()
  await expect(dialog).toContainText('Reason is required')
  await shot(page, 'documents-20-void-reason')
  await byLabel(dialog, 'Reason').fill('Client asked for March included')
  await dialog.getByRole('button', { name: 'Void document' }).click()
  await expect(dialog).toBeHidden()
  await expect(row).toContainText('Void')
  await expect(row).toContainText('Client asked for March included')
  await expect(row.getByRole('button', { name: `Void ${number}` })).toHaveCount(0)
  await expectAccessible(page, 'document voided')
  await shot(page, 'documents-30-voided')
})

test('a Good Faith Estimate for a self-pay client; refused when insurance is billed; the $400 rule shown', async ({ page, harness }) => {
  await seedPractice(harness)
  const client = await seedClient(harness, { legalFirstName: 'Aarav', legalLastName: 'Deshpande-Ruiz' })
  const induction = PROTOCOL_TEMPLATES.find((t) => t.key === 'induction')!
  const course = await call<{ id: string }>(harness, 'courses:create', { clientId: client.id, course: { protocol: structuredClone(induction), startedOn: isoDay(0) } })
  await call(harness, 'sessions:create', { clientId: client.id, session: { date: isoDay(21), startTime: '10:00', durationMinutes: 60, kind: 'preparation', placeOfService: '11', status: 'scheduled', courseId: course.id } })

  await page.goto(`/#/clients/${client.id}/billing`)
  const form = page.getByRole('form', { name: 'Good Faith Estimate' })
  await form.getByRole('button', { name: 'Good Faith Estimate' }).click()
  const result = page.getByTestId('gfe-result')
  await expect(result).toContainText(/GFE-\d{4}-0001 saved as good-faith-estimate-GFE-\d{4}-0001\.pdf to the exports folder · Issued on time \(due \d{2}\/\d{2}\/\d{4}\)/)
  const fileName = (await page.getByTestId('gfe-file').textContent())!.trim()
  const row = page.getByRole('table', { name: 'Documents' }).getByRole('row').filter({ hasText: fileName.slice('good-faith-estimate-'.length, -4) })
  await expect(row).toContainText('Good Faith Estimate')
  await expect(row).toContainText('Issued on time')
  await expectAccessible(page, 'GFE made')
  await shot(page, 'documents-40-gfe-made')
  const text = execFileSync('pdftotext', ['-layout', join(harness.dataDir, 'exports', fileName), '-'], { encoding: 'utf8' })
  expect(text).toContain('Aarav Deshpande-Ruiz')
  expect(text).toContain('not a contract')
  expect(text).toContain('$4,000.00 – $6,400.00')

  // Insured and billing insurance: refused, with why, beside the checkbox.
  await call(harness, 'insurance:create', { clientId: client.id, policy: { rank: 'primary', payerName: 'Blue Cross', payerId: null, memberId: 'XZ998877', groupNumber: null, relationship: 'self', subscriberName: null, subscriberDateOfBirth: null } })
  await form.getByLabel('Client pays themselves (uninsured, or not billing insurance)').uncheck()
  await form.getByRole('button', { name: 'Good Faith Estimate' }).click()
  await expect(page.getByText('Blue Cross is on file and will be billed')).toBeVisible()
  await shot(page, 'documents-50-gfe-refused')

  // Billed well over the estimate's $6,400.00: the tab and the Billing page say so, with the window's end.
  const fees = await call<{ items: { id: string; code: string }[] }>(harness, 'billing:fees', {})
  const dosing = fees.items.find((f) => f.code === '0820T')!
  for (const offset of [1, 4, 8]) {
    await call(harness, 'billing:createCharge', { clientId: client.id, charge: { dateOfService: isoDay(offset), feeItemId: dosing.id, units: 3, unitFeeCents: 80_000, modifiers: [], pointers: [], placeOfService: '11' } })
  }
  await call(harness, 'billing:createInvoice', { clientId: client.id, issue: true, issuedOn: isoDay(0) })
  await page.reload()
  const notice = page.getByTestId('gfe-disputes')
  await expect(notice).toContainText('Billed $400 or more over a Good Faith Estimate')
  await expect(notice).toContainText('$7,200.00')
  await expect(notice).toContainText('120 days after the bill')
  await shot(page, 'documents-60-gfe-over-tab')
  await page.goto('/#/billing')
  await expect(page.getByTestId('gfe-disputes').getByRole('link', { name: 'Aarav Deshpande-Ruiz' })).toBeVisible()
  await expectAccessible(page, 'billing page with a GFE dispute')
  await shot(page, 'documents-70-gfe-over-billing')
})
