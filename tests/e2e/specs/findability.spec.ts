/**
 * Findability (issue 12): Ctrl+K finds actions, pages and Settings sections as well as clients;
 * note search in the sidebar; focus goes back where it was after a dialog; the ICD-10-CM list
 * with synonyms and "custom, unverified"; the audit log in words; toasts in a corner; Settings
 * sections as routes; wide windows used.
 */
import type { Page } from '@playwright/test'
import { call, expect, expectAccessible, seedClient, seedPractice, shot, test } from '../fixtures'

const palette = (page: Page) => page.getByRole('dialog', { name: 'Search clients, pages and commands' })
const paletteInput = (page: Page) => palette(page).getByRole('combobox')

async function openPalette(page: Page) {
  await page.keyboard.press('Control+k')
  await expect(palette(page)).toBeVisible()
}

test.beforeEach(async ({ harness }) => {
  await seedPractice(harness)
})

test('Ctrl+K offers actions, pages and Settings sections, finds a client, and never shows an empty list', async ({ page, harness }) => {
  const client = await seedClient(harness, { legalFirstName: 'Siobhán', legalLastName: 'O’Neill-Park', dateOfBirth: '1990-05-06' })
  await page.goto('/#/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  // Nothing typed: the commands are there (no empty listbox).
  await openPalette(page)
  const options = palette(page).getByRole('option')
  await expect(options.filter({ hasText: 'Schedule session' })).toBeVisible()
  await expect(options.filter({ hasText: 'New client' })).toBeVisible()
  await expect(options.filter({ hasText: 'Search notes' })).toBeVisible()
  await expect(options.filter({ hasText: 'Settings: Fees' })).toBeVisible()
  await expectAccessible(page, 'command palette, nothing typed')
  await shot(page, 'find-01-palette-commands')

  // A word finds a Settings section; Enter goes to its own route.
  await paletteInput(page).fill('fee')
  await expect(options.first()).toContainText('Settings: Fees')
  await paletteInput(page).press('Enter')
  await expect(page).toHaveURL(/#\/settings\/fees$/)
  await expect(page.getByRole('heading', { name: 'Fees', level: 2 })).toBeVisible()
  await expect(page.locator('#main')).toBeFocused()

  // "Schedule session" lands on the schedule with the booking dialog open.
  await openPalette(page)
  await paletteInput(page).fill('schedule')
  await expect(options.first()).toContainText('Schedule session')
  await paletteInput(page).press('Enter')
  await expect(page.getByRole('dialog', { name: 'Schedule session' })).toBeVisible()
  await expect(page).toHaveURL(/#\/sessions$/)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Schedule session' })).toBeHidden()

  // A client by part of a name; and a word that matches nothing says so inside the list.
  await openPalette(page)
  await paletteInput(page).fill('neill')
  await expect(options.filter({ hasText: 'O’Neill-Park, Siobhán' })).toBeVisible()
  await shot(page, 'find-02-palette-client')
  await paletteInput(page).fill('qqqzzz')
  await expect(options).toHaveText([/No client, page or command matches “qqqzzz”/])
  await expectAccessible(page, 'command palette, no match')
  await paletteInput(page).fill('neill')
  await options.filter({ hasText: 'O’Neill-Park' }).click()
  await expect(page).toHaveURL(new RegExp(`#/clients/${client.id}`))
})

test('note search has its place in the sidebar', async ({ page }) => {
  await page.goto('/#/')
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('link', { name: 'Note search' }).click()
  await expect(page).toHaveURL(/#\/notes\/search$/)
  await expect(nav.getByRole('link', { name: 'Note search' })).toHaveAttribute('aria-current', 'page')
})

test('focus returns to where it was after a dialog closes, even when its opener was replaced', async ({ page, harness }) => {
  const client = await seedClient(harness, { legalFirstName: 'Thomas', legalLastName: 'Nguyen' })
  await page.goto(`/#/clients/${client.id}/diagnoses`)
  await expect(page.getByText('No diagnosis yet')).toBeVisible()

  // Esc: back to the button that opened it.
  const toolbarAdd = page.getByRole('button', { name: 'Add diagnosis' }).first()
  await toolbarAdd.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Add diagnosis' })
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(toolbarAdd).toBeFocused()

  // The empty state's "Add diagnosis" opens it; saving replaces that button with the list, and
  // focus lands on the "Add diagnosis" that remains rather than on the page's body.
  const emptyAdd = page.getByRole('button', { name: 'Add diagnosis' }).nth(1)
  await emptyAdd.click()
  await dialog.getByRole('combobox', { name: 'Diagnosis code' }).fill('PTSD')
  await dialog.getByRole('option', { name: /^F43\.12\b/ }).click()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: 'Add diagnosis' })).toHaveCount(1)
  await expect(page.getByRole('button', { name: 'Add diagnosis' })).toBeFocused()
})

test('ICD-10-CM: synonyms find the codes; a code off the list is saved only as custom, unverified', async ({ page, harness }) => {
  const client = await seedClient(harness, { legalFirstName: 'Aisha', legalLastName: 'Okafor' })
  await page.goto(`/#/clients/${client.id}/diagnoses`)
  await page.getByRole('button', { name: 'Add diagnosis' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Add diagnosis' })
  const code = dialog.getByRole('combobox', { name: 'Diagnosis code' })
  const suggestions = dialog.getByRole('listbox')

  await code.fill('treatment-resistant')
  await expect(suggestions.getByRole('option', { name: /^F33\.2\b/ })).toBeVisible()
  await expect(suggestions).toContainText('treatment-resistant depression')
  await shot(page, 'find-10-icd-treatment-resistant')
  await code.fill('depression')
  await expect(suggestions.getByRole('option', { name: /^F32\.A\b/ })).toBeVisible()
  await code.fill('PTSD')
  await expect(suggestions.getByRole('option')).toHaveCount(3)
  await expect(dialog).toContainText('From CMS ICD-10-CM')

  // I10 (hypertension) is a real code but not on the list a KAP practice ships.
  await code.fill('I10')
  await expect(dialog.getByText('I10 is not on the ICD-10-CM list; it can only be saved as custom, unverified.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(code).toHaveAccessibleDescription(/not on the ICD-10-CM list the app ships/)
  await dialog.getByRole('checkbox', { name: /Save as a custom, unverified code/ }).check()
  await expectAccessible(page, 'add diagnosis, a custom code')
  await shot(page, 'find-11-icd-custom')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  const list = page.getByRole('list', { name: 'Diagnoses, in claim order' })
  await expect(list.getByRole('listitem').first()).toContainText('Custom, unverified')
  await expectAccessible(page, 'diagnoses with a custom code')
  await shot(page, 'find-12-diagnoses-custom-badge')
})

test('the audit log speaks plainly and names the client for the owner', async ({ page, harness }) => {
  const client = await seedClient(harness, { legalFirstName: 'Rosa', legalLastName: 'Delgado' })
  await call(harness, 'clients:get', { id: client.id })
  await call(harness, 'exports:custodian', {})
  await page.goto('/#/settings/audit')
  const table = page.getByRole('table')
  await expect(table.getByRole('row').nth(1)).toContainText('Exported records for a custodian')
  await expect(table).toContainText('Opened a client’s chart')
  await expect(table.getByRole('link', { name: 'Delgado, Rosa' }).first()).toBeVisible()
  await expect(table).not.toContainText('exports:custodian')
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
  await expectAccessible(page, 'audit log in words')
  await shot(page, 'find-20-audit-plain')
})

test('toasts sit in the sidebar corner, off any table; old ?section= links open the section route', async ({ page, harness }) => {
  const client = await seedClient(harness, { legalFirstName: 'Ana', legalLastName: 'Ruiz' })
  await page.goto(`/#/clients/${client.id}/diagnoses`)
  await page.getByRole('button', { name: 'Add diagnosis' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Add diagnosis' })
  await dialog.getByRole('combobox', { name: 'Diagnosis code' }).fill('F41.1')
  await dialog.getByRole('button', { name: 'Save' }).click()
  const toast = page.locator('[data-sonner-toast]').first()
  await expect(toast).toContainText('Diagnosis F41.1 added as A')
  const [toastBox, sidebar, main] = await Promise.all([toast.boundingBox(), page.locator('aside').boundingBox(), page.locator('#main').boundingBox()])
  expect(toastBox!.x + toastBox!.width).toBeLessThanOrEqual(sidebar!.x + sidebar!.width)
  expect(toastBox!.x + toastBox!.width).toBeLessThanOrEqual(main!.x)
  await shot(page, 'find-30-toast-corner')

  await page.goto('/#/settings?section=fees-heading')
  await expect(page).toHaveURL(/#\/settings\/fees$/)
  await expect(page.getByRole('heading', { name: 'Fees', level: 2 })).toBeVisible()
})

test('a wide window is used: list pages are not held to a narrow column', async ({ page, harness }) => {
  await page.setViewportSize({ width: 1920, height: 1000 })
  await seedClient(harness, { legalFirstName: 'Wide', legalLastName: 'Window' })
  for (const path of ['/#/clients', '/#/', '/#/billing', '/#/settings/audit']) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const main = await page.locator('#main').boundingBox()
    // The page (inside the pane's padding) is as wide as the pane, and starts at its left edge.
    const content = await page.locator('#main > div > *').first().boundingBox()
    expect.soft(content!.width, path).toBeGreaterThan(main!.width - 80)
    expect.soft(content!.x - main!.x, path).toBeLessThan(40)
  }
  await page.goto('/#/clients')
  await shot(page, 'find-40-wide-clients')
})
