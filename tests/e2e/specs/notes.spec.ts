/**
 * Session notes and measures (issue 4, notes half): a preparation note written and signed; a
 * dosing note with four vitals rows (one flagged) signed, refused when edited, then corrected by
 * an addendum; an integration note with a PHQ-9; the chart's trend with a GAD-7 too; note search.
 * Also: autosave survives closing the window, and a stale window is told to reload.
 */
import { copyFileSync, mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { tmpdir } from 'node:os'
import type { Locator, Page } from '@playwright/test'
import { PROTOCOL_TEMPLATES } from '../../../src/shared/domain/scheduling'
import { MEASURES, type MeasureKind } from '../../../src/shared/domain/measures'
import type { Harness } from '../harness/server'
import { byLabel, call, expect, expectAccessible, isoDay, seedClient, seedPractice, shot as saveShot, test, type BrowserGlobals } from '../fixtures'

/**
 * The fixture's screenshot, plus a copy in the temp folder: every Playwright run empties
 * test-results/screenshots first, so a run started elsewhere can take these away.
 */
async function shot(page: Page, name: string) {
  // Toasts fade on their own; the picture is of the screen at rest.
  const toasts = page.locator('[data-sonner-toast]')
  for (const close of await page.getByRole('button', { name: 'Close toast' }).all()) await close.click().catch(() => {})
  await expect(toasts).toHaveCount(0, { timeout: 8000 })
  const path = await saveShot(page, name)
  const keep = join(tmpdir(), 'kap-notes-screenshots')
  mkdirSync(keep, { recursive: true })
  copyFileSync(path, join(keep, basename(path)))
  return path
}

interface NoteOut {
  id: string
  revision: number
  status: string
}

/** Waits until no skeleton is showing. */
const settled = (page: Page) => expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
const saveStatus = (page: Page) => page.getByTestId('save-status')
/** Autosave has caught up: the status reads "Saved h:mm". */
const saved = (page: Page) => expect(saveStatus(page)).toHaveText(/^Saved \d/, { timeout: 10_000 })

/** A client in an induction course with completed sessions, and a draft note for each of the first three. */
async function seedCourse(harness: Harness) {
  const client = await seedClient(harness, {
    legalFirstName: 'Ana',
    legalLastName: 'Rivera',
    dateOfBirth: '1984-03-08',
    escortName: 'Luis Rivera',
    prescriberName: 'Dr. Mei Chen'
  })
  const course = await call<{ id: string }>(harness, 'courses:create', {
    clientId: client.id,
    course: { protocol: PROTOCOL_TEMPLATES[0], startedOn: isoDay(-16) }
  })
  const book = async (offset: number, kind: string, startTime: string, durationMinutes: number) => {
    const out = await call<{ session: { id: string } }>(harness, 'sessions:create', {
      clientId: client.id,
      session: { date: isoDay(offset), startTime, durationMinutes, kind, placeOfService: '11', status: 'completed', courseId: course.id }
    })
    return out.session.id
  }
  const prep = await book(-16, 'preparation', '10:00', 60)
  const dosing = await book(-13, 'dosing', '09:30', 180)
  const integration = await book(-12, 'integration', '15:00', 60)
  await book(-9, 'dosing', '09:30', 180)
  await book(-5, 'dosing', '09:30', 180)
  const note = (sessionId: string) => call<NoteOut>(harness, 'notes:create', { sessionId })
  // Baselines given at preparation, so the trend has a start.
  const baseline = (kind: MeasureKind, answers: number[]) =>
    call(harness, 'measures:create', { clientId: client.id, measure: { kind, answers, administeredOn: isoDay(-16), sessionId: prep, noteId: null } })
  await baseline('phq9', [2, 3, 2, 2, 2, 2, 2, 1, 0])
  await baseline('gad7', [2, 2, 3, 2, 1, 2, 2])
  return {
    client,
    prepNote: await note(prep),
    dosingNote: await note(dosing),
    integrationNote: await note(integration)
  }
}

async function openNote(page: Page, id: string) {
  await page.goto(`/#/notes/${id}`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await settled(page)
}

async function signNote(page: Page) {
  await page.getByRole('button', { name: 'Sign note' }).click()
  const dialog = page.getByRole('alertdialog', { name: 'Sign this note?' })
  await expect(dialog).toContainText('can never be changed')
  await dialog.getByRole('button', { name: 'Sign note' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Signed', { exact: true })).toBeVisible()
  await expect(page.getByTestId('signature')).toContainText('Signed by Dana Whitfield, LMFT')
  await expect(page.getByTestId('signature')).toContainText('Content hash')
}

/** Answers a measure in the dialog, item by item, by clicking the radio with the option's label. */
async function answer(dialog: Locator, kind: MeasureKind, answers: number[]) {
  const def = MEASURES[kind]
  for (const [i, value] of answers.entries()) {
    const option = def.options.find((o) => o.value === value)!
    const row = dialog.getByRole('radiogroup', { name: def.items[i]! })
    await row.getByRole('radio', { name: `${option.label} (${value})` }).check()
  }
}

test.beforeEach(async ({ harness }) => {
  await seedPractice(harness)
})

test('preparation, dosing with vitals, addendum, integration with PHQ-9, trend and search', async ({ page, harness }) => {
  test.setTimeout(120_000)
  const { client, prepNote, dosingNote, integrationNote } = await seedCourse(harness)

  // ── 1. Preparation note: written, autosaved, signed.
  await openNote(page, prepNote.id)
  await expect(page.getByRole('heading', { level: 1, name: 'Preparation note' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Ana Rivera' })).toBeVisible()
  await expect(page.getByText('Draft', { exact: true })).toBeVisible()
  await byLabel(page, 'Intentions').fill('To grieve my father without the weight of the ocean on my chest; to feel less numb.')
  await page.getByLabel('Effects explained').check()
  await page.getByLabel('Timeline explained').check()
  await page.getByLabel('What dissociation feels like explained').check()
  await byLabel(page, 'Music').fill('Ambient, no lyrics')
  await page.getByLabel('Eyeshade').check()
  await page.getByLabel('Consent reviewed').check()
  await page.getByLabel('Screening reviewed').check()
  await byLabel(page, 'Plan for the dosing session').fill('IV ketamine 0.5 mg/kg with music and eyeshade; escort Luis.')
  await saved(page)
  await expectAccessible(page, 'preparation note draft')
  await signNote(page)
  await expect(page.getByRole('textbox')).toHaveCount(0)
  await expect(page.getByText('To grieve my father')).toBeVisible()

  // ── 2. Dosing note: medication with live mg/kg, times with an order error, four vitals rows.
  await openNote(page, dosingNote.id)
  await expect(page.getByRole('heading', { level: 1, name: 'Dosing note' })).toBeVisible()
  await page.getByLabel('Fasting as instructed').check()
  await page.getByLabel('Blood pressure in range').check()
  await page.getByLabel('Ride home confirmed').check()
  await byLabel(page, 'Escort').fill('Luis Rivera')
  await byLabel(page, 'Drug').selectOption('racemic_ketamine')
  await byLabel(page, 'Route').selectOption('iv')
  await byLabel(page, 'Dose (mg)').fill('35')
  await expect(page.getByRole('status', { name: 'Dose per kilogram' })).toHaveText('— mg/kg')
  await expect(page.getByText('Record body weight to check the IV dose in mg/kg.')).toBeVisible()
  await byLabel(page, 'Weight (kg)').fill('70')
  await expect(page.getByRole('status', { name: 'Dose per kilogram' })).toHaveText('0.5 mg/kg')
  // A dose above the usual IV range is a warning beside the field, never a block.
  await byLabel(page, 'Dose (mg)').fill('70')
  await expect(page.getByText('1 mg/kg is above the usual IV range (0.1–0.75 mg/kg). Check the dose.')).toBeVisible()
  await shot(page, 'notes-09-dosing-dose-warning')
  await byLabel(page, 'Dose (mg)').fill('35')
  await expect(page.getByText(/above the usual IV range/)).toHaveCount(0)
  await byLabel(page, 'Lot number').fill('KT-2291')

  await byLabel(page, 'Dose start').fill('10:00')
  await byLabel(page, 'Discharge').fill('09:30')
  const discharge = byLabel(page, 'Discharge')
  await expect(discharge).toHaveAttribute('aria-invalid', 'true')
  await expect(discharge).toHaveAccessibleDescription('Discharge must be after dose start')
  await expect(saveStatus(page)).toHaveText('Not saved — fix the highlighted field')
  await byLabel(page, 'Onset').fill('10:06')
  await byLabel(page, 'Peak').fill('10:25')
  await byLabel(page, 'End of acute effects').fill('10:50')
  await discharge.fill('12:10')
  await expect(discharge).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('130 minutes')).toBeVisible()

  const vitals = page.getByRole('table', { name: 'Vitals readings' })
  const readings = [
    { time: '09:52', sys: '132', dia: '84', hr: '74', spo2: '98', note: 'Pre-dose, calm' },
    { time: '10:20', sys: '146', dia: '92', hr: '88', spo2: '97', note: '' },
    { time: '10:40', sys: '184', dia: '104', hr: '96', spo2: '96', note: 'Headache; reassured, lights dimmed' },
    { time: '11:45', sys: '128', dia: '80', hr: '72', spo2: '98', note: 'Back to baseline' }
  ]
  for (const [i, r] of readings.entries()) {
    await page.getByRole('button', { name: 'Add reading' }).click()
    const n = i + 1
    // The new row's time starts as now; the systolic field has the cursor.
    await expect(vitals.getByLabel(`Time, reading ${n}`)).toHaveValue(/^\d\d:\d\d$/)
    await expect(vitals.getByLabel(`Systolic (mmHg), reading ${n}`)).toBeFocused()
    await vitals.getByLabel(`Time, reading ${n}`).fill(r.time)
    await vitals.getByLabel(`Systolic (mmHg), reading ${n}`).fill(r.sys)
    await vitals.getByLabel(`Diastolic (mmHg), reading ${n}`).fill(r.dia)
    await vitals.getByLabel(`Heart rate (bpm), reading ${n}`).fill(r.hr)
    await vitals.getByLabel(`SpO2 (%), reading ${n}`).fill(r.spo2)
    await vitals.getByLabel(`Note, reading ${n}`).fill(r.note)
  }
  await expect(vitals.locator('tbody tr')).toHaveCount(4)
  await expect(vitals.locator('tr[data-flag]')).toHaveCount(1)
  await expect(vitals.locator('tr[data-flag="alert"]')).toContainText('BP 184/104 is at or above the alert level of 180/110')
  await expect(vitals.locator('tbody tr').first()).toContainText('Pre-dose')
  await page.getByLabel('Nausea').check()
  await byLabel(page, 'Dissociation (0–3)').selectOption('2')
  await byLabel(page, 'Interventions given').fill('Reassurance; lights dimmed; BP rechecked at 10:55 (150/92).')
  await page.getByLabel('Alert and oriented').check()
  await page.getByLabel('Walking steadily').check()
  await page.getByLabel('Discharged to escort').check()
  await byLabel(page, 'Session notes').fill('Client described floating over a calm sea; brief headache at peak.')
  await saved(page)
  await vitals.scrollIntoViewIfNeeded()
  await expectAccessible(page, 'dosing note with vitals')
  await shot(page, 'notes-10-dosing-vitals-flag')

  // The stored note has what was typed.
  const stored = await call<{ body: { vitals: unknown[]; medication: { doseMg: number } } }>(harness, 'notes:get', { id: dosingNote.id })
  expect(stored.body.vitals).toHaveLength(4)
  expect(stored.body.medication.doseMg).toBe(35)

  await signNote(page)
  // Signed: nothing on the page can change it…
  await expect(page.getByRole('textbox')).toHaveCount(0)
  await expect(page.getByRole('spinbutton')).toHaveCount(0)
  await expect(page.getByRole('table', { name: 'Vitals readings' }).locator('tr[data-flag="alert"]')).toHaveCount(1)
  await page.getByRole('table', { name: 'Vitals readings' }).scrollIntoViewIfNeeded()
  await shot(page, 'notes-19-signed-dosing-read-view')
  // …and main refuses an edit sent anyway.
  const refused = await page.evaluate(
    async ({ id }) => {
      const api = (globalThis as unknown as BrowserGlobals).api
      const note = (await api.notes!.get!({ id })) as { value: { revision: number; body: Record<string, unknown> } }
      return api.notes!.save!({ id, revision: note.value.revision, body: { ...note.value.body, notes: 'changed after signing' } })
    },
    { id: dosingNote.id }
  )
  expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: 'This note is signed and cannot be changed. Add an addendum instead.' } })

  // ── 3. An addendum, signed on save.
  await page.getByRole('button', { name: 'Add addendum' }).click()
  await byLabel(page, 'Addendum').fill('Correction: the 10:55 recheck was 150/92, not 152/92 as said at discharge. Client called next day, feeling well.')
  await page.getByRole('button', { name: 'Sign and add addendum' }).click()
  const addenda = page.getByRole('list', { name: 'Addenda, oldest first' })
  await expect(addenda.getByRole('listitem')).toHaveCount(1)
  await expect(addenda).toContainText('Addendum 1')
  await expect(addenda).toContainText('Signed by Dana Whitfield, LMFT')
  await expect(addenda).toContainText('Client called next day')
  await page.getByRole('heading', { name: 'Addenda' }).scrollIntoViewIfNeeded()
  await expectAccessible(page, 'signed note with addendum')
  await shot(page, 'notes-20-signed-with-addendum')

  // ── 4. Integration note with a PHQ-9 (item 9 above 0 shows the safety notice at once).
  await openNote(page, integrationNote.id)
  await byLabel(page, 'Experience recounted').fill('Felt held by the music; saw her father at the ocean and said goodbye.')
  await byLabel(page, 'Themes and insights').fill('Grief as love with nowhere to go.')
  await byLabel(page, 'Suicidal ideation').selectOption('passive')
  await byLabel(page, 'Risk assessment notes').fill('Passive thoughts on bad days, no plan or intent; safety plan reviewed.')
  await page.getByRole('button', { name: 'Add measure' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add measure' })
  await expect(dialog.getByRole('radio', { name: 'PHQ-9' })).toBeChecked()
  await answer(dialog, 'phq9', [1, 1, 1, 1, 1, 1, 1, 0])
  await expect(dialog.getByText('8 of 9 answered')).toBeVisible()
  await expect(dialog.getByRole('alert')).toHaveCount(0)
  await answer(dialog, 'phq9', [1, 1, 1, 1, 1, 1, 1, 0, 1])
  await expect(dialog.getByRole('alert')).toContainText('thoughts of death or self-harm')
  await expect(dialog.getByRole('status')).toContainText('Total 8 / 27')
  await expect(dialog.getByRole('status')).toContainText('Mild')
  await expect(dialog.getByRole('status')).toContainText('Safety flag')
  await expectAccessible(page, 'measure entry dialog')
  await dialog.getByRole('alert').scrollIntoViewIfNeeded()
  await shot(page, 'notes-30-measure-dialog')
  await dialog.getByRole('button', { name: 'Save measure' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('list', { name: 'Measures in this session' })).toContainText('PHQ-9')
  // The note now carries the safety flag in its header.
  await expect(page.getByRole('alert').filter({ hasText: 'Safety flag: thoughts of death or self-harm' })).toBeVisible()
  await saved(page)

  // ── 5. The chart's Measures tab: a GAD-7 from the chart, the table and the trend.
  await page.getByRole('link', { name: 'Ana Rivera' }).click()
  await page.getByRole('tablist', { name: 'Client chart sections' }).getByRole('tab', { name: 'Measures', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/clients/${client.id}/measures$`))
  await settled(page)
  await page.getByRole('button', { name: 'Add measure' }).first().click()
  const chartDialog = page.getByRole('dialog', { name: 'Add measure' })
  await chartDialog.getByText('GAD-7', { exact: true }).click()
  await answer(chartDialog, 'gad7', [1, 1, 1, 0, 1, 1, 0])
  await expect(chartDialog.getByRole('status')).toContainText('Total 5 / 21')
  await chartDialog.getByRole('button', { name: 'Save measure' }).click()
  await expect(chartDialog).toBeHidden()
  const table = page.getByRole('table', { name: 'Measures' })
  await expect(table.locator('tbody tr')).toHaveCount(4)
  await expect(table).toContainText('Baseline')
  await expect(table).toContainText('Response')
  const chart = page.getByRole('img', { name: /Measure scores over time/ })
  await expect(chart).toBeVisible()
  await expect(chart.locator('[data-series="phq9"] circle')).toHaveCount(3) // two points + the safety ring
  await expect(chart.locator('[data-series="gad7"] rect')).toHaveCount(2)
  await expect(chart.locator('[data-dosing]')).toHaveCount(3)
  await expect(page.locator('figcaption')).toContainText('PHQ-9')
  await expect(page.locator('figcaption')).toContainText('GAD-7')
  await expect(page.locator('figcaption')).toContainText('Dosing session')
  await expectAccessible(page, 'chart measures tab')
  await shot(page, 'notes-40-chart-measures-trend')

  // ── 6. Search: the snippet highlights the match (as text), a click opens the note.
  await page.goto('/#/notes/search')
  await page.getByRole('searchbox', { name: 'Search notes' }).fill('ocean')
  const results = page.getByRole('list', { name: 'Matching notes' })
  await expect(results.getByRole('listitem')).toHaveCount(2)
  await expect(results.locator('mark').first()).toHaveText(/ocean/i)
  await expect(results).toContainText('Ana Rivera')
  await expect(page).toHaveURL(/q=ocean/)
  await expectAccessible(page, 'note search results')
  await shot(page, 'notes-50-search-results')
  await results.getByRole('link').filter({ hasText: 'Preparation' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Preparation note' })).toBeVisible()
})

test('closing the window right after typing loses nothing', async ({ page, harness, context }) => {
  const { prepNote } = await seedCourse(harness)
  await openNote(page, prepNote.id)
  await byLabel(page, 'Intentions').fill('Typed just before the window closed')
  // No wait for the debounce: the window goes at once (beforeunload and pagehide flush).
  await page.close({ runBeforeUnload: true })
  await expect
    .poll(async () => (await call<{ body: { intentions: string } }>(harness, 'notes:get', { id: prepNote.id })).body.intentions, { timeout: 5000 })
    .toBe('Typed just before the window closed')

  const again = await context.newPage()
  await openNote(again, prepNote.id)
  await expect(byLabel(again, 'Intentions')).toHaveValue('Typed just before the window closed')
})

test('a note changed in another window, or signed there, says so and offers a reload', async ({ page, harness, context }) => {
  const { prepNote, integrationNote } = await seedCourse(harness)

  // Two windows on one draft: the later save wins, the stale window is told to reload.
  await openNote(page, prepNote.id)
  const other = await context.newPage()
  await openNote(other, prepNote.id)
  await byLabel(other, 'Intentions').fill('Written in the second window')
  await saved(other)
  await byLabel(page, 'Intentions').fill('Written in the first window')
  const alert = page.getByRole('alert').filter({ hasText: 'This note changed in another window' })
  await expect(alert).toBeVisible()
  await expect(saveStatus(page)).toHaveText('Not saved — reload the note')
  await alert.getByRole('button', { name: 'Reload note' }).click()
  await expect(byLabel(page, 'Intentions')).toHaveValue('Written in the second window')
  await expect(saveStatus(page)).toHaveText('All changes saved')

  // Signed elsewhere while open here: the edit is refused with the reason.
  await openNote(page, integrationNote.id)
  await byLabel(page, 'Suicidal ideation').selectOption('none')
  await saved(page)
  const current = await call<NoteOut>(harness, 'notes:get', { id: integrationNote.id })
  await call(harness, 'notes:sign', { id: integrationNote.id, revision: current.revision })
  await byLabel(page, 'Plan').fill('Another integration session next week')
  await expect(page.getByRole('alert').filter({ hasText: 'This note is signed and cannot be changed. Add an addendum instead.' })).toBeVisible()
  await page.getByRole('button', { name: 'Reload note' }).click()
  await expect(page.getByTestId('signature')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Add addendum' })).toBeVisible()
})

test('signing is blocked until the note says what it must, and the dialog goes to the field', async ({ page, harness }) => {
  const { dosingNote } = await seedCourse(harness)
  await openNote(page, dosingNote.id)
  await page.getByLabel('Fasting as instructed').check()
  await saved(page)
  await page.getByRole('button', { name: 'Sign note' }).click()
  const dialog = page.getByRole('dialog', { name: 'This note cannot be signed yet' })
  await expect(dialog.getByRole('listitem')).toHaveCount(4)
  await expect(dialog).toContainText('Drug: Choose the drug given')
  await expect(dialog).toContainText('Dose start: Enter the time the dose started')
  await dialog.getByRole('button', { name: 'Go to Drug' }).click()
  await expect(dialog).toBeHidden()
  await expect(byLabel(page, 'Drug')).toBeFocused()
  // Esketamine brings the REMS section.
  await expect(page.getByRole('heading', { name: 'Spravato REMS' })).toHaveCount(0)
  await byLabel(page, 'Drug').selectOption('esketamine')
  await expect(page.getByRole('heading', { name: 'Spravato REMS' })).toBeVisible()
})
