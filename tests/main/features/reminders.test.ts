/**
 * Reminders end to end: sessions booked through the real app core, reminders:ics and
 * reminders:card written into the exports folder, read back (the card through pdftotext) and the
 * card drawn to PNG with pdftoppm for a person to look at.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReminderResult } from '@shared/contracts/reminders'
import { zonedToUtc, icsUtc } from '../../../src/main/documents/ics'
import { FIXED_NOW, openTestApp, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createSession } from '../../factories/clinical'
import { events, expectWellFormedIcs, unfold } from '../documents/ics-structure'

const PROFILE = {
  practiceName: 'Cascade Ketamine-Assisted Therapy, PLLC', providerName: 'Dana Whitfield-Nakamura', providerCredentials: 'PhD, LMFT',
  individualNpi: '1234567893', organizationNpi: null, ein: '45-3456789', licenseNumber: 'T1234', licenseState: 'OR',
  addressLine1: '1200 SW Main St', addressLine2: 'Suite 300', city: 'Portland', state: 'OR', postalCode: '97205', phone: '(503) 555-0100', defaultPlaceOfService: '11'
}
const SCREENSHOTS = resolve(import.meta.dirname, '../../../test-results/screenshots')

let app: TestApp
let clientId: string
let ids: string[]
beforeEach(async () => {
  app = await openTestApp({ file: true, context: { now: () => new Date(FIXED_NOW) } })
  await app.ok('practice:save', { profile: PROFILE })
  clientId = (await createClient(app, { legalFirstName: 'Zoë', preferredName: null, legalLastName: 'O’Brien-Núñez', status: 'active' })).id
  ids = []
  // Past, upcoming, cancelled and upcoming again: only the two scheduled from today on are "upcoming".
  ids.push((await createSession(app, clientId, { date: '2026-03-02', kind: 'preparation', startTime: '09:00', durationMinutes: 50, status: 'completed' })).session.id)
  ids.push((await createSession(app, clientId, { date: '2026-03-10', kind: 'dosing', startTime: '10:00', durationMinutes: 180 })).session.id)
  ids.push((await createSession(app, clientId, { date: '2026-03-11', kind: 'integration', startTime: '14:00', durationMinutes: 50, status: 'cancelled' })).session.id)
  ids.push((await createSession(app, clientId, { date: '2026-03-12', kind: 'integration', startTime: '16:30', durationMinutes: 50 })).session.id)
})
afterEach(() => app.close())

const ics = (input: Record<string, unknown>) => app.ok<ReminderResult>('reminders:ics', { clientId, ...input })
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone

describe('reminders:ics', () => {
  it('writes the upcoming sessions into exports/ with the first name and times only', async () => {
    const out = await ics({})
    expect(out.appointments).toBe(2)
    expect(out.fileName).toBe(`appointments-${clientId.slice(-8)}-upcoming-2026-03-08.ics`)
    expect(basename(dirname(out.path))).toBe('exports')
    expect(statSync(out.path).size).toBe(out.bytes)
    const text = readFileSync(out.path, 'utf8')
    expectWellFormedIcs(text)
    const [dosing, integration] = events(unfold(text))
    expect(dosing!.get('UID')).toBe(`${ids[1]}@kap-practice`)
    expect(dosing!.get('SUMMARY')).toBe('Appointment – Zoë')
    expect(dosing!.get('DTSTART')).toBe(icsUtc(zonedToUtc('2026-03-10', '10:00', zone)))
    expect(dosing!.get('DTEND')).toBe(icsUtc(new Date(zonedToUtc('2026-03-10', '10:00', zone).getTime() + 180 * 60_000)))
    expect(integration!.get('UID')).toBe(`${ids[3]}@kap-practice`)
    // No PHI beyond the first name and the time.
    for (const secret of ['O’Brien', 'Núñez', 'Dosing', 'Integration', 'Ketamine', 'Cascade', 'Main St', 'DESCRIPTION', 'LOCATION']) expect(text).not.toContain(secret)
  })

  it('includes the kind, practice and address when the therapist ticks "include details", escaped', async () => {
    const out = await ics({ sessionId: ids[1], includeDetails: true })
    expect(out.appointments).toBe(1)
    const text = readFileSync(out.path, 'utf8')
    expectWellFormedIcs(text)
    const [e] = events(unfold(text))
    expect(e!.get('SUMMARY')).toBe('Dosing session – Zoë')
    expect(e!.get('DESCRIPTION')).toBe('Dosing session\\, 3 h.\\nCascade Ketamine-Assisted Therapy\\, PLLC\\nPhone (503) 555-0100')
    expect(e!.get('LOCATION')).toBe('1200 SW Main St\\, Suite 300\\, Portland\\, OR 97205')
  })

  it('refuses another client’s session and a client with nothing upcoming, writing nothing', async () => {
    const other = (await createClient(app, { status: 'active' })).id
    const error = await app.fail('reminders:ics', { clientId: other, sessionId: ids[1] })
    expect(error).toMatchObject({ code: 'invalid_input', message: 'That session is not one of this client’s.' })
    expect((await app.fail('reminders:ics', { clientId: other })).message).toBe('This client has no upcoming scheduled sessions.')
  })
})

describe('reminders:card', () => {
  it('prints a card with the first name and the upcoming times (pdftotext), and details only when asked', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    const out = await app.ok<ReminderResult>('reminders:card', { clientId })
    expect(out.fileName).toBe(`appointment-card-${clientId.slice(-8)}-upcoming-2026-03-08.pdf`)
    const text = execFileSync('pdftotext', ['-layout', out.path, '-'], { encoding: 'utf8' })
    expect(text).toContain('Appointments for Zoë')
    expect(text).toContain('Tuesday, March 10, 2026')
    expect(text).toContain('10:00 AM – 1:00 PM')
    expect(text).toContain('Thursday, March 12, 2026')
    expect(text).toContain('4:30 PM – 5:20 PM')
    expect(text).toContain('To change an appointment, please call (503) 555-0100.')
    expect(text).not.toContain('Dosing')
    expect(text).not.toContain('O’Brien')
    expect(text).not.toContain('Wednesday, March 11')

    const detailed = await app.ok<ReminderResult>('reminders:card', { clientId, sessionId: ids[1], includeDetails: true })
    expect(execFileSync('pdftotext', [detailed.path, '-'], { encoding: 'utf8' })).toContain('Dosing session, 3 h')
    execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', detailed.path, resolve(SCREENSHOTS, 'appointment-card-details')])

    expect(execFileSync('pdfinfo', [out.path], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/)
    execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', out.path, `${out.path}.page`])
    copyFileSync(`${out.path}.page-1.png`, resolve(SCREENSHOTS, 'appointment-card.png'))
    expect(statSync(`${out.path}.page-1.png`).size).toBeGreaterThan(5_000)
  })

  it('continues on a second card past 7 appointments', async () => {
    for (let i = 0; i < 7; i++) await createSession(app, clientId, { date: `2026-04-${String(6 + i).padStart(2, '0')}`, kind: 'psychotherapy', startTime: '11:00', durationMinutes: 50 })
    const out = await app.ok<ReminderResult>('reminders:card', { clientId })
    expect(out.appointments).toBe(9)
    expect(execFileSync('pdfinfo', [out.path], { encoding: 'utf8' })).toMatch(/Pages:\s+2\n/)
    const text = execFileSync('pdftotext', [out.path, '-'], { encoding: 'utf8' })
    expect(text).toContain('2 of 2')
    expect(text).toContain('Sunday, April 12, 2026')
  })
})
