/**
 * Booking: "Schedule the course" in one step (a row adjusted, its problem shown beside it, then
 * all booked at once), a recurring integration series, a this-and-following change, and
 * reminders exported as an .ics file and an appointment card.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { PROTOCOL_TEMPLATES } from '@shared/domain/scheduling'
import { byLabel, call, expect, expectAccessible, seedClient, seedPractice, shot, test } from '../fixtures'

interface TimelineRow {
  id: string
  date: string
  startTime: string
  durationMinutes: number
  kind: string
  status: string
  seriesId: string | null
  courseId: string | null
}

const settled = (page: Page) => expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
const closeToasts = async (page: Page) => {
  for (const button of await page.locator('[data-sonner-toast] button[aria-label="Close toast"]').all()) await button.click().catch(() => {})
  await expect(page.locator('[data-sonner-toast]')).toHaveCount(0)
}

/** "Jan 4, 2027" as the timeline writes a date. */
const shortDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)))
}
const plusDays = (date: string, n: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}
const browserToday = (page: Page) =>
  page.evaluate(() => {
    const d = new Date()
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  })

test.beforeEach(async ({ harness, page }) => {
  await seedPractice(harness)
  await page.goto('/#/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

test('schedule the whole course in one step: adjust a row, see the problem beside it, book all', async ({ page, harness }) => {
  const client = await seedClient(harness, { legalFirstName: 'Zoë', legalLastName: 'O’Brien-Núñez', dateOfBirth: '1984-03-08' })
  const today = await browserToday(page)
  const protocol = structuredClone(PROTOCOL_TEMPLATES.find((t) => t.key === 'induction')!)
  await call(harness, 'courses:create', { clientId: client.id, course: { protocol, startedOn: today } })

  await page.goto(`/#/clients/${client.id}/sessions`)
  const card = page.getByRole('article', { name: 'Induction course' })
  await card.getByRole('button', { name: 'Schedule the course' }).click()
  const dialog = page.getByRole('dialog', { name: 'Schedule the course' })
  const table = dialog.getByRole('table', { name: 'Proposed sessions' })
  await expect(table.getByRole('row')).toHaveCount(15)
  await expect(dialog.getByText('Every row keeps the plan and your free time')).toBeVisible()
  await expectAccessible(page, 'schedule the course')
  await shot(page, 'booking-01-proposal')

  // Move the second dosing to the day after the first: the row says why, and booking waits.
  const dosingDates = await dialog.getByLabel(/^Date of Dosing session/).evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value))
  const second = dialog.getByLabel(/^Date of Dosing session/).nth(1)
  const original = dosingDates[1]!
  await second.fill(plusDays(dosingDates[0]!, 1))
  await expect(dialog.getByText(/This dosing is 1 day after the previous one/)).toBeVisible()
  await expect(dialog.getByRole('button', { name: /^Book 14 sessions/ })).toBeDisabled()
  await expect(second).toHaveAttribute('aria-invalid', 'true')
  await shot(page, 'booking-02-row-problem')

  // Put it back and start the first preparation an hour later: valid again.
  await second.fill(original)
  await dialog.getByLabel('Start time of Preparation session 1').fill('10:00')
  await expect(dialog.getByText('Every row keeps the plan and your free time')).toBeVisible()
  await dialog.getByRole('button', { name: 'Book 14 sessions' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Booked 14 sessions of the Induction course')).toBeVisible()

  const rows = await call<TimelineRow[]>(harness, 'sessions:list', { clientId: client.id })
  expect(rows).toHaveLength(14)
  expect(rows.filter((r) => r.kind === 'dosing')).toHaveLength(6)
  expect(rows.find((r) => r.kind === 'preparation' && r.startTime === '10:00')).toBeTruthy()
  const dosingRow = card.getByRole('row', { name: /^Dosing/ })
  await expect(dosingRow.getByRole('cell').nth(1)).toHaveText('6')
  await expect(card.getByRole('button', { name: 'Schedule the course' })).toHaveCount(0)
  await settled(page)
  await closeToasts(page)
  await shot(page, 'booking-03-course-booked')
})

test('a recurring integration series, then this-and-following moved later, then an .ics and a card exported', async ({ page, harness }) => {
  const client = await seedClient(harness, { legalFirstName: 'Zoë', legalLastName: 'O’Brien-Núñez', dateOfBirth: '1984-03-08' })
  const today = await browserToday(page)
  const first = plusDays(today, 14)

  await page.goto(`/#/clients/${client.id}/sessions`)
  await page.getByRole('button', { name: 'Schedule session' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Schedule session' })
  await byLabel(dialog, 'Date').fill(first)
  await byLabel(dialog, 'Start time').fill('14:00')
  await byLabel(dialog, 'Kind').selectOption('integration')
  await byLabel(dialog, 'Repeat').selectOption('1')
  await byLabel(dialog, 'Number of sessions').fill('5')
  await expectAccessible(page, 'session dialog with repeat')
  await shot(page, 'booking-04-repeat')
  await dialog.getByRole('button', { name: 'Schedule series' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Booked 5 integration sessions for Zoë O’Brien-Núñez')).toBeVisible()

  let rows = await call<TimelineRow[]>(harness, 'sessions:list', { clientId: client.id })
  const series = rows.filter((r) => r.seriesId).sort((a, b) => (a.date < b.date ? -1 : 1))
  expect(series.map((r) => r.date)).toEqual([0, 7, 14, 21, 28].map((n) => plusDays(first, n)))

  // Edit the third: this and all following move to 16:00 for an hour.
  await settled(page)
  await page.getByRole('button', { name: `Edit session on ${shortDate(series[2]!.date)} at 2:00 PM` }).click()
  const edit = page.getByRole('dialog', { name: 'Edit session' })
  await edit.getByRole('radio', { name: 'This and all following' }).check()
  await byLabel(edit, 'Start time').fill('16:00')
  await byLabel(edit, 'Duration (minutes)').fill('60')
  await shot(page, 'booking-05-following')
  await edit.getByRole('button', { name: 'Save session' }).click()
  await expect(edit).toBeHidden()
  await expect(page.getByText('3 sessions changed')).toBeVisible()
  rows = await call<TimelineRow[]>(harness, 'sessions:list', { clientId: client.id })
  const after = rows.filter((r) => r.seriesId).sort((a, b) => (a.date < b.date ? -1 : 1))
  expect(after.map((r) => `${r.startTime}/${r.durationMinutes}`)).toEqual(['14:00/50', '14:00/50', '16:00/60', '16:00/60', '16:00/60'])
  await settled(page)
  await closeToasts(page)
  await shot(page, 'booking-06-series-timeline')

  // Reminders for every upcoming session: first name and times only.
  await page.getByRole('button', { name: 'Reminders' }).click()
  const reminders = page.getByRole('dialog', { name: 'Appointment reminders' })
  await reminders.getByRole('button', { name: 'Calendar file (.ics)' }).click()
  const result = reminders.getByTestId('reminder-result')
  await expect(result).toContainText('Saved 5 appointments as appointments-')
  await expect(result).toContainText('exports')
  const path = (await result.locator('span.break-all').textContent())!.trim()
  const ics = readFileSync(path, 'utf8')
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(5)
  expect(ics).toContain('SUMMARY:Appointment – Zoë')
  expect(ics).not.toContain('O’Brien')
  expect(ics).not.toContain('Integration')
  await expectAccessible(page, 'reminders dialog')
  await shot(page, 'booking-07-ics')

  await reminders.getByRole('checkbox', { name: /Include details/ }).check()
  await reminders.getByRole('button', { name: 'Appointment card (PDF)' }).click()
  await expect(result).toContainText('appointment-card-')
  const card = (await result.locator('span.break-all').textContent())!.trim()
  expect(readFileSync(card).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  await shot(page, 'booking-08-card')
})
