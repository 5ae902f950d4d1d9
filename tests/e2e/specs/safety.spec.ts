/**
 * Safety and sequence (issue 12): a note refused before its session starts; a contraindication
 * answered "yes" acknowledged on the dosing note; a signed note marking its session completed;
 * the signed note printed to PDF and its first page drawn for a person to look at.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Harness } from '../harness/server'
import { call, expect, isoDay, screenshotDir, seedClient, seedPractice, shot, test } from '../fixtures'

interface NoteOut {
  id: string
  revision: number
}

const DOSING_BODY = {
  preDose: { fasting: true, bpInRange: true, escortConfirmed: true, escortName: 'Andrés García', noDecongestant: true, interactingMedsReviewed: true },
  medication: { drug: 'racemic_ketamine', route: 'im', doseMg: 34, weightKg: 68, lotNumber: 'K-2291', administeredBy: 'Dana Whitfield', prescriber: 'Dr. Mei Chen' },
  times: { doseStart: '09:40', onset: '09:45', peak: '10:05', acuteEnd: '10:50', discharge: '11:45' },
  vitals: [{ id: 'v1', time: '09:30', systolic: 128, diastolic: 82, heartRate: 74, spo2: 98, note: 'Baseline' }],
  notes: 'Settled quickly with music; described a garden her mother kept in Guadalajara.'
}

/** A client with a "yes" on glaucoma, and a dosing session `offset` days from today with a draft ready to sign. */
async function seedDosing(harness: Harness, offset: number) {
  const client = await seedClient(harness, { legalFirstName: 'María José', legalLastName: 'Núñez-O’Connor', escortName: 'Andrés García', prescriberName: 'Dr. Mei Chen' })
  await call(harness, 'screening:record', {
    clientId: client.id,
    itemKey: 'glaucoma',
    item: { answer: 'yes', note: 'Open-angle, treated; cleared by ophthalmology', reviewedBy: 'Dana Whitfield', reviewedOn: isoDay(-20) }
  })
  const { session } = await call<{ session: { id: string } }>(harness, 'sessions:create', {
    clientId: client.id,
    session: { date: isoDay(offset), startTime: '09:30', durationMinutes: 180, kind: 'dosing', placeOfService: '11', status: 'scheduled' }
  })
  const draft = await call<NoteOut>(harness, 'notes:create', { sessionId: session.id })
  await call(harness, 'notes:save', { id: draft.id, revision: draft.revision, body: DOSING_BODY })
  return { client, sessionId: session.id, noteId: draft.id }
}

