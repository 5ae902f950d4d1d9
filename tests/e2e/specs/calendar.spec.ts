/**
 * The schedule's time grid: a week of sessions as blocks sized by their length, the now-line,
 * booking by clicking a slot, a clash warned before saving ("Book anyway"), a session dragged to
 * another day and time and resized, a move onto another session ("Move anyway"), a session with a
 * signed note refusing to move, the month and day views, and the list for the keyboard.
 *
 * The browser's clock is fixed on Wednesday, March 11, 2026 at 10:30 (a past week, so its
 * Monday's dosing note can be signed); the grid shows 7 AM to 8 PM, 48 px an hour.
 */
import type { Locator, Page } from '@playwright/test'
import { byLabel, call, expect, expectAccessible, seedClient, seedPractice, shot, test } from '../fixtures'

// The grid works on the wall clock; a zone with DST (it changed on Sunday, Mar 8) keeps that honest.
test.use({ timezoneId: 'America/Los_Angeles' })

const WEEK = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15']
const FIRST_HOUR = 7
const HOUR_PX = 48

interface AgendaRow {
  id: string
  date: string
  startTime: string
  durationMinutes: number
  clientName: string
}

const session = (overrides: Record<string, unknown>) => ({ placeOfService: '11', status: 'scheduled', durationMinutes: 50, ...overrides })

const signableDosingBody = {
  preDose: { fasting: true, bpInRange: true, escortConfirmed: true, escortName: 'Luis Rivera', noDecongestant: true, interactingMedsReviewed: true },
  medication: { drug: 'racemic_ketamine', route: 'im', doseMg: 50, weightKg: 70, lotNumber: 'K-2291', administeredBy: 'Dr. Whitfield', prescriber: 'Dr. Whitfield' },
  times: { doseStart: '09:05', onset: '09:10', peak: '09:30', acuteEnd: '10:20', discharge: '11:40' },
  vitals: [{ id: 'v1', time: '09:00', systolic: 128, diastolic: 82, heartRate: 74, spo2: 98, note: 'Baseline' }],
  interventions: '',
  notes: 'Calm session.'
}

/** Where on the grid a day and a wall-clock time are (x at the column's middle unless `dx`). */
async function point(grid: Locator, date: string, time: string, dx = 0.5) {
  const box = (await grid.boundingBox())!
  const [h, m] = time.split(':').map(Number) as [number, number]
  const column = box.width / WEEK.length
  return { x: box.x + column * (WEEK.indexOf(date) + dx), y: box.y + ((h * 60 + m - FIRST_HOUR * 60) / 60) * HOUR_PX }
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x, from.y + 6, { steps: 2 })
  await page.mouse.move(to.x, to.y, { steps: 8 })
  await page.mouse.up()
}

const agenda = (harness: Parameters<typeof call>[0]) => call<AgendaRow[]>(harness, 'sessions:agenda', { from: WEEK[0], to: WEEK[6] })
const settled = (page: Page) => expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
const closeToasts = (page: Page) => page.locator('[data-sonner-toast] button[aria-label="Close toast"]').evaluateAll((buttons) => buttons.forEach((b) => (b as unknown as { click(): void }).click()))

