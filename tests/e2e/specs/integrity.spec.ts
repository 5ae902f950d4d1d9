/**
 * Issue 13, "Integrity you can see" and "Nothing typed is lost": text typed a moment before
 * Ctrl+L survives a reload while locked; a signed note edited in the file shows a red warning
 * instead of its signature, and the audit log's check names it and the triggers that were dropped.
 */
import type { Page } from '@playwright/test'
import { emptyBody } from '../../../src/shared/domain/note-templates'
import { E2E_OWNER, type Harness } from '../harness/server'
import { byLabel, call, expect, expectAccessible, isoDay, seedClient, seedPractice, shot, test } from '../fixtures'

interface NoteOut {
  id: string
  revision: number
  body: Record<string, unknown>
}

const lockScreen = (page: Page) => page.getByRole('dialog', { name: 'KAP Practice is locked' })
const settled = (page: Page) => expect(page.locator('[aria-busy="true"]')).toHaveCount(0)

async function preparationNote(harness: Harness): Promise<NoteOut> {
  await seedPractice(harness)
  const client = await seedClient(harness, { legalFirstName: 'Zofia', legalLastName: 'Łukasiewicz', dateOfBirth: '1979-11-02' })
  const { session } = await call<{ session: { id: string } }>(harness, 'sessions:create', {
    clientId: client.id,
    session: { date: isoDay(-3), startTime: '10:00', durationMinutes: 60, kind: 'preparation', placeOfService: '11', status: 'completed' }
  })
  return call<NoteOut>(harness, 'notes:create', { sessionId: session.id })
}

/** A preparation note's body with what the client hopes for. */
const body = (intentions: string) => ({ ...emptyBody('preparation'), intentions })

async function openNote(page: Page, id: string) {
  await page.goto(`/#/notes/${id}`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await settled(page)
}

test('text typed just before Ctrl+L survives a reload while locked', async ({ page, harness }) => {
  const note = await preparationNote(harness)
  await openNote(page, note.id)
  const intentions = byLabel(page, 'Intentions')
  await intentions.pressSequentially('Wants to revisit the dream about the lake')
  // No wait for the autosave delay: lock at once, then the window reloads while locked.
  await page.keyboard.press('Control+l')
  await expect(lockScreen(page)).toBeVisible()
  await expect.poll(() => harness.host.auth.state()).toBe('locked')
  await page.reload()
  await expect(lockScreen(page)).toBeVisible()
  await byLabel(page, 'Passphrase').fill(E2E_OWNER.passphrase)
  await byLabel(page, 'Passphrase').press('Enter')
  await expect(lockScreen(page)).toBeHidden()
  await openNote(page, note.id)
  await expect(byLabel(page, 'Intentions')).toHaveValue('Wants to revisit the dream about the lake')
  const stored = await call<NoteOut>(harness, 'notes:get', { id: note.id })
  expect(stored.body.intentions).toBe('Wants to revisit the dream about the lake')
})

test('a signed note changed in the file shows that it no longer matches its signature, and the log check names it', async ({ page, harness }) => {
  const draft = await preparationNote(harness)
  const saved = await call<NoteOut>(harness, 'notes:save', { id: draft.id, revision: draft.revision, body: body('To feel at home in her body again.') })
  await call(harness, 'notes:sign', { id: draft.id, revision: saved.revision })
  await call(harness, 'notes:addAddendum', { noteId: draft.id, text: 'Called the next day: slept well, no nausea.' })

  await openNote(page, draft.id)
  await expect(page.getByTestId('signature')).toContainText(`Signed by ${E2E_OWNER.displayName}`)
  await expect(page.getByTestId('signature-mismatch')).toHaveCount(0)

  // Someone with the database key drops the guard and rewrites the signed text and the addendum.
  const sqlite = harness.app.connection.sqlite
  sqlite.exec('DROP TRIGGER notes_signed_no_update; DROP TRIGGER note_addenda_no_update')
  sqlite.prepare('UPDATE notes SET body = ? WHERE id = ?').run(JSON.stringify(body('To stop the medication.')), draft.id)
  sqlite.prepare('UPDATE note_addenda SET text = ? WHERE note_id = ?').run('No follow-up call was made.', draft.id)

  await page.reload()
  await settled(page)
  const banner = page.getByTestId('signature-mismatch')
  await expect(banner).toContainText('This note’s content does not match its signature')
  await expect(page.getByTestId('signature')).toHaveCount(0)
  await expect(page.getByText('This addendum’s content does not match its signature')).toBeVisible()
  await expectAccessible(page, 'tampered note')
  await shot(page, 'integrity-10-tampered-note')

  await page.goto('/#/settings/audit')
  await page.getByRole('button', { name: 'Verify the log' }).click()
  const verdict = page.getByRole('alert').filter({ hasText: 'changed outside the app' })
  await expect(verdict).toContainText('1 signed note does not match its signature')
  await expect(verdict).toContainText('Safeguards removed: 2 triggers are missing — note_addenda_no_update, notes_signed_no_update.')
  await shot(page, 'integrity-20-verify-finds-tampering')
  const entries = sqlite.prepare("SELECT entity FROM audit_log WHERE action = 'signature_mismatch' ORDER BY seq").pluck().all()
  expect(entries.slice(0, 2).toSorted()).toEqual(['addendum', 'note'])
})
