/**
 * The superbill from the client's Billing tab, as an administrator would make it: refused first
 * with the list of what is missing and where it is fixed, then — once the client's address is on
 * file — saved to the exports folder as a PDF whose text names the client exactly.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { byLabel, call, clientDefaults, expect, expectAccessible, seedClient, seedPractice, shot, test } from '../fixtures'

test('a superbill is refused with what is missing, then saved once it is filled in', async ({ page, harness }) => {
  await seedPractice(harness)
  const client = await seedClient(harness, { legalFirstName: 'Nguyễn', legalMiddleName: 'Thị', legalLastName: 'Ánh' })
  await call(harness, 'diagnoses:add', { clientId: client.id, diagnosis: { code: 'F33.2' } })
  const fees = await call<{ items: { id: string; code: string; unitFeeCents: number }[] }>(harness, 'billing:fees', {})
  const therapy = fees.items.find((f) => f.code === '90837')!
  for (const day of ['2026-02-10', '2026-02-17']) {
    await call(harness, 'billing:createCharge', {
      clientId: client.id,
      charge: { dateOfService: day, feeItemId: therapy.id, units: 1, unitFeeCents: therapy.unitFeeCents, modifiers: [], pointers: ['A'], placeOfService: '11' }
    })
  }

  await page.goto(`/#/clients/${client.id}/billing`)
  const form = page.getByRole('form', { name: 'Superbill' })
  await byLabel(form, 'From').fill('2026-02-01')
  await byLabel(form, 'To').fill('2026-02-28')
  await form.getByRole('button', { name: 'Superbill' }).click()
  const missing = page.getByTestId('superbill-missing')
  await expect(missing).toContainText('Address — client’s profile')
  // Each place to fix it is a link: the client's profile opens the client form.
  await expect(missing.getByRole('link', { name: 'client’s profile' }).first()).toHaveAttribute('href', `#/clients/${client.id}/edit`)
  await expectAccessible(page, 'superbill refused')
  await shot(page, 'superbill-10-missing')

  await call(harness, 'clients:update', {
    id: client.id,
    client: { ...clientDefaults, legalFirstName: 'Nguyễn', legalMiddleName: 'Thị', legalLastName: 'Ánh', addressLine1: '12 Lotus Lane', city: 'San Jose', state: 'CA', postalCode: '95112', phone: '(408) 555-0199' }
  })
  await form.getByRole('button', { name: 'Superbill' }).click()
  const result = page.getByTestId('superbill-result')
  await expect(result).toContainText(/SB-\d{4}-0001 saved as superbill-SB-\d{4}-0001\.pdf to the exports folder/)
  await expect(missing).toBeHidden()
  await shot(page, 'superbill-20-saved')

  const fileName = (await result.getByTestId('superbill-file').textContent())!.trim()
  expect(fileName).not.toContain('Ánh')
  const text = execFileSync('pdftotext', ['-layout', join(harness.dataDir, 'exports', fileName), '-'], { encoding: 'utf8' })
  expect(text).toContain('Nguyễn Thị Ánh')
  expect(text).toContain('90837')
  expect(text).toContain('$400.00')
})