test('the week grid: book on a slot, a clash warned, drag to move and resize, a signed session stays; month and day views', async ({ page, harness }) => {
  test.setTimeout(120_000)
  await seedPractice(harness)
  const ana = await seedClient(harness, { legalFirstName: 'Ana', legalLastName: 'Rivera', dateOfBirth: '1984-03-08' })
  const tom = await seedClient(harness, { legalFirstName: 'Thomas', legalLastName: 'Nguyen', preferredName: 'Tom', dateOfBirth: '1979-02-14' })
  const maria = await seedClient(harness, { legalFirstName: 'María José', legalLastName: 'García-López', dateOfBirth: '1987-11-23' })
  const sam = await seedClient(harness, { legalFirstName: 'Sam', legalLastName: 'Okafor', dateOfBirth: '1992-07-30' })
  const book = (clientId: string, s: Record<string, unknown>) => call<{ session: { id: string } }>(harness, 'sessions:create', { clientId, session: session(s) })
  const dosing = await book(ana.id, { date: WEEK[0], startTime: '09:00', durationMinutes: 180, kind: 'dosing', status: 'completed' })
  await book(tom.id, { date: WEEK[1], startTime: '13:00', kind: 'integration' })
  await book(maria.id, { date: WEEK[2], startTime: '14:00', kind: 'preparation' })
  await book(ana.id, { date: WEEK[3], startTime: '10:00', kind: 'integration' })
  await book(tom.id, { date: WEEK[4], startTime: '08:00', kind: 'psychotherapy', status: 'cancelled' })
  await book(sam.id, { date: WEEK[2], startTime: '11:00', kind: 'intake', durationMinutes: 60, renderingUserId: null })
  const note = await call<{ id: string; revision: number }>(harness, 'notes:create', { sessionId: dosing.session.id })
  const saved = await call<{ revision: number }>(harness, 'notes:save', { id: note.id, revision: note.revision, body: signableDosingBody })
  await call(harness, 'notes:sign', { id: note.id, revision: saved.revision })

  await page.clock.setFixedTime(new Date('2026-03-11T10:30:00-07:00'))
  await page.goto('/#/sessions?view=week&date=2026-03-11&layout=grid')
  await settled(page)
  const grid = page.getByTestId('time-grid')
  await expect(grid).toBeVisible()

  // A 3-hour dosing is three hours tall; the now-line sits in Wednesday's column.
  const dosingBlock = page.locator(`[data-session-id="${dosing.session.id}"]`)
  await expect(dosingBlock).toContainText('Ana Rivera')
  expect(Math.round((await dosingBlock.boundingBox())!.height)).toBe(3 * HOUR_PX)
  await expect(page.getByRole('region', { name: 'Wednesday, Mar 11' }).getByTestId('now-line')).toHaveCount(1)
  await expectAccessible(page, 'calendar — week grid')
  await shot(page, 'calendar-01-week')

  // 1. Book by clicking Friday at 11:00: the dialog opens on that day and time.
  const friday11 = await point(grid, WEEK[4]!, '11:05')
  await page.mouse.click(friday11.x, friday11.y)
  let dialog = page.getByRole('dialog', { name: 'Schedule session' })
  await expect(byLabel(dialog, 'Date')).toHaveValue(WEEK[4]!)
  await expect(byLabel(dialog, 'Start time')).toHaveValue('11:00')
  await dialog.getByRole('combobox', { name: 'Client' }).fill('Nguyen')
  await dialog.getByRole('option', { name: /Nguyen, Thomas/ }).click()
  await byLabel(dialog, 'Kind').selectOption('psychotherapy')
  await dialog.getByRole('button', { name: 'Schedule session' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(/Scheduled for Tom Nguyen — Psychotherapy, Fri, Mar 13 at 11:00 AM/)).toBeVisible()
  await expect(page.getByRole('region', { name: 'Friday, Mar 13' })).toContainText('Tom Nguyen')

  // 2. Drag over Tuesday 12:30–13:30, into Tom's integration (same clinician): the dialog warns first.
  await closeToasts(page)
  await drag(page, await point(grid, WEEK[1]!, '12:35'), await point(grid, WEEK[1]!, '13:25'))
  dialog = page.getByRole('dialog', { name: 'Schedule session' })
  await expect(byLabel(dialog, 'Start time')).toHaveValue('12:30')
  await expect(byLabel(dialog, 'Duration (minutes)')).toHaveValue('60')
  await dialog.getByRole('combobox', { name: 'Client' }).fill('García')
  await dialog.getByRole('option', { name: /García-López, María José/ }).click()
  await dialog.getByRole('button', { name: 'Schedule session' }).click()
  const warning = dialog.getByRole('alert').filter({ hasText: 'This time overlaps another session' })
  await expect(warning).toBeVisible()
  await expect(warning.getByRole('list', { name: 'Overlapping sessions' })).toHaveText('Integration, Tue, Mar 10, 1:00 PM – 1:50 PM (same clinician)')
  expect((await agenda(harness)).filter((r) => r.date === WEEK[1])).toHaveLength(1)
  await expectAccessible(page, 'calendar — clash warning')
  await shot(page, 'calendar-02-clash-warning')
  await warning.getByRole('button', { name: 'Book anyway' }).click()
  await expect(dialog).toBeHidden()
  expect((await agenda(harness)).filter((r) => r.date === WEEK[1]).map((r) => `${r.startTime} ${r.durationMinutes}`)).toEqual(['12:30 60', '13:00 50'])

  // 3. Drag María's Wednesday preparation to Thursday at 15:00, then its bottom edge to 16:30.
  await closeToasts(page)
  const prep = (await agenda(harness)).find((r) => r.date === WEEK[2] && r.startTime === '14:00')!
  await drag(page, await point(grid, WEEK[2]!, '14:10'), await point(grid, WEEK[3]!, '15:10'))
  await expect(page.getByText(/Session moved: María José García-López/)).toBeVisible()
  await expect.poll(async () => (await agenda(harness)).find((r) => r.id === prep.id)).toMatchObject({ date: WEEK[3], startTime: '15:00', durationMinutes: 50 })
  const moved = page.locator(`[data-session-id="${prep.id}"]`)
  await expect(page.getByRole('region', { name: 'Thursday, Mar 12' }).locator(`[data-session-id="${prep.id}"]`)).toBeVisible()
  const bottom = (await moved.boundingBox())!
  await drag(page, { x: bottom.x + bottom.width / 2, y: bottom.y + bottom.height - 2 }, await point(grid, WEEK[3]!, '16:30'))
  await expect(page.getByText(/Length changed: María José García-López/)).toBeVisible()
  await expect.poll(async () => (await agenda(harness)).find((r) => r.id === prep.id)?.durationMinutes).toBe(90)
  await expect(moved).toContainText('3:00 – 4:30 PM')
  expect(Math.round((await moved.boundingBox())!.height)).toBe(1.5 * HOUR_PX)

  // 4. Drag Tom's Friday session onto Ana's Thursday integration: asked first, then moved anyway.
  await closeToasts(page)
  await drag(page, await point(grid, WEEK[4]!, '11:10'), await point(grid, WEEK[3]!, '10:10'))
  const confirm = page.getByRole('alertdialog', { name: 'Move onto another session?' })
  await expect(confirm).toContainText('Integration, Thu, Mar 12, 10:00 AM – 10:50 AM (same clinician)')
  await shot(page, 'calendar-03-move-clash')
  await confirm.getByRole('button', { name: 'Move anyway' }).click()
  await expect(confirm).toBeHidden()
  await expect.poll(async () => (await agenda(harness)).filter((r) => r.date === WEEK[3] && r.startTime === '10:00').map((r) => r.clientName).sort()).toEqual(['Ana Rivera', 'Tom Nguyen'])

  // 5. The signed dosing refuses to move, and says why.
  await closeToasts(page)
  const box = (await dosingBlock.boundingBox())!
  await drag(page, { x: box.x + box.width / 2, y: box.y + 20 }, await point(grid, WEEK[1]!, '09:20'))
  await expect(page.getByText(/This session has a signed note, so it stays where it is/)).toBeVisible()
  expect((await agenda(harness)).find((r) => r.id === dosing.session.id)).toMatchObject({ date: WEEK[0], startTime: '09:00' })
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await shot(page, 'calendar-04-week-after')

  // 6. A block is a button: a click opens the session to edit.
  await closeToasts(page)
  await moved.getByRole('button').click()
  await expect(page.getByRole('dialog', { name: 'Edit session' })).toBeVisible()
  await expect(byLabel(page.getByRole('dialog', { name: 'Edit session' }), 'Duration (minutes)')).toHaveValue('90')
  await page.keyboard.press('Escape')

  // 7. The month: every session on its day; a day's number opens the day, with the now-line.
  await page.getByRole('button', { name: 'Month', exact: true }).click()
  await expect(page).toHaveURL(/view=month/)
  await settled(page)
  await expect(page.getByRole('heading', { name: /March 2026/ })).toBeVisible()
  await expect(page.getByRole('region', { name: /^Monday, Mar 9, 1 session/ })).toContainText('Ana Rivera')
  await expect(page.getByRole('region', { name: /^Thursday, Mar 12, 3 sessions/ })).toBeVisible()
  await expectAccessible(page, 'calendar — month')
  await shot(page, 'calendar-05-month')

  await page.getByRole('button', { name: 'Open Wednesday, Mar 11' }).click()
  await expect(page).toHaveURL(/view=day&date=2026-03-11/)
  await settled(page)
  await expect(page.getByTestId('now-line')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Wednesday, Mar 11' })).toContainText('Sam Okafor')
  await expectAccessible(page, 'calendar — day')
  await shot(page, 'calendar-06-day')
  // Thursday: three sessions, two of them at 10:00 side by side.
  await page.getByRole('button', { name: 'Next day' }).click()
  await settled(page)
  await expect(page.getByRole('region', { name: 'Thursday, Mar 12' }).getByRole('button')).toHaveCount(3)
  await shot(page, 'calendar-07-day-overlap')

  // 8. Keyboard users keep the list: the same sessions, in order, remembered as the layout.
  await page.goto('/#/sessions?view=week&date=2026-03-11')
  await settled(page)
  await page.getByRole('button', { name: 'List' }).click()
  await expect(page).toHaveURL(/layout=list/)
  await expect(page.getByRole('region', { name: /^Thursday/ }).getByRole('link')).toHaveCount(3)
  await page.goto('/#/sessions?view=week&date=2026-03-11')
  await expect(page.getByRole('button', { name: 'List' })).toHaveAttribute('aria-pressed', 'true')
})
