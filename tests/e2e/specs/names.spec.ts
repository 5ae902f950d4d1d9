/**
 * Names (issue 13): a client with one legal name saved through the form, and names found the
 * way a receptionist types them — plain Latin letters, no apostrophes — in the list and Ctrl+K.
 */
import { byLabel, expect, expectAccessible, seedClient, seedPractice, shot, test } from '../fixtures'

test('a client with one legal name is saved without inventing a first name', async ({ page, harness }) => {
  await seedPractice(harness)
  await page.goto('/#/clients/new')
  const form = page.getByRole('form', { name: 'Add client' })
  await expect(form).toBeVisible()
  await byLabel(page, 'Legal first name').fill('Temp')
  await page.getByRole('checkbox', { name: 'This client has one legal name' }).check()
  await expect(byLabel(page, 'Legal first name')).toHaveCount(0)
  await byLabel(page, 'Legal name').fill('Madonna')
  await byLabel(page, 'Date of birth').fill('1958-08-16')
  await byLabel(page, 'Sex').selectOption('F')
  await expect(form.getByText('Claims and superbills print it in the last-name field')).toBeVisible()
  await expectAccessible(page, 'client form, one legal name')
  await shot(page, 'names-01-one-legal-name')
  await page.getByRole('button', { name: 'Save client' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Madonna/ })).toBeVisible()
  const listed = await harness.app.call('clients:list', {})
  expect(listed).toMatchObject({ ok: true, value: { total: 1, rows: [{ legalFirstName: '', legalLastName: 'Madonna' }] } })
})

test('names are found typed in plain Latin letters and without punctuation, in the list and Ctrl+K', async ({ page, harness }) => {
  await seedPractice(harness)
  await seedClient(harness, { legalFirstName: 'Łukasz', legalLastName: 'Wróbel', dateOfBirth: '1984-02-03' })
  await seedClient(harness, { legalFirstName: 'Søren', legalLastName: 'Ødegård', dateOfBirth: '1979-06-30' })
  await seedClient(harness, { legalFirstName: 'Kate', legalLastName: 'O’Brien-Smith', dateOfBirth: '1990-10-10' })
  await seedClient(harness, { legalFirstName: 'Zed', legalLastName: 'Zimmer', dateOfBirth: '1970-01-01' })
  await page.goto('/#/clients')
  const table = page.getByRole('table', { name: 'Clients' })
  // Sorted with the letters they look like: Ø with the O's, before W and Z.
  await expect(table.getByRole('row').nth(1)).toContainText('O’Brien-Smith')
  await expect(table.getByRole('row').nth(2)).toContainText('Ødegård')
  await page.getByRole('searchbox', { name: 'Search clients' }).pressSequentially('lukasz', { delay: 30 })
  await expect(table.getByRole('row').filter({ hasText: 'Wróbel, Łukasz' })).toBeVisible()
  await expect(table.getByRole('row')).toHaveCount(2)
  await shot(page, 'names-02-list-lukasz')

  await page.keyboard.press('Control+k')
  const palette = page.getByRole('dialog', { name: 'Search clients, pages and commands' })
  await expect(palette).toBeVisible()
  await palette.getByRole('combobox').pressSequentially('obrien', { delay: 30 })
  await expect(palette.getByRole('option', { name: /O’Brien-Smith, Kate/ })).toBeVisible()
  await shot(page, 'names-03-ctrl-k-obrien')
})
