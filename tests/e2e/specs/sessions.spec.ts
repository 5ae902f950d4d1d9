/**
 * Scheduling: the Sessions agenda as a list (day and week; the time grid is calendar.spec.ts), the schedule dialog and its non-blocking
 * spacing warnings, status changes, the chart's Sessions tab with a treatment course, the
 * dashboard, and Settings → Clinical (vital-sign thresholds).
 */
import type { Page } from '@playwright/test'
import { byLabel, call, expect, expectAccessible, seedClient, seedPractice, shot, test } from '../fixtures'

/** The browser's own calendar date (the app's "today"), shifted by whole days: YYYY-MM-DD. */
async function browserDay(page: Page, offsetDays = 0): Promise<string> {
  return page.evaluate((offset) => {
    const d = new Date()
    d.setDate(d.getDate() + offset)
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  }, offsetDays)
}

/** The Monday of the browser's current week, and the date `n` days after it. */
async function thisWeek(page: Page) {
  const today = await browserDay(page)
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const utc = new Date(Date.UTC(y, m - 1, d))
  const back = (utc.getUTCDay() + 6) % 7
  const day = (n: number) => new Date(Date.UTC(y, m - 1, d - back + n)).toISOString().slice(0, 10)
  return { today, monday: day(0), day }
}

interface Created {
  session: { id: string }
  warnings: { code: string }[]
}

const session = (overrides: Record<string, unknown>) => ({
  date: '2026-01-05',
  startTime: '09:00',
  durationMinutes: 50,
  kind: 'preparation',
  placeOfService: '11',
  status: 'scheduled',
  ...overrides
})

/** Waits until no skeleton or stale list is showing. */
const settled = (page: Page) => expect(page.locator('[aria-busy="true"]')).toHaveCount(0)

