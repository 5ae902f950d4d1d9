/**
 * Sign-in, first-run owner setup, the recovery key, the lock screen (which keeps drafts), idle
 * lock, sign-out, change passphrase, and recovery with the recovery key — through the real
 * start-up host (keyring and all) behind the loopback harness.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { silentLogger } from '../../../src/main/log'
import { E2E_OWNER, startHarness, type Harness } from '../harness/server'
import { byLabel, expect, expectAccessible, seedPractice, shot, test } from '../fixtures'

const PASSPHRASE = E2E_OWNER.passphrase

/** A harness whose data folder is new: the app opens on "Create the owner account". */
const firstRun = test.extend<{ harness: Harness }>({
  // oxlint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  harness: async ({}, provide) => {
    const harness = await startHarness({ owner: false, logger: silentLogger, rendererDir: process.env.KAP_E2E_RENDERER_DIR })
    await provide(harness)
    await harness.close()
  }
})

/** Sets the practice up through the host (as the setup screen would) and answers the recovery key. */
async function setUpOwner(harness: Harness): Promise<string> {
  const { displayName, credentials, login } = E2E_OWNER
  const result = await harness.host.call('auth:setup', { owner: { displayName, credentials, login }, secret: { passphrase: PASSPHRASE, passphraseConfirm: PASSPHRASE } })
  if (!result.ok) throw new Error(`setup failed: ${result.error.message}`)
  return (result.value as { recoveryKey: string }).recoveryKey
}

const userMenu = (page: Page) => page.getByRole('button', { name: /account menu/ })
const lockScreen = (page: Page) => page.getByRole('dialog', { name: 'KAP Practice is locked' })
const signInHeading = (page: Page) => page.getByRole('heading', { name: 'Sign in', level: 1 })
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' })

async function signOutFromMenu(page: Page) {
  await userMenu(page).click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(signInHeading(page)).toBeVisible()
}

