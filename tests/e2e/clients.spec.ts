/** The client list and form: add a client, find them as you type, validation, archive and restore. */
import { byLabel, expect, expectAccessible, fillFields, isoDay, seedClient, seedPractice, shot, test } from './fixtures'
import type { Page } from '@playwright/test'

const clientsTable = (page: Page) => page.getByRole('table', { name: 'Clients' })
const rowFor = (page: Page, name: string) => clientsTable(page).getByRole('row').filter({ hasText: name })
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search clients' })

test.beforeEach(async ({ harness }) => {
  await seedPractice(harness)
})

test('add a client through the form, then find them by name and by date of birth as you type', async ({ page, harness }) => {
  await page.goto('/#/clients')
  await expect(page.getByText('No clients yet')).toBeVisible()
  await shot(page, '20-clients-empty')

  await page.getByRole('link', { name: 'Add client' }).first().click()
  await expect(page.getByRole('form', { name: 'Add client' })).toBeVisible()
  await fillFields(page, {
    'Legal first name': 'María José',
    'Legal last name': 'García-López',
    'Preferred name': 'Majo',
    Pronouns: 'she/her',
    'Date of birth': '1987-11-23',
    Sex: 'F',
    Email: 'mj.garcia@example.com',
    Phone: '(415) 555-0134',
    Status: 'screening'
  })
  await expectAccessible(page, 'new client form')
  await shot(page, '21-client-form-filled')
  await page.getByRole('button', { name: 'Save client' }).click()

  // Saving opens the new chart.
  await expect(page.getByRole('heading', { level: 1, name: /María José/ })).toBeVisible()
  await expect(page).toHaveURL(/#\/clients\/[0-9a-f-]{36}/)
  const listed = await harness.app.call('clients:list', {})
  expect(listed).toMatchObject({ ok: true, value: { total: 1, rows: [{ legalFirstName: 'María José', legalLastName: 'García-López', dateOfBirth: '1987-11-23' }] } })

  // A few neighbours so the search has something to leave out.
  await seedClient(harness, { legalFirstName: 'Thomas', legalLastName: 'Nguyen', dateOfBirth: '1979-02-14' })
  await seedClient(harness, { legalFirstName: 'Aisha', legalLastName: 'Okafor', dateOfBirth: '1992-07-30' })

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click()
  await expect(clientsTable(page).getByRole('row')).toHaveCount(4) // header + 3 clients
  await expectAccessible(page, 'client list')
  await shot(page, '22-clients-list')

  // By name, typed the way people type it: no accents, part of the surname.
  await search(page).pressSequentially('maria garc', { delay: 30 })
  await expect(rowFor(page, 'García-López, María José')).toBeVisible()
  await expect(rowFor(page, 'Nguyen')).toHaveCount(0)
  await expect(rowFor(page, 'Okafor')).toHaveCount(0)
  await shot(page, '23-clients-search-name')

  // By date of birth.
  await search(page).fill('')
  await expect(rowFor(page, 'Nguyen')).toBeVisible()
  await search(page).pressSequentially('1987-11-23', { delay: 30 })
  await expect(rowFor(page, 'García-López, María José')).toBeVisible()
  await expect(clientsTable(page).getByRole('row')).toHaveCount(2)

  // Open the chart from the list.
  await rowFor(page, 'García-López, María José').click()
  await expect(page.getByRole('heading', { level: 1, name: /María José/ })).toBeVisible()
})

test('the client form shows errors beside the fields for a future date of birth and a missing name', async ({ page, harness }) => {
  await page.goto('/#/clients/new')
  await fillFields(page, {
    'Legal first name': 'Siobhán',
    'Date of birth': isoDay(30),
    Sex: 'F'
  })
  await page.getByRole('button', { name: 'Save client' }).click()

  const last = byLabel(page, 'Legal last name')
  const dob = byLabel(page, 'Date of birth')
  await expect(last).toHaveAttribute('aria-invalid', 'true')
  await expect(last).toHaveAccessibleDescription(/Legal last name is required/)
  await expect(dob).toHaveAttribute('aria-invalid', 'true')
  await expect(dob).toHaveAccessibleDescription(/cannot be in the future/)
  await expect(byLabel(page, 'Legal first name')).not.toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page, 'client form with errors')
  await shot(page, '24-client-form-errors')
  expect(await harness.app.call('clients:list', { archived: 'all' })).toMatchObject({ ok: true, value: { total: 0 } })

  // Fixing both saves.
  await last.fill('Ní Bhriain')
  await dob.fill('1990-06-01')
  await page.getByRole('button', { name: 'Save client' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Siobhán/ })).toBeVisible()
  expect(await harness.app.call('clients:list', {})).toMatchObject({ ok: true, value: { total: 1 } })
})

test('archive hides a client from the default list, the Archived filter finds them, restore brings them back', async ({ page, harness }) => {
  const client = await seedClient(harness, { legalFirstName: 'Kwame', legalLastName: 'Mensah-Boateng', dateOfBirth: '1975-09-09' })
  await seedClient(harness, { legalFirstName: 'Lena', legalLastName: 'Fischer', dateOfBirth: '1983-03-03' })

  await page.goto(`/#/clients/${client.id}`)
  await expect(page.getByRole('heading', { level: 1, name: /Kwame/ })).toBeVisible()
  await page.getByRole('button', { name: 'Archive client' }).click()
  const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'))
  await byLabel(dialog, 'Reason').fill('Completed course')
  await dialog.getByRole('button', { name: 'Archive client' }).click()
  await expect(page.getByRole('button', { name: 'Restore client' })).toBeVisible()
  await shot(page, '30-chart-archived')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click()
  await expect(rowFor(page, 'Fischer')).toBeVisible()
  await expect(rowFor(page, 'Mensah-Boateng')).toHaveCount(0)

  const show = page.getByRole('group', { name: 'Show' })
  await show.getByRole('button', { name: 'Archived' }).click()
  await expect(rowFor(page, 'Mensah-Boateng, Kwame')).toBeVisible()
  await expect(rowFor(page, 'Fischer')).toHaveCount(0)
  await shot(page, '31-clients-archived-filter')

  await rowFor(page, 'Mensah-Boateng, Kwame').click()
  await page.getByRole('button', { name: 'Restore client' }).click()
  await expect(page.getByRole('button', { name: 'Archive client' })).toBeVisible()

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click()
  await show.getByRole('button', { name: 'Current' }).click()
  await expect(rowFor(page, 'Mensah-Boateng, Kwame')).toBeVisible()
  const stored = await harness.app.call('clients:get', { id: client.id })
  expect(stored).toMatchObject({ ok: true, value: { client: { archivedAt: null } } })
})
