/**
 * A measure entered by mistake is voided from the chart with a reason: it leaves the table and the
 * trend, a baseline moves to the next measure, and an empty reason is refused beside the field.
 */
import { call, expect, expectAccessible, seedClient, seedPractice, shot, test } from '../fixtures'

test('a PHQ-9 entered by mistake is voided with a reason and leaves the table and the trend', async ({ page, harness }) => {
  await seedPractice(harness)
  const client = await seedClient(harness, { legalFirstName: 'Ana', legalLastName: 'Rivera' })
  const phq9 = (administeredOn: string, answers: number[]) => call(harness, 'measures:create', { clientId: client.id, measure: { kind: 'phq9', answers, administeredOn } })
  await phq9('2026-01-05', [2, 2, 2, 2, 2, 2, 2, 2, 0])
  await phq9('2026-01-20', [1, 1, 1, 1, 1, 1, 1, 1, 0])

  await page.goto(`/#/clients/${client.id}/measures`)
  const table = page.getByRole('table', { name: 'Measures' })
  await expect(table.locator('tbody tr')).toHaveCount(2)

  await page.getByRole('button', { name: /^Void the PHQ-9 of Jan 5, 2026/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Void measure' })
  await expect(dialog).toContainText('total 16')
  await dialog.getByRole('button', { name: 'Void measure' }).click()
  await expect(dialog.getByText(/Say why this measure is voided/)).toBeVisible()
  await dialog.getByLabel(/^Reason/).fill('Entered for the wrong client')
  await expectAccessible(page, 'void measure dialog')
  await shot(page, 'measures-void-dialog')
  await dialog.getByRole('button', { name: 'Void measure' }).click()
  await expect(dialog).toBeHidden()

  await expect(table.locator('tbody tr')).toHaveCount(1)
  // The remaining measure is now the baseline.
  await expect(table).toContainText('Baseline')
  await expect(page.getByRole('img', { name: /Measure scores over time/ }).locator('[data-series="phq9"] circle')).toHaveCount(1)
  // The record keeps it: voided, with the reason, in the audit log as an archive.
  const rows = harness.app.connection.sqlite.prepare('SELECT voided_at AS voidedAt, void_reason AS reason FROM measures ORDER BY administered_on').all() as { voidedAt: string | null; reason: string | null }[]
  expect(rows[0]).toMatchObject({ reason: 'Entered for the wrong client' })
  expect(rows[0]!.voidedAt).not.toBeNull()
  expect(rows[1]!.voidedAt).toBeNull()
})