async function openNote(page: Page, id: string) {
  await page.goto(`/#/notes/${id}`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
}

test.beforeEach(async ({ harness }) => {
  await seedPractice(harness)
})

test('a note cannot be signed before its session starts, and Sign says why', async ({ page, harness }) => {
  const { noteId } = await seedDosing(harness, 2)
  await openNote(page, noteId)
  await page.getByRole('button', { name: 'Sign note' }).click()
  const dialog = page.getByRole('dialog', { name: 'This note cannot be signed yet' })
  await expect(dialog).toContainText('A note cannot be signed before its session starts.')
  await expect(dialog).toContainText('It starts')
  await shot(page, 'safety-sign-before-start')
  await dialog.getByRole('button', { name: 'Back to the note' }).click()
  // main refuses too, whatever the window says.
  const result = await harness.app.call('notes:sign', { id: noteId, revision: 2 })
  expect(result.ok).toBe(false)
})

test('a contraindication is acknowledged on the dosing note, signing completes the session, and the note prints to PDF', async ({ page, harness }) => {
  test.setTimeout(90_000)
  const { noteId, sessionId } = await seedDosing(harness, -1)
  await openNote(page, noteId)

  // The flag is on the note, with which contraindication; signing waits for it.
  const flags = page.getByRole('alert').filter({ hasText: 'Contraindication flagged in screening' })
  await expect(flags).toContainText('Glaucoma')
  await expect(flags).toContainText('Open-angle, treated')
  await page.getByRole('button', { name: 'Sign note' }).click()
  const blocked = page.getByRole('dialog', { name: 'This note cannot be signed yet' })
  await expect(blocked).toContainText('Acknowledge each contraindication flagged in screening')
  await shot(page, 'safety-flag-blocks-signing')
  await blocked.getByRole('button', { name: 'Back to the note' }).click()

  await page.getByRole('button', { name: 'Acknowledge flag' }).click()
  await expect(page.getByTestId('flag-acknowledged')).toContainText('Acknowledged by Dana Whitfield')
  await shot(page, 'safety-flag-acknowledged')

  await page.getByRole('button', { name: 'Sign note' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Sign this note?' })
  await expect(confirm).toContainText('The session will be marked completed.')
  await confirm.getByRole('button', { name: 'Sign note' }).click()
  await expect(confirm).toBeHidden()
  await expect(page.getByTestId('signature')).toContainText('Signed by Dana Whitfield')
  const session = await call<{ status: string }>(harness, 'sessions:get', { id: sessionId })
  expect(session.status).toBe('completed')
  await expect(page.getByTestId('session-status')).toContainText('Completed')

  // Print it.
  await page.getByRole('button', { name: 'Print to PDF' }).click()
  const result = page.getByTestId('note-pdf-result')
  await expect(result).toContainText(`note-${noteId.slice(-8)}.pdf`)
  await shot(page, 'safety-signed-and-printed')
  const pdf = join(harness.dataDir, 'exports', `note-${noteId.slice(-8)}.pdf`)
  expect(existsSync(pdf)).toBe(true)
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  for (const s of ['María José Núñez-O’Connor', 'Dosing note', 'Signed by Dana Whitfield', 'Content hash', 'Andrés García']) expect(text).toContain(s)
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, join(screenshotDir, 'safety-note-pdf')])
})

test('signing a note of a no-show session asks, and keeps the status when told to', async ({ page, harness }) => {
  const { noteId, sessionId } = await seedDosing(harness, -1)
  const s = await call<{ date: string; startTime: string; durationMinutes: number; kind: string; placeOfService: string }>(harness, 'sessions:get', { id: sessionId })
  await call(harness, 'sessions:update', { id: sessionId, session: { date: s.date, startTime: s.startTime, durationMinutes: s.durationMinutes, kind: s.kind, placeOfService: s.placeOfService, status: 'no_show' } })
  const [flag] = await call<{ screeningItemId: string }[]>(harness, 'screening:flags', { clientId: (await call<{ clientId: string }>(harness, 'notes:get', { id: noteId })).clientId })
  const clientId = (await call<{ clientId: string }>(harness, 'notes:get', { id: noteId })).clientId
  await call(harness, 'screening:acknowledge', { clientId, context: { kind: 'note', id: noteId }, screeningItemIds: [flag!.screeningItemId] })
  await openNote(page, noteId)
  await page.getByRole('button', { name: 'Sign note' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Sign this note?' })
  await expect(confirm).toContainText('This session is marked no-show')
  await confirm.getByRole('button', { name: 'Sign note' }).click()
  await expect(confirm).toContainText('Choose one to sign.')
  await confirm.getByLabel('Keep it as no-show').check()
  await shot(page, 'safety-no-show-asks')
  await confirm.getByRole('button', { name: 'Sign note' }).click()
  await expect(confirm).toBeHidden()
  expect((await call<{ status: string }>(harness, 'sessions:get', { id: sessionId })).status).toBe('no_show')
})

test('vitals: an impossible value is told under its own field and raises no alert; times are 24-hour', async ({ page, harness }) => {
  const { noteId } = await seedDosing(harness, -1)
  await openNote(page, noteId)
  const vitals = page.getByRole('table', { name: 'Vitals readings' })
  const heartRate = vitals.getByLabel('Heart rate (bpm), reading 1')
  await heartRate.fill('999')
  await heartRate.blur()
  const message = 'Heart rate must be between 20 and 250 bpm'
  await expect(heartRate).toHaveAttribute('aria-invalid', 'true')
  // The message is the heart-rate field's own description, in its own cell.
  await expect(heartRate).toHaveAccessibleDescription(message)
  await expect(vitals.getByRole('row', { name: /Reading 1/ })).not.toHaveAttribute('data-flag', /alert|caution/)
  await expect(vitals.getByText('Alert', { exact: true })).toHaveCount(0)
  // The section says 24-hour clock, and the time fields take HH:MM as typed.
  await expect(page.getByText(/^24-hour clock\. Add a reading/)).toBeVisible()
  await expect(vitals.getByLabel('Time, reading 1')).toHaveAttribute('placeholder', 'HH:MM')
  await expect(page.getByLabel(/^Dose start/)).toHaveValue('09:40')
  await vitals.scrollIntoViewIfNeeded()
  await shot(page, 'safety-vitals-impossible-value')
})

test('starting a course shows the contraindication flag, needs the tick, and records the acknowledgement', async ({ page, harness }) => {
  const { client } = await seedDosing(harness, -1)
  await page.goto(`/#/clients/${client.id}/sessions`)
  await page.getByRole('button', { name: 'Start course' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Start treatment course' })
  const flags = dialog.getByRole('group', { name: 'Contraindications flagged in screening' })
  await expect(flags).toContainText('Glaucoma')
  await dialog.getByRole('button', { name: 'Start course' }).click()
  await expect(flags).toContainText('Review the flags and tick the box to start the course')
  await shot(page, 'safety-start-course-flag')
  await flags.getByLabel(/I have reviewed this flag/).check()
  await dialog.getByRole('button', { name: 'Start course' }).click()
  await expect(dialog).toBeHidden()
  const [course] = await call<{ id: string }[]>(harness, 'courses:list', { clientId: client.id })
  await expect
    .poll(async () => (await call<{ acknowledgement: unknown }[]>(harness, 'screening:flags', { clientId: client.id, context: { kind: 'course', id: course!.id } }))[0]!.acknowledgement)
    .toMatchObject({ byName: expect.stringContaining('Dana Whitfield') })
})

test('a PHQ-9 self-harm answer asks for the risk assessment before signing; the signed note’s banner never says to edit it', async ({ page, harness }) => {
  const client = await seedClient(harness, { legalFirstName: 'Siobhán', legalLastName: 'Ní Bhriain' })
  const { session } = await call<{ session: { id: string } }>(harness, 'sessions:create', {
    clientId: client.id,
    session: { date: isoDay(-1), startTime: '14:00', durationMinutes: 53, kind: 'psychotherapy', placeOfService: '11', status: 'scheduled' }
  })
  const note = await call<NoteOut>(harness, 'notes:create', { sessionId: session.id })
  const saved = await call<NoteOut>(harness, 'notes:save', { id: note.id, revision: note.revision, body: { subjective: 'Low mood this week; sleeping poorly.', objective: '', assessment: '', plan: '' } })
  await call(harness, 'measures:create', { clientId: client.id, measure: { kind: 'phq9', answers: [2, 2, 2, 1, 1, 2, 1, 1, 1], administeredOn: isoDay(-1), sessionId: session.id, noteId: note.id } })
  expect(saved.revision).toBeGreaterThan(note.revision)

  await openNote(page, note.id)
  await expect(page.getByRole('heading', { name: 'Risk assessment' })).toBeVisible()
  await page.getByRole('button', { name: 'Sign note' }).click()
  const blocked = page.getByRole('dialog', { name: 'This note cannot be signed yet' })
  await expect(blocked).toContainText('record the suicidal ideation screen')
  await expect(blocked).toContainText('write the risk assessment')
  await blocked.getByRole('button', { name: 'Back to the note' }).click()

  await page.getByLabel(/^Suicidal ideation/).selectOption('passive')
  await page.getByLabel(/^Risk assessment notes/).fill('Passive thoughts, no plan or intent; protective factors reviewed; safety plan updated.')
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved \d/, { timeout: 10_000 })
  await shot(page, 'safety-risk-assessment-draft')
  await page.getByRole('button', { name: 'Sign note' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Sign this note?' })
  await confirm.getByRole('button', { name: 'Sign note' }).click()
  await expect(confirm).toBeHidden()
  const banner = page.getByRole('alert').filter({ hasText: 'Safety flag' })
  await expect(banner).toContainText('addendum')
  await expect(banner).not.toContainText('record it in this note')
  await expect(banner).not.toContainText('before signing')
  await shot(page, 'safety-risk-assessment-signed')
})
