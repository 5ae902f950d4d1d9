/**
 * Printing notes: notes:print and notes:printRange through the real app core, the PDF read back
 * with poppler's pdftotext (letterhead, content, signature block, addenda, names with accents),
 * and the first page drawn to PNG for a person to look at.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Note, NotePrintResult } from '@shared/contracts/notes'
import { openTestApp, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createNote, createSession, signableDosingBody } from '../../factories/clinical'

const PROFILE = {
  practiceName: 'Cascade Ketamine-Assisted Therapy, PLLC', providerName: 'Dana Whitfield-Nakamura', providerCredentials: 'PhD, LMFT',
  individualNpi: '1234567893', organizationNpi: null, ein: '45-3456789', licenseNumber: 'T1234', licenseState: 'OR',
  addressLine1: '1200 SW Main St', addressLine2: 'Suite 300', city: 'Portland', state: 'OR', postalCode: '97205', phone: '(503) 555-0100', defaultPlaceOfService: '11'
}

let app: TestApp
let clientId: string
beforeEach(async () => {
  app = await openTestApp({ file: true })
  await app.ok('practice:save', { profile: PROFILE })
  clientId = (await createClient(app, { legalFirstName: 'Nguyễn', legalMiddleName: 'Thị', legalLastName: 'Ánh-O’Brien', status: 'active' })).id
})
afterEach(() => app.close())

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })

async function signedDosing(date: string, notes: string) {
  const { session } = await createSession(app, clientId, { date, startTime: '09:30' })
  const draft = await createNote(app, session.id)
  const saved = await app.ok<Note>('notes:save', { id: draft.id, revision: draft.revision, body: signableDosingBody({ notes }) })
  return app.ok<Note>('notes:sign', { id: draft.id, revision: saved.revision })
}

describe('notes:print', () => {
  it('prints one signed note with the letterhead, its content, the signature block and its addenda', async () => {
    const note = await signedDosing('2026-03-02', 'Described a garden in Guadalajara; calm by the end. Señora García drove her home.')
    await app.ok('notes:addAddendum', { noteId: note.id, text: 'Correction: the lot number was K-2292 (Zoë checked the log).' })
    const out = await app.ok<NotePrintResult>('notes:print', { id: note.id })
    expect(out).toMatchObject({ fileName: `note-${note.id.slice(-8)}.pdf`, clientId, notes: 1 })
    expect(out.path.endsWith(`exports/${out.fileName}`)).toBe(true)

    const text = pdfText(out.path)
    for (const expected of [
      'Cascade Ketamine-Assisted Therapy, PLLC', '1200 SW Main St', 'Portland, OR 97205', '(503) 555-0100',
      'Nguyễn Thị Ánh-O’Brien', 'Date of birth', 'Dosing note', 'Mar 2, 2026 at 09:30', 'Completed',
      'Ketamine (racemic)', '50 mg', 'Señora García', 'VITALS', 'Baseline before dosing', 'Signed by local', 'Signed at', note.contentHash!,
      'ADDENDUM 1', 'Zoë checked the log', 'Page 1 of'
    ]) expect.soft(text).toContain(expected)
    expect(text).not.toContain('DRAFT')

    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', out.path, `${out.path}.page`])
    expect(statSync(`${out.path}.page-1.png`).size).toBeGreaterThan(10_000)
    // A copy a person can open after the run.
    const shots = resolve(import.meta.dirname, '../../../test-results/screenshots')
    mkdirSync(shots, { recursive: true })
    copyFileSync(`${out.path}.page-1.png`, resolve(shots, 'note-pdf-page-1.png'))
  })

  it('marks a draft as not signed', async () => {
    const { session } = await createSession(app, clientId, { date: '2026-03-02' })
    const draft = await createNote(app, session.id)
    const out = await app.ok<NotePrintResult>('notes:print', { id: draft.id })
    expect(pdfText(out.path)).toContain('DRAFT — NOT SIGNED')
  })

  it('refuses the administrator, who never receives note content', async () => {
    const note = await signedDosing('2026-03-02', 'Private.')
    const { openAs } = await import('../../factories/clinical')
    const admin = await openAs(app)
    try {
      expect((await admin.fail('notes:print', { id: note.id })).code).toBe('forbidden')
    } finally {
      admin.close()
    }
  })
})

describe('notes:printRange', () => {
  it('prints the notes of the sessions in the range, oldest first, and only those', async () => {
    await signedDosing('2026-02-20', 'Before the range.')
    await signedDosing('2026-03-01', 'First in range.')
    await signedDosing('2026-03-05', 'Second in range.')
    const out = await app.ok<NotePrintResult>('notes:printRange', { clientId, from: '2026-03-01', to: '2026-03-07' })
    expect(out).toMatchObject({ notes: 2, fileName: `notes-${clientId.slice(-8)}-2026-03-01-to-2026-03-07.pdf` })
    const text = pdfText(out.path)
    expect(text).not.toContain('Before the range.')
    expect(text.indexOf('First in range.')).toBeGreaterThan(-1)
    expect(text.indexOf('First in range.')).toBeLessThan(text.indexOf('Second in range.'))
  })

  it('refuses a backwards range beside the field', async () => {
    const error = await app.fail('notes:printRange', { clientId, from: '2026-03-07', to: '2026-03-01' })
    expect(error).toMatchObject({ code: 'invalid_input', fields: { to: 'The end date cannot be before the start date' } })
  })
})