async function signIn(page: Page, login: string, passphrase: string) {
  await byLabel(page, 'User name').fill(login)
  await byLabel(page, 'Passphrase').fill(passphrase)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

firstRun('first run: the owner account, the recovery key shown once, then the practice profile', async ({ page, harness }) => {
  await page.goto('/')
  const create = page.getByRole('button', { name: 'Create owner account' })
  await expect(page.getByRole('heading', { name: 'Create the owner account' })).toBeVisible()
  await expect(byLabel(page, 'Your name')).toBeFocused()
  await expectAccessible(page, 'owner setup')
  await shot(page, 'auth-01-owner-setup')

  // Nothing filled in: each field says what it needs, beside it.
  await create.click()
  await expect(byLabel(page, 'Your name')).toHaveAccessibleDescription(/Name is required/)
  await expect(byLabel(page, 'User name')).toHaveAccessibleDescription(/User name must be at least 2 characters/)
  await expect(byLabel(page, 'Passphrase')).toHaveAccessibleDescription(/Passphrase is required/)

  await byLabel(page, 'Your name').fill('Dana Whitfield')
  await byLabel(page, 'Credentials').fill('LMFT')
  await byLabel(page, 'User name').fill('dana')
  await byLabel(page, 'Passphrase').fill('short one')
  await expect(page.getByTestId('passphrase-strength')).toContainText('Too short')
  await byLabel(page, 'Passphrase').fill(PASSPHRASE)
  await expect(page.getByTestId('passphrase-strength')).toContainText('Strong')
  await byLabel(page, 'Type the passphrase again').fill('correct horse battery stapler')
  await shot(page, 'auth-02-owner-setup-filled')
  await create.click()
  await expect(byLabel(page, 'Type the passphrase again')).toHaveAccessibleDescription(/The two passphrases do not match/)
  expect(harness.host.auth.state()).toBe('setup')

  // Enter submits.
  await byLabel(page, 'Type the passphrase again').fill(PASSPHRASE)
  await byLabel(page, 'Type the passphrase again').press('Enter')

  // The recovery key, once: eight groups of four, a box to tick before going on.
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible()
  const groups = page.getByTestId('recovery-key').locator('span')
  await expect(groups).toHaveCount(8)
  for (const group of await groups.allTextContents()) expect(group).toMatch(/^[0-9A-Z]{4}$/)
  expect(harness.host.auth.state()).toBe('signedIn')
  await expectAccessible(page, 'recovery key')
  await shot(page, 'auth-03-recovery-key')

  await page.getByRole('button', { name: 'Continue' }).click()
  const stored = page.getByRole('checkbox', { name: 'I have stored the recovery key somewhere safe, away from this computer' })
  await expect(stored).toBeFocused()
  await expect(stored).toHaveAccessibleDescription(/tick this box/)
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible()
  await stored.check()
  await page.getByRole('button', { name: 'Continue' }).click()

  // Then the practice profile, with the owner already filled in as the provider.
  await expect(page.getByRole('heading', { name: 'Set up your practice' })).toBeVisible()
  await expect(byLabel(page, 'Provider name')).toHaveValue('Dana Whitfield')
  await expect(byLabel(page, 'Credentials')).toHaveValue('LMFT')
})

test('sign-in remembers the user name (never the passphrase), explains a wrong one, and slows down repeated tries', async ({ page, harness }) => {
  await seedPractice(harness)
  await page.goto('/')
  await expect(mainNav(page)).toBeVisible()
  await expect(userMenu(page)).toContainText('Dana Whitfield')
  await expect(userMenu(page)).toContainText('Owner')

  await signOutFromMenu(page)
  expect(harness.host.auth.state()).toBe('signedOut')
  await expect(byLabel(page, 'User name')).toBeFocused()
  await expectAccessible(page, 'sign in')
  await shot(page, 'auth-10-sign-in')

  await signIn(page, 'dana', 'not my passphrase')
  await expect(byLabel(page, 'Passphrase')).toHaveAccessibleDescription(/The user name or passphrase is not right/)
  await expect(byLabel(page, 'Passphrase')).toHaveValue('')
  await expect(byLabel(page, 'Passphrase')).toBeFocused()
  await shot(page, 'auth-11-sign-in-wrong')

  await byLabel(page, 'Passphrase').fill(PASSPHRASE)
  await byLabel(page, 'Passphrase').press('Enter')
  await expect(mainNav(page)).toBeVisible()

  // Signed out again: the user name is filled in, the passphrase is not, and storage holds no passphrase.
  await signOutFromMenu(page)
  await expect(byLabel(page, 'User name')).toHaveValue('dana')
  await expect(byLabel(page, 'Passphrase')).toHaveValue('')
  await expect(byLabel(page, 'Passphrase')).toBeFocused()
  const storage = await page.evaluate(() => JSON.stringify({ ...(globalThis as unknown as { localStorage: Record<string, string> }).localStorage }))
  expect(storage).toContain('dana')
  expect(storage).not.toContain(PASSPHRASE)

  // Three free tries, then main makes them wait: the screen counts down instead of refusing silently.
  for (let i = 0; i < 4; i++) {
    await byLabel(page, 'Passphrase').fill(`wrong ${i} passphrase`)
    await byLabel(page, 'Passphrase').press('Enter')
    await expect(byLabel(page, 'Passphrase')).toHaveValue('')
  }
  await byLabel(page, 'Passphrase').fill('wrong again passphrase')
  await byLabel(page, 'Passphrase').press('Enter')
  await expect(page.getByText(/Too many attempts/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled()
  await shot(page, 'auth-12-sign-in-too-many')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled({ timeout: 20_000 })
  await signIn(page, 'dana', PASSPHRASE)
  await expect(mainNav(page)).toBeVisible()
})

test('Ctrl+L locks without losing the draft: unlock returns to the same form with what was typed', async ({ page, harness }) => {
  await seedPractice(harness)
  await page.goto('/#/clients/new')
  const first = byLabel(page, 'Legal first name')
  await first.fill('Marisol')
  await byLabel(page, 'Legal last name').fill('Okonkwo-Reyes')
  await byLabel(page, 'Legal last name').focus()

  await page.keyboard.press('Control+l')
  await expect(lockScreen(page)).toBeVisible()
  await expect(page.getByTestId('app-root')).toHaveAttribute('inert', '')
  // Nothing of the app shows or can be reached while locked.
  await expect(page.getByText('Okonkwo-Reyes')).toHaveCount(0)
  await expect(mainNav(page)).toBeHidden()
  await expect(byLabel(lockScreen(page), 'Passphrase')).toBeFocused()
  expect(harness.host.auth.state()).toBe('locked')
  await expectAccessible(page, 'lock screen')
  await shot(page, 'auth-20-lock-screen')

  // Main refuses everything but the lock screen's own calls.
  expect(await harness.host.call('clients:list', {})).toMatchObject({ ok: false, error: { code: 'locked' } })

  await byLabel(page, 'Passphrase').fill('not it at all')
  await byLabel(page, 'Passphrase').press('Enter')
  await expect(byLabel(lockScreen(page), 'Passphrase')).toHaveAccessibleDescription(/not right/)
  await shot(page, 'auth-21-lock-screen-wrong')
  await byLabel(page, 'Passphrase').fill(PASSPHRASE)
  await byLabel(page, 'Passphrase').press('Enter')

  await expect(lockScreen(page)).toBeHidden()
  await expect(page).toHaveURL(/#\/clients\/new$/)
  await expect(first).toHaveValue('Marisol')
  await expect(byLabel(page, 'Legal last name')).toHaveValue('Okonkwo-Reyes')
  await expect(byLabel(page, 'Legal last name')).toBeFocused()
  await expect(page.getByTestId('app-root')).not.toHaveAttribute('inert', /.*/)

  // The same from the user menu, and from the top bar.
  await userMenu(page).click()
  await expect(page.getByRole('dialog', { name: 'Account' })).toBeVisible()
  await shot(page, 'auth-22-user-menu')
  await page.getByRole('button', { name: 'Lock' }).first().click()
  await expect(lockScreen(page)).toBeVisible()
  await byLabel(page, 'Passphrase').fill(PASSPHRASE)
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(first).toHaveValue('Marisol')
})

test('when main locks first, the next call brings up the lock screen; a dialog’s draft survives too', async ({ page, harness }) => {
  await seedPractice(harness)
  await page.goto('/#/settings/users')
  await page.getByRole('button', { name: 'Add user' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a user' })
  await byLabel(dialog, 'Name').fill('Rosa Delgado')

  // Main locks on its own (its idle clock): the page finds out on its next call.
  expect(await harness.host.call('auth:lock', {})).toMatchObject({ ok: true })
  await byLabel(dialog, 'User name').fill('rosa')
  await byLabel(dialog, 'First passphrase').fill('willow creek lantern')
  await byLabel(dialog, 'Type the first passphrase again').fill('willow creek lantern')
  await dialog.getByRole('button', { name: 'Add user' }).click()
  await expect(lockScreen(page)).toBeVisible()
  await expect(page.getByText('Rosa Delgado')).toHaveCount(0)
  await byLabel(lockScreen(page), 'Passphrase').fill(PASSPHRASE)
  await byLabel(lockScreen(page), 'Passphrase').press('Enter')
  await expect(lockScreen(page)).toBeHidden()
  // Back in the dialog as it was, told plainly why nothing was saved; saving again works.
  await expect(byLabel(dialog, 'Name')).toHaveValue('Rosa Delgado')
  await expect(byLabel(dialog, 'User name')).toHaveValue('rosa')
  await expect(dialog.getByRole('alert')).toContainText('Unlock and try again')
  await dialog.getByRole('button', { name: 'Add user' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('table', { name: 'Users' }).getByText('Rosa Delgado')).toBeVisible()
})

test('idle lock: after the minutes chosen in Settings → Security the app locks itself', async ({ page, harness }) => {
  await seedPractice(harness)
  await page.clock.install()
  await page.goto('/#/settings/security')
  const section = page.getByRole('region', { name: 'Security' })
  await expect(section).toBeVisible()
  await byLabel(section, 'Lock after').selectOption('1')
  await section.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('KAP Practice now locks after 1 minute without use.')).toBeVisible()
  await section.scrollIntoViewIfNeeded()
  await shot(page, 'auth-30-settings-security')

  // Activity keeps it open…
  await page.clock.runFor(45_000)
  await page.mouse.move(200, 200)
  await page.clock.runFor(45_000)
  await expect(lockScreen(page)).toBeHidden()
  // …and a minute without any locks it.
  await page.clock.runFor(20_000)
  await expect(lockScreen(page)).toBeVisible()
  await expect.poll(() => harness.host.auth.state()).toBe('locked')
})

test('signing out from the lock screen warns that unsaved changes are lost, and clears everything', async ({ page, harness }) => {
  await seedPractice(harness)
  await page.goto('/#/clients/new')
  await byLabel(page, 'Legal first name').fill('Marisol')
  await page.keyboard.press('Control+l')
  await expect(lockScreen(page)).toBeVisible()

  await lockScreen(page).getByRole('button', { name: 'Sign out' }).click()
  await expect(lockScreen(page).getByRole('alert')).toContainText('Unsaved changes will be lost')
  await shot(page, 'auth-23-lock-sign-out-warning')
  await lockScreen(page).getByRole('button', { name: 'Keep them' }).click()
  await lockScreen(page).getByRole('button', { name: 'Sign out' }).click()
  await lockScreen(page).getByRole('button', { name: 'Sign out and discard' }).click()

  await expect(signInHeading(page)).toBeVisible()
  await expect(page).toHaveURL(/#\/$/)
  expect(harness.host.auth.state()).toBe('signedOut')
  await signIn(page, 'dana', PASSPHRASE)
  await expect(mainNav(page)).toBeVisible()
  await expect(mainNav(page).getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page')
})

test('change passphrase from the user menu: a wrong current one is refused beside the field', async ({ page, harness }) => {
  await seedPractice(harness)
  await page.goto('/')
  await userMenu(page).click()
  await page.getByRole('button', { name: 'Change passphrase…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Change your passphrase' })
  await expect(byLabel(dialog, 'Current passphrase')).toBeFocused()
  await byLabel(dialog, 'Current passphrase').fill('definitely not it')
  await byLabel(dialog, 'New passphrase').fill('lantern oboe granite marsh')
  await byLabel(dialog, 'Type the new passphrase again').fill('lantern oboe granite marsh')
  await dialog.getByRole('button', { name: 'Change passphrase' }).click()
  await expect(byLabel(dialog, 'Current passphrase')).toHaveAccessibleDescription(/Your current passphrase is not right/)
  await expectAccessible(page, 'change passphrase')
  await shot(page, 'auth-40-change-passphrase-wrong')

  await byLabel(dialog, 'Current passphrase').fill(PASSPHRASE)
  await dialog.getByRole('button', { name: 'Change passphrase' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(/Passphrase changed/)).toBeVisible()

  await signOutFromMenu(page)
  await signIn(page, 'dana', PASSPHRASE)
  await expect(byLabel(page, 'Passphrase')).toHaveAccessibleDescription(/not right/)
  await signIn(page, 'dana', 'lantern oboe granite marsh')
  await expect(mainNav(page)).toBeVisible()
})

firstRun('forgot passphrase: the recovery key sets a new one and signs in', async ({ page, harness }) => {
  const recoveryKey = await setUpOwner(harness)
  await seedPractice(harness)
  expect(await harness.host.call('auth:signOut', {})).toMatchObject({ ok: true })

  await page.goto('/')
  await expect(signInHeading(page)).toBeVisible()
  await page.getByRole('button', { name: 'Forgot your passphrase?' }).click()
  await expect(page.getByRole('heading', { name: 'Reset your passphrase' })).toBeVisible()
  await expect(byLabel(page, 'Recovery key')).toBeFocused()

  await byLabel(page, 'Recovery key').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH')
  await byLabel(page, 'User name').fill('dana')
  await byLabel(page, 'New passphrase').fill('lantern oboe granite marsh')
  await byLabel(page, 'Type the new passphrase again').fill('lantern oboe granite marsh')
  await page.getByRole('button', { name: 'Set new passphrase and sign in' }).click()
  await expect(byLabel(page, 'Recovery key')).toHaveAttribute('aria-invalid', 'true')
  await expectAccessible(page, 'recover with key')
  await shot(page, 'auth-50-forgot-passphrase')

  await byLabel(page, 'Recovery key').fill(recoveryKey.toLowerCase())
  await page.getByRole('button', { name: 'Set new passphrase and sign in' }).click()
  await expect(mainNav(page)).toBeVisible()
  expect(harness.host.auth.state()).toBe('signedIn')
})

firstRun('a missing key file: the screen explains, and the recovery key opens the records', async ({ page, harness }) => {
  const recoveryKey = await setUpOwner(harness)
  await seedPractice(harness)
  const dataDir = harness.dataDir
  // Keep the folder: close this harness's host, lose keyring.json, and start again on the same data.
  const again = await (async () => {
    harness.host.close()
    rmSync(join(dataDir, 'keyring.json'), { force: true })
    return startHarness({ dataDir, owner: false, keepDataDir: true, logger: silentLogger, rendererDir: process.env.KAP_E2E_RENDERER_DIR })
  })()
  try {
    expect(again.host.auth.state()).toBe('keyringMissing')
    await page.goto(again.url)
    await expect(page.getByRole('heading', { name: 'The key file is missing' })).toBeVisible()
    await expectAccessible(page, 'keyring missing')
    await shot(page, 'auth-60-keyring-missing')
    await byLabel(page, 'Recovery key').fill(recoveryKey)
    await byLabel(page, 'User name').fill('dana')
    await byLabel(page, 'New passphrase').fill('lantern oboe granite marsh')
    await byLabel(page, 'Type the new passphrase again').fill('lantern oboe granite marsh')
    await page.getByRole('button', { name: 'Unlock the records' }).click()
    await expect(mainNav(page)).toBeVisible()
  } finally {
    await again.close()
  }
})
