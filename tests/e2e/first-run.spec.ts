/** First run: the practice profile comes before anything else, and its NPI check digit is checked. */
import { byLabel, expect, expectAccessible, fillFields, seedPractice, shot, test } from './fixtures'

const PROFILE_FIELDS = {
  'Practice name': 'Cedar Grove Psychotherapy',
  'Provider name': 'Dana Whitfield',
  Credentials: 'LMFT',
  'Tax ID (EIN)': '12-3456789',
  'License number': 'LMFT 12345',
  'License state': 'CA',
  Address: '100 Main Street',
  City: 'Oakland',
  State: 'CA',
  'ZIP code': '94612',
  Phone: '(510) 555-0142'
}

test('first run: a wrong NPI check digit is shown beside the field and nothing is saved; a valid one saves', async ({ page, harness }) => {
  await page.goto('/')
  const save = page.getByRole('button', { name: 'Save practice profile' })
  await expect(save).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Set up your practice' })).toBeVisible()
  await expectAccessible(page, 'first-run setup')
  await shot(page, '01-first-run-setup')

  await fillFields(page, { ...PROFILE_FIELDS, 'Individual NPI': '1234567890' })
  await save.click()

  const npi = byLabel(page, 'Individual NPI')
  await expect(npi).toHaveAttribute('aria-invalid', 'true')
  await expect(npi).toHaveAccessibleDescription(/check digit does not match/)
  await expect(page.getByText(/Individual NPI check digit does not match/)).toBeVisible()
  await shot(page, '02-first-run-npi-error')
  expect(await harness.app.call('practice:get', {})).toEqual({ ok: true, value: null })

  await npi.fill('1234567893')
  await expect(npi).not.toHaveAttribute('aria-invalid', 'true')
  await save.click()

  // The app opens: the setup screen gives way to the shell with its sidebar.
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' })).toBeVisible()
  await expect(save).toBeHidden()
  const stored = await harness.app.call('practice:get', {})
  expect(stored).toMatchObject({ ok: true, value: { practiceName: 'Cedar Grove Psychotherapy', individualNpi: '1234567893', state: 'CA' } })
  await shot(page, '03-after-setup')
})

test('settings show the saved practice profile and pass axe', async ({ page, harness }) => {
  await seedPractice(harness)
  // /settings opens on its first section, the practice profile.
  await page.goto('/#/settings')
  await expect(page).toHaveURL(/#\/settings\/practice$/)
  await expect(byLabel(page, 'Practice name')).toHaveValue('Cedar Grove Psychotherapy')
  await expect(byLabel(page, 'Individual NPI')).toHaveValue('1234567893')
  await expectAccessible(page, 'settings')
  await shot(page, '10-settings')

  // Editing from Settings is checked the same way.
  await byLabel(page, 'Individual NPI').fill('1234567894')
  await page.getByRole('button', { name: 'Save practice profile' }).click()
  await expect(byLabel(page, 'Individual NPI')).toHaveAccessibleDescription(/check digit does not match/)
  expect(await harness.app.call('practice:get', {})).toMatchObject({ ok: true, value: { individualNpi: '1234567893' } })
})
