/**
 * Roles in the UI: the owner manages users in Settings; an administrator sees no Screening tab
 * and no owner-only settings; a clinician sees the Screening tab but no owner-only settings.
 * (Main refuses what a role may not do — this checks the UI does not offer it.)
 */
import type { Page } from '@playwright/test'
import type { Harness } from '../harness/server'
import { byLabel, expect, expectAccessible, seedClient, seedPractice, shot, test } from '../fixtures'

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' })
const usersTable = (page: Page) => page.getByRole('table', { name: 'Users' })
const row = (page: Page, name: string) => usersTable(page).getByRole('row').filter({ hasText: name })
const chartTab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Client chart sections' }).getByRole('tab', { name, exact: true })
/** Opens a row's actions menu and chooses one. */
async function actions(page: Page, name: string, action: string) {
  await page.getByRole('button', { name: `Actions for ${name}` }).click()
  await page.getByRole('dialog', { name: `Actions for ${name}` }).getByRole('button', { name: action }).click()
}

const OWNER_SECTIONS = ['Users', 'Security', 'Data export', 'Backups'] as const

/** Adds a user through the host (as the owner), then signs the owner out, leaving the sign-in screen. */
async function addUserAndSignOut(harness: Harness, user: { displayName: string; login: string; role: string; credentials?: string | null }, passphrase: string) {
  const created = await harness.host.call('users:create', { user: { credentials: null, ...user }, passphrase })
  if (!created.ok) throw new Error(`users:create failed: ${created.error.message}`)
  const out = await harness.host.call('auth:signOut', {})
  if (!out.ok) throw new Error('sign-out failed')
}

async function signInAs(page: Page, login: string, passphrase: string) {
  await page.goto('/')
  await byLabel(page, 'User name').fill(login)
  await byLabel(page, 'Passphrase').fill(passphrase)
  await byLabel(page, 'Passphrase').press('Enter')
  await expect(mainNav(page)).toBeVisible()
}

