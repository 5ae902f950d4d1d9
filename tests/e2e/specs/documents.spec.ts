/**
 * Stored documents from the client's Billing tab: a superbill made is listed with its number,
 * saved again byte for byte (checked against the SHA-256 listed), and voided with a reason.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { byLabel, call, expect, expectAccessible, seedClient, seedPractice, shot, test } from '../fixtures'

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