test.beforeEach(async ({ harness, page }) => {
  await seedPractice(harness)
  await page.goto('/#/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
})

test('two dosings two days apart warn (never block); the week shows them; one is marked completed', async ({ page, harness }) => {
  await seedClient(harness, { legalFirstName: 'Ana', legalLastName: 'Rivera', dateOfBirth: '1984-03-08' })
  const { monday, day } = await thisWeek(page)

  await page.goto(`/#/sessions?view=day&date=${monday}&layout=list`)
  await expect(page.getByRole('heading', { level: 1, name: 'Sessions' })).toBeVisible()
  await expect(page.getByText(/^Nothing scheduled/)).toBeVisible()
  await expectAccessible(page, 'sessions — empty day')

  // 1. The first dosing, booked through the dialog: client search, kind sets 3 hours.
  const book = async (date: string, startTime: string) => {
    await page.getByRole('button', { name: 'Schedule session' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Schedule session' })
    await dialog.getByRole('combobox', { name: 'Client' }).fill('Rivera')
    await dialog.getByRole('option', { name: /Rivera, Ana/ }).click()
    await expect(byLabel(dialog, 'Client')).toHaveValue('Ana Rivera')
    await byLabel(dialog, 'Date').fill(date)
    await byLabel(dialog, 'Start time').fill(startTime)
    await byLabel(dialog, 'Kind').selectOption('dosing')
    await expect(byLabel(dialog, 'Duration (minutes)')).toHaveValue('180')
    await expect(byLabel(dialog, 'Place of service')).toHaveValue('11')
    return dialog
  }
  let dialog = await book(monday, '09:00')
  await expectAccessible(page, 'schedule session dialog')
  await shot(page, 'sessions-10-schedule-dialog')
  await dialog.getByRole('button', { name: 'Schedule session' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(/Scheduled for Ana Rivera — Dosing/)).toBeVisible()

  // 2. A second dosing two days later: saved, with the warning the therapist can read.
  dialog = await book(day(2), '10:30')
  await dialog.getByRole('button', { name: 'Schedule session' }).click()
  await expect(dialog).toBeHidden()
  const toast = page.locator('[data-sonner-toast]').filter({ hasText: 'Dosing too soon' })
  await expect(toast).toBeVisible()
  await expect(toast).toContainText('2 days after the previous one')
  await expect(toast).toContainText('warnings never block')
  await shot(page, 'sessions-11-warning-toast')

  const stored = await call<{ kind: string; date: string }[]>(harness, 'sessions:agenda', { from: monday, to: day(6) })
  expect(stored.map((s) => [s.kind, s.date])).toEqual([
    ['dosing', monday],
    ['dosing', day(2)]
  ])

  // 3. The week agenda shows both, under their days.
  await page.locator('[data-sonner-toast] button[aria-label="Close toast"]').first().click().catch(() => {})
  await page.getByRole('button', { name: 'Week', exact: true }).click()
  await expect(page).toHaveURL(/view=week/)
  await settled(page)
  const mondayPanel = page.getByRole('region', { name: new RegExp(`^Monday`) })
  await expect(mondayPanel.getByRole('link', { name: 'Ana Rivera' })).toBeVisible()
  const wednesdayPanel = page.getByRole('region', { name: new RegExp(`^Wednesday`) })
  await expect(wednesdayPanel.getByRole('link', { name: 'Ana Rivera' })).toBeVisible()
  await expect(wednesdayPanel).toContainText('10:30 AM')
  await expect(wednesdayPanel).toContainText('Dosing')

  // 4. Mark Monday's dosing completed from the agenda.
  await mondayPanel.getByRole('button', { name: /^Status: Scheduled/ }).click()
  await page.getByRole('dialog', { name: 'Session status' }).getByRole('button', { name: 'Completed' }).click()
  await expect(mondayPanel.getByRole('button', { name: /^Status: Completed/ })).toBeVisible()
  const after = await call<{ status: string }[]>(harness, 'sessions:agenda', { from: monday, to: monday })
  expect(after[0]?.status).toBe('completed')
})

test('agenda screenshots: a busy day and week, and a session for an archived client is refused beside the field', async ({ page, harness }) => {
  const { monday, day } = await thisWeek(page)
  const ana = await seedClient(harness, { legalFirstName: 'Ana', legalLastName: 'Rivera', dateOfBirth: '1984-03-08' })
  const tom = await seedClient(harness, { legalFirstName: 'Thomas', legalLastName: 'Nguyen', preferredName: 'Tom', dateOfBirth: '1979-02-14' })
  const maria = await seedClient(harness, { legalFirstName: 'María José', legalLastName: 'García-López', dateOfBirth: '1987-11-23' })
  const sam = await seedClient(harness, { legalFirstName: 'Sam', legalLastName: 'Okafor', dateOfBirth: '1992-07-30' })
  const book = (clientId: string, s: Record<string, unknown>) => call<Created>(harness, 'sessions:create', { clientId, session: session(s) })
  const prep = await book(ana.id, { date: monday, startTime: '09:00', kind: 'preparation', status: 'completed' })
  await book(tom.id, { date: monday, startTime: '10:00', kind: 'dosing', durationMinutes: 180, status: 'completed' })
  await book(maria.id, { date: monday, startTime: '13:30', kind: 'integration', placeOfService: '10', status: 'no_show' })
  await book(sam.id, { date: monday, startTime: '15:00', kind: 'intake', durationMinutes: 60 })
  await book(ana.id, { date: day(1), startTime: '09:00', kind: 'dosing', durationMinutes: 180 })
  await book(tom.id, { date: day(2), startTime: '11:00', kind: 'integration' })
  await book(maria.id, { date: day(3), startTime: '14:00', kind: 'psychotherapy', placeOfService: '02', status: 'cancelled' })
  await book(ana.id, { date: day(3), startTime: '09:00', kind: 'integration' })
  // A draft and a signed note show their status on the agenda.
  await call(harness, 'notes:create', { sessionId: prep.session.id })

  await page.goto(`/#/sessions?view=day&date=${monday}&layout=list`)
  await settled(page)
  await expect(page.getByRole('link', { name: 'Tom Nguyen' })).toBeVisible()
  await expect(page.getByText('Unsigned').first()).toBeVisible()
  await expectAccessible(page, 'sessions — day')
  await shot(page, 'sessions-01-day')

  await page.getByRole('button', { name: 'Week', exact: true }).click()
  await settled(page)
  await expect(page.getByRole('region', { name: /^Thursday/ }).getByRole('link')).toHaveCount(2)
  await expectAccessible(page, 'sessions — week')
  await shot(page, 'sessions-02-week')

  // Next/previous move by a week; Today comes back.
  await page.getByRole('button', { name: 'Next week' }).click()
  await settled(page)
  await expect(page.getByText('Nothing scheduled this week')).toBeVisible()
  await page.getByRole('button', { name: 'Today' }).click()
  await settled(page)
  await expect(page.getByRole('region', { name: /^Monday/ }).getByRole('link', { name: 'Ana Rivera' })).toBeVisible()

  // An archived client: the server's refusal sits beside the client field.
  await call(harness, 'clients:archive', { id: sam.id, reason: null })
  await page.getByRole('button', { name: 'Schedule session' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Schedule session' })
  await dialog.getByRole('combobox', { name: 'Client' }).fill('Okafor')
  await dialog.getByRole('option', { name: /Okafor, Sam/ }).click()
  await dialog.getByRole('button', { name: 'Schedule session' }).click()
  const client = byLabel(dialog, 'Client')
  await expect(client).toHaveAttribute('aria-invalid', 'true')
  await expect(client).toHaveAccessibleDescription(/archived/i)
  await expect(dialog).toBeVisible()
  await shot(page, 'sessions-12-archived-client-error')
})

test('the chart’s Sessions tab: start an Induction course, see planned against done, write a note', async ({ page, harness }) => {
  const client = await seedClient(harness, { legalFirstName: 'Ana', legalLastName: 'Rivera', dateOfBirth: '1984-03-08' })
  const today = await browserDay(page)

  await page.goto(`/#/clients/${client.id}/sessions`)
  await expect(page.getByRole('tab', { name: 'Sessions', selected: true })).toBeVisible()
  await expect(page.getByText('No treatment course yet')).toBeVisible()
  await expect(page.getByText('No sessions yet')).toBeVisible()
  await expectAccessible(page, 'chart — Sessions tab, empty')

  // Start an Induction course (the default) from the chart.
  await page.getByRole('button', { name: 'Start course' }).click()
  const dialog = page.getByRole('dialog', { name: 'Start treatment course' })
  await expect(dialog.getByRole('radio', { name: /Induction/ })).toBeChecked()
  await expect(dialog.getByRole('spinbutton', { name: 'Dosing: planned sessions', exact: true })).toHaveValue('6')
  await expect(dialog.getByRole('spinbutton', { name: 'Days between dosings' })).toHaveValue('3')
  await expectAccessible(page, 'start course dialog')
  await shot(page, 'sessions-20-start-course')
  // The course began ten days ago (its sessions are booked from then on).
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
  await byLabel(dialog, 'Start date').fill(new Date(Date.UTC(ty, tm - 1, td - 10)).toISOString().slice(0, 10))
  await dialog.getByRole('button', { name: 'Start course' }).click()
  await expect(dialog).toBeHidden()
  const card = page.getByRole('article', { name: 'Induction course' })
  await expect(card).toBeVisible()

  // Sessions booked for the course (by the scheduler) count toward it.
  const [course] = await call<{ id: string }[]>(harness, 'courses:list', { clientId: client.id })
  const book = (s: Record<string, unknown>) => call<Created>(harness, 'sessions:create', { clientId: client.id, session: session({ courseId: course!.id, ...s }) })
  const d = (n: number) => {
    const [y, m, dd] = today.split('-').map(Number) as [number, number, number]
    return new Date(Date.UTC(y, m - 1, dd + n)).toISOString().slice(0, 10)
  }
  await book({ date: d(-9), kind: 'preparation', status: 'completed' })
  await book({ date: d(-7), kind: 'dosing', durationMinutes: 180, status: 'completed' })
  await book({ date: d(-6), kind: 'integration', status: 'completed' })
  await book({ date: d(-3), kind: 'dosing', durationMinutes: 180, startTime: '10:00' })
  await book({ date: d(-1), kind: 'dosing', durationMinutes: 180 })
  await book({ date: today, kind: 'integration', startTime: '14:00' })
  await page.reload()
  await settled(page)

  const dosingRow = card.getByRole('row', { name: /^Dosing/ })
  // Planned 6, scheduled 2 (not yet done), completed 1.
  await expect(dosingRow.getByRole('cell').nth(0)).toHaveText('6')
  await expect(dosingRow.getByRole('cell').nth(1)).toHaveText('2')
  await expect(dosingRow.getByRole('cell').nth(2)).toHaveText('1')
  await expect(card.getByRole('list', { name: 'Course warnings' })).toContainText('Dosing too soon')

  // Mark the last scheduled dosing completed from the timeline: completed goes to 2.
  const timeline = page.getByRole('table', { name: /sessions, newest first/ })
  const dosing = timeline.getByRole('row').filter({ hasText: 'Dosing' }).filter({ has: page.getByRole('button', { name: /^Status: Scheduled/ }) }).last()
  await dosing.getByRole('button', { name: /^Status: Scheduled/ }).click()
  await page.getByRole('dialog', { name: 'Session status' }).getByRole('button', { name: 'Completed' }).click()
  await expect(dosingRow.getByRole('cell').nth(2)).toHaveText('2')
  await settled(page)
  await page.locator('[data-sonner-toast] button[aria-label="Close toast"]').first().click().catch(() => {})
  await expect(page.locator('[data-sonner-toast]')).toHaveCount(0)
  await expectAccessible(page, 'chart — Sessions tab with a course')
  await shot(page, 'sessions-03-chart-course')

  // Write a note for today's integration session: a draft is created and the editor route opens.
  const todayRow = timeline.getByRole('row').filter({ hasText: 'today' })
  await todayRow.getByRole('button', { name: 'Write note for Ana Rivera' }).click()
  await expect(page).toHaveURL(/#\/notes\/[0-9a-f-]{36}$/)
  const sessions = await call<{ date: string; noteStatus: string; notes: unknown[] }[]>(harness, 'sessions:list', { clientId: client.id })
  expect(sessions.find((s) => s.date === today)).toMatchObject({ noteStatus: 'draft' })
})

test('the dashboard: today’s sessions, unsigned notes, a safety flag to acknowledge', async ({ page, harness }) => {
  const today = await browserDay(page)
  const ana = await seedClient(harness, { legalFirstName: 'Ana', legalLastName: 'Rivera', dateOfBirth: '1984-03-08' })
  const tom = await seedClient(harness, { legalFirstName: 'Thomas', legalLastName: 'Nguyen', preferredName: 'Tom', dateOfBirth: '1979-02-14' })
  const maria = await seedClient(harness, { legalFirstName: 'María José', legalLastName: 'García-López', dateOfBirth: '1987-11-23' })
  const book = (clientId: string, s: Record<string, unknown>) => call<Created>(harness, 'sessions:create', { clientId, session: session(s) })
  const prep = await book(ana.id, { date: today, startTime: '09:00', kind: 'preparation', status: 'completed' })
  await book(tom.id, { date: today, startTime: '10:30', kind: 'dosing', durationMinutes: 180 })
  await book(maria.id, { date: today, startTime: '15:00', kind: 'integration', placeOfService: '10' })
  const past = await book(maria.id, { date: '2026-01-05', startTime: '11:00', kind: 'dosing', durationMinutes: 180, status: 'completed' })
  await call(harness, 'notes:create', { sessionId: past.session.id })
  await call(harness, 'notes:create', { sessionId: prep.session.id })
  await call(harness, 'measures:create', {
    clientId: maria.id,
    measure: { kind: 'phq9', answers: [2, 2, 1, 2, 1, 1, 1, 0, 1], administeredOn: today, sessionId: null, noteId: null }
  })

  // The dashboard was already loaded (beforeEach) before these were seeded: load the app afresh.
  await page.reload()
  await settled(page)
  const todayPanel = page.getByRole('list', { name: 'Today’s sessions' })
  await expect(todayPanel.getByRole('listitem')).toHaveCount(3)
  await expect(todayPanel.getByRole('listitem').nth(1)).toContainText('Tom Nguyen')
  await expect(todayPanel.getByRole('listitem').nth(1)).toContainText('10:30 AM')
  await expect(page.getByRole('list', { name: 'Unsigned notes, oldest first' }).getByRole('listitem')).toHaveCount(2)
  await expect(page.getByRole('list', { name: 'Unsigned notes, oldest first' }).getByRole('listitem').first()).toContainText('García-López')
  await expect(page.getByRole('list', { name: 'Safety flags' })).toContainText('María José García-López')
  await expectAccessible(page, 'dashboard')
  await shot(page, 'sessions-04-dashboard')

  await page.getByRole('button', { name: 'Acknowledge safety flag for María José García-López' }).click()
  await page.getByRole('alertdialog', { name: 'Acknowledge this safety flag?' }).getByRole('button', { name: 'Acknowledge' }).click()
  await expect(page.getByText(/No PHQ-9 answered above 0/)).toBeVisible()
})

test('Settings → Clinical: the owner changes a vital-sign threshold and resets to the defaults', async ({ page }) => {
  await page.goto('/#/settings/clinical')
  const section = page.getByRole('region', { name: 'Clinical' })
  await section.scrollIntoViewIfNeeded()
  await expect(section.getByText('Recommended defaults')).toBeVisible()
  const systolic = byLabel(section, 'Pre-dose systolic above')
  await expect(systolic).toHaveValue('140')

  // An impossible pair is explained beside the field.
  await systolic.fill('200')
  await section.getByRole('button', { name: 'Save thresholds' }).click()
  await expect(systolic).toHaveAccessibleDescription(/cannot be above the alert level/)
  await systolic.fill('150')
  await section.getByRole('button', { name: 'Save thresholds' }).click()
  await expect(page.getByText('Vital-sign thresholds saved')).toBeVisible()
  await expect(section.getByText('Customised for this practice')).toBeVisible()
  await expect(section).toContainText('a BP above 150/90')
  await page.locator('[data-sonner-toast] button[aria-label="Close toast"]').first().click().catch(() => {})
  await section.getByRole('heading', { name: 'Clinical' }).scrollIntoViewIfNeeded()
  await expectAccessible(page, 'settings — clinical')
  await shot(page, 'sessions-05-settings-clinical')

  await section.getByRole('button', { name: 'Reset to defaults' }).click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Reset to defaults' }).click()
  await expect(section.getByText('Recommended defaults')).toBeVisible()
  await expect(byLabel(section, 'Pre-dose systolic above')).toHaveValue('140')
})
