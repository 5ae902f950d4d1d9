/** The client chart: tabs, diagnoses (picker, typed code, letters, format errors) and screening. */
import type { Page } from '@playwright/test'
import { byLabel, expect, expectAccessible, seedClient, seedPractice, shot, test } from './fixtures'

const TABS = ['Overview', 'Contacts', 'Insurance', 'Diagnoses', 'Screening', 'Consents'] as const

const tab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Client chart sections' }).getByRole('tab', { name, exact: true })

async function openChart(page: Page, clientId: string, section = 'overview') {
  await page.goto(`/#/clients/${clientId}/${section}`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
}

test.beforeEach(async ({ harness }) => {
  await seedPractice(harness)
})

test('every chart tab opens under the header that stays, and passes axe', async ({ page, harness }) => {
  const client = await seedClient(harness, {
    legalFirstName: 'María José',
    legalLastName: 'García-López',
    dateOfBirth: '1987-11-23',
    phone: '(415) 555-0134',
    escortName: 'Luis García',
    escortPhone: '(415) 555-0177'
  })
  await openChart(page, client.id)
  const heading = page.getByRole('heading', { level: 1, name: /García-López/ })
  await expect(heading).toBeVisible()
  for (const [i, name] of TABS.entries()) {
    await tab(page, name).click()
    await expect(tab(page, name)).toHaveAttribute('aria-selected', 'true')
    await expect(page).toHaveURL(new RegExp(`/${name.toLowerCase()}$`))
    await expect(page.getByRole('tabpanel')).toBeVisible()
    await expect(heading).toBeVisible()
    // Let the tab's query settle (no skeletons) before looking at it.
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
    await expectAccessible(page, `chart — ${name} tab`)
    await shot(page, `4${i}-chart-${name.toLowerCase()}`)
  }
})

test('diagnoses: one from the picker, one typed, lettered A and B; a malformed code shows its error', async ({ page, harness }) => {
  const client = await seedClient(harness, { legalFirstName: 'Thomas', legalLastName: 'Nguyen', dateOfBirth: '1979-02-14' })
  await openChart(page, client.id, 'diagnoses')
  await expect(page.getByText('No diagnosis yet')).toBeVisible()

  // 1. From the picker: type words, choose the suggestion.
  await page.getByRole('button', { name: 'Add diagnosis' }).first().click()
  let dialog = page.getByRole('dialog', { name: 'Add diagnosis' })
  const code = dialog.getByRole('combobox', { name: 'Diagnosis code' })
  await code.pressSequentially('recurrent, severe', { delay: 20 })
  // The suggestions the combobox controls (the only listbox on screen).
  const suggestions = page.getByRole('listbox')
  await expect(suggestions).toBeVisible()
  await shot(page, '50-diagnosis-picker')
  await suggestions.getByRole('option', { name: /^F33\.2\b/ }).click()
  await expect(code).toHaveValue('F33.2')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()

  // 2. A malformed code is refused beside the field, then a typed code not picked from the list.
  await page.getByRole('button', { name: 'Add diagnosis' }).first().click()
  dialog = page.getByRole('dialog', { name: 'Add diagnosis' })
  const typed = dialog.getByRole('combobox', { name: 'Diagnosis code' })
  await typed.fill('F3')
  // Enter with no suggestion highlighted submits the code as typed.
  await typed.press('Enter')
  await expect(typed).toHaveAttribute('aria-invalid', 'true')
  await expect(typed).toHaveAccessibleDescription(/should be an ICD-10 code like F33\.2/)
  await expectAccessible(page, 'add diagnosis dialog with an error')
  await shot(page, '51-diagnosis-code-error')
  await typed.fill('F43.10')
  await typed.press('Enter')
  await expect(dialog).toBeHidden()

  const list = page.getByRole('list', { name: 'Diagnoses, in claim order' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await expect(list.getByRole('listitem').nth(0)).toContainText('A:')
  await expect(list.getByRole('listitem').nth(0)).toContainText('F33.2')
  await expect(list.getByRole('listitem').nth(1)).toContainText('B:')
  await expect(list.getByRole('listitem').nth(1)).toContainText('F43.10')
  await expectAccessible(page, 'diagnoses tab')
  await shot(page, '52-diagnoses-a-b')

  const stored = await harness.app.call('diagnoses:list', { clientId: client.id })
  expect(stored).toMatchObject({ ok: true, value: [{ code: 'F33.2', letter: 'A' }, { code: 'F43.10', letter: 'B' }] })
})

test('screening: an answer is recorded with who reviewed it', async ({ page, harness }) => {
  const client = await seedClient(harness, { legalFirstName: 'Aisha', legalLastName: 'Okafor', dateOfBirth: '1992-07-30' })
  await openChart(page, client.id, 'screening')

  const glaucoma = page.getByRole('radiogroup', { name: 'Glaucoma', exact: true })
  await glaucoma.getByRole('radio', { name: 'No', exact: true }).check()
  const hypertension = page.getByRole('radiogroup', { name: 'Uncontrolled hypertension', exact: true })
  await hypertension.getByRole('radio', { name: 'Yes', exact: true }).check()
  await expect(byLabel(page, 'Reviewed by')).toHaveValue('Dana Whitfield')
  // One Save for the whole form.
  await page.getByRole('button', { name: 'Save 2 answers' }).click()
  const row = page.getByRole('listitem').filter({ has: glaucoma })
  await expect(row.getByText(/No · reviewed by Dana Whitfield/)).toBeVisible()
  await expect(page.getByText('1 answered yes')).toBeVisible()
  // The rest in one click, then one Save.
  await page.getByRole('button', { name: /^Mark the rest No/ }).click()
  await page.getByRole('button', { name: /^Save \d+ answers$/ }).click()
  await expect(page.getByText('11 of 11 reviewed')).toBeVisible()
  await expectAccessible(page, 'screening tab')
  await shot(page, '53-screening-recorded')

  const stored = await harness.app.call('screening:get', { clientId: client.id })
  expect(stored.ok).toBe(true)
  const items = (stored as { value: { itemKey: string; answer: string | null; reviewedBy: string | null }[] }).value
  expect(items.find((i) => i.itemKey === 'glaucoma')).toMatchObject({ answer: 'no', reviewedBy: 'Dana Whitfield' })
  expect(items.find((i) => i.itemKey === 'uncontrolled_hypertension')).toMatchObject({ answer: 'yes' })
})