test('the owner adds, edits, resets and deactivates users in Settings → Users', async ({ page, harness }) => {
  await seedPractice(harness)
  await page.goto('/#/settings/users')
  // Each section has its own route, listed beside it.
  const sections = page.getByRole('navigation', { name: 'Settings sections' })
  for (const name of OWNER_SECTIONS) await expect(sections.getByRole('link', { name, exact: true })).toBeVisible()
  await expect(sections.getByRole('link', { name: /Audit log/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Users', level: 2, exact: true })).toBeVisible()
  await expect(row(page, 'Dana Whitfield')).toContainText('You')
  await expect(row(page, 'Dana Whitfield')).toContainText('Owner')
  // Nobody deactivates or resets themselves from here.
  await page.getByRole('button', { name: 'Actions for Dana Whitfield' }).click()
  const mine = page.getByRole('dialog', { name: 'Actions for Dana Whitfield' })
  await expect(mine.getByRole('button')).toHaveText(['Edit…'])
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Add user' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a user' })
  await expect(byLabel(dialog, 'Name')).toBeFocused()
  await dialog.getByRole('button', { name: 'Add user' }).click()
  await expect(byLabel(dialog, 'Name')).toHaveAccessibleDescription(/Name is required/)
  await expect(byLabel(dialog, 'First passphrase')).toHaveAccessibleDescription(/First passphrase is required/)

  await byLabel(dialog, 'Name').fill('Rosa Delgado')
  await byLabel(dialog, 'Credentials').fill('LCSW')
  await byLabel(dialog, 'User name').fill('Dana')
  await byLabel(dialog, 'Role').selectOption('clinician')
  await expect(dialog.getByTestId('role-description')).toContainText('clinical records')
  await byLabel(dialog, 'Role').selectOption('administrator')
  await expect(dialog.getByTestId('role-description')).toContainText('Never sees note content')
  await byLabel(dialog, 'First passphrase').fill('willow creek lantern')
  await byLabel(dialog, 'Type the first passphrase again').fill('willow creek lanterns')
  await dialog.getByRole('button', { name: 'Add user' }).click()
  await expect(byLabel(dialog, 'Type the first passphrase again')).toHaveAccessibleDescription(/do not match/)
  await byLabel(dialog, 'Type the first passphrase again').fill('willow creek lantern')
  await byLabel(dialog, 'Type the first passphrase again').press('Enter')
  // Main's answer lands beside the field it is about.
  await expect(byLabel(dialog, 'User name')).toHaveAccessibleDescription(/already taken/)
  await expectAccessible(page, 'add user dialog')
  await shot(page, 'roles-01-add-user')
  await byLabel(dialog, 'User name').fill('rosa')
  await dialog.getByRole('button', { name: 'Add user' }).click()
  await expect(dialog).toBeHidden()
  await expect(row(page, 'Rosa Delgado')).toContainText('Administrator')
  await expect(row(page, 'Rosa Delgado')).toContainText('LCSW')
  await page.getByRole('region', { name: 'Users' }).scrollIntoViewIfNeeded()
  await expectAccessible(page, 'settings — users')
  await shot(page, 'roles-02-users')

  // Edit: name and role (the user name stays).
  await page.getByRole('button', { name: 'Actions for Rosa Delgado' }).click()
  await expect(page.getByRole('dialog', { name: 'Actions for Rosa Delgado' }).getByRole('button')).toHaveText(['Edit…', 'Reset passphrase…', 'Deactivate…'])
  await shot(page, 'roles-02-user-actions')
  await page.keyboard.press('Escape')
  // Clicking the row edits, as Enter on it does.
  await row(page, 'Rosa Delgado').getByRole('cell', { name: 'rosa', exact: true }).click()
  const edit = page.getByRole('dialog', { name: 'Edit Rosa Delgado' })
  await byLabel(edit, 'Role').selectOption('clinician')
  await byLabel(edit, 'Name').fill('Rosa M. Delgado')
  await shot(page, 'roles-03-edit-user')
  await byLabel(edit, 'Name').press('Enter')
  await expect(edit).toBeHidden()
  await expect(row(page, 'Rosa M. Delgado')).toContainText('Clinician')

  // Reset the passphrase: the new one works, the old one does not.
  await actions(page, 'Rosa M. Delgado', 'Reset passphrase…')
  const reset = page.getByRole('dialog', { name: 'New passphrase for Rosa M. Delgado' })
  await expect(byLabel(reset, 'New passphrase')).toBeFocused()
  await byLabel(reset, 'New passphrase').fill('amber harbor pine')
  await byLabel(reset, 'Type the new passphrase again').fill('amber harbor pine')
  await shot(page, 'roles-04-reset-passphrase')
  await reset.getByRole('button', { name: 'Set new passphrase' }).click()
  await expect(reset).toBeHidden()

  // Deactivate: asked first, explained, then gone from the list unless asked for.
  await actions(page, 'Rosa M. Delgado', 'Deactivate…')
  const confirm = page.getByRole('alertdialog', { name: 'Deactivate Rosa M. Delgado?' })
  await expect(confirm).toContainText('signatures, notes and history stay')
  await shot(page, 'roles-05-deactivate')
  await confirm.getByRole('button', { name: 'Deactivate' }).click()
  await expect(confirm).toBeHidden()
  await expect(row(page, 'Rosa M. Delgado')).toHaveCount(0)
  await page.getByRole('checkbox', { name: 'Show deactivated users' }).check()
  await expect(row(page, 'Rosa M. Delgado')).toContainText('Deactivated')
  await expect(row(page, 'Rosa M. Delgado').getByRole('button')).toHaveCount(0)
  expect(await harness.host.call('auth:signOut', {})).toMatchObject({ ok: true })
  expect(await harness.host.call('auth:signIn', { login: 'rosa', passphrase: 'amber harbor pine' })).toMatchObject({ ok: false })
})

test('an administrator sees no Screening tab and no owner-only settings', async ({ page, harness }) => {
  await seedPractice(harness)
  const client = await seedClient(harness, { legalFirstName: 'Marisol', legalLastName: 'Okonkwo' })
  await addUserAndSignOut(harness, { displayName: 'Avery Brooks', login: 'avery', role: 'administrator' }, 'quiet meadow ledger')
  await signInAs(page, 'avery', 'quiet meadow ledger')
  await expect(page.getByRole('button', { name: /account menu/ })).toContainText('Administrator')

  await page.goto(`/#/clients/${client.id}/overview`)
  await expect(page.getByRole('heading', { level: 1, name: /Okonkwo/ })).toBeVisible()
  await expect(chartTab(page, 'Consents')).toBeVisible()
  await expect(chartTab(page, 'Screening')).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Screening', exact: true })).toHaveCount(0)
  // Told that screening is not done yet, but not led into it.
  const incomplete = page.getByRole('list', { name: 'Needs attention' }).getByText('Screening incomplete')
  await expect(incomplete).toBeVisible()
  await expect(page.getByRole('link', { name: 'Screening incomplete' })).toHaveCount(0)
  await expectAccessible(page, 'chart as administrator')
  await shot(page, 'roles-10-admin-chart')
  // A typed address for the tab lands on the overview.
  await page.goto(`/#/clients/${client.id}/screening`)
  await expect(chartTab(page, 'Overview')).toHaveAttribute('aria-selected', 'true')

  await page.goto('/#/settings')
  await expect(page.getByRole('heading', { name: 'Practice profile', level: 2 })).toBeVisible()
  await expect(page.getByText('Only the practice owner can change these details.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Save practice profile' })).toHaveCount(0)
  const sections = page.getByRole('navigation', { name: 'Settings sections' })
  for (const name of OWNER_SECTIONS) await expect(sections.getByRole('link', { name, exact: true })).toHaveCount(0)
  await expect(page.getByRole('link', { name: /Audit log/ })).toHaveCount(0)
  // An owner-only section typed into the address says so instead of showing it.
  await page.goto('/#/settings/users')
  await expect(page.getByText('This section is not available')).toBeVisible()
  await sections.getByRole('link', { name: 'Passphrase and lock' }).click()
  await expect(page.getByRole('heading', { name: 'Passphrase and lock', level: 2 })).toBeVisible()
  await expect(page.getByTestId('idle-lock-readonly')).toContainText('The practice owner sets this')
  await expectAccessible(page, 'settings as administrator')
  await shot(page, 'roles-11-admin-settings')
})

test('a clinician sees the Screening tab, and no owner-only settings', async ({ page, harness }) => {
  await seedPractice(harness)
  const client = await seedClient(harness, { legalFirstName: 'Marisol', legalLastName: 'Okonkwo' })
  await addUserAndSignOut(harness, { displayName: 'Sam Ortiz', login: 'sam', role: 'clinician', credentials: 'PsyD' }, 'copper fern horizon')
  await signInAs(page, 'sam', 'copper fern horizon')

  await page.goto(`/#/clients/${client.id}/screening`)
  await expect(chartTab(page, 'Screening')).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('link', { name: 'Screening incomplete' })).toBeVisible()

  await page.goto('/#/settings')
  await expect(page.getByText('Only the practice owner can change these details.')).toBeVisible()
  for (const name of OWNER_SECTIONS) await expect(page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name, exact: true })).toHaveCount(0)
  await page.goto('/#/settings/security')
  await expect(page.getByRole('region', { name: 'Passphrase and lock' }).getByRole('form', { name: 'Change my passphrase' })).toBeVisible()
  await shot(page, 'roles-20-clinician-settings')
})
