/** No re-typing: a new dosing note starts with the chart's escort and prescriber and the last dosing's weight. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Note } from '@shared/contracts/notes'
import { openTestApp, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createNote, createSession, signableDosingBody } from '../../factories/clinical'

let app: TestApp
beforeEach(async () => {
  app = await openTestApp()
})
afterEach(() => app.close())

describe('dosing note prefill', () => {
  it('fills the escort and prescriber from the chart and the weight from the latest earlier dosing, all editable', async () => {
    const clientId = (await createClient(app, { status: 'active', escortName: 'Andrés García', prescriberName: 'Dr. Mei Chen' })).id
    const first = (await createSession(app, clientId, { date: '2026-03-01' })).session.id
    const firstNote = await createNote(app, first)
    expect(firstNote.body).toMatchObject({ preDose: { escortName: 'Andrés García' }, medication: { prescriber: 'Dr. Mei Chen', weightKg: null } })
    await app.ok<Note>('notes:save', { id: firstNote.id, revision: firstNote.revision, body: signableDosingBody({ medication: { drug: 'racemic_ketamine', route: 'im', doseMg: 34, weightKg: 68.5 } }) })
    // A later dosing takes the weight; an earlier one booked afterwards does not see the later weight.
    const later = await createNote(app, (await createSession(app, clientId, { date: '2026-03-05' })).session.id)
    expect(later.body).toMatchObject({ medication: { weightKg: 68.5, prescriber: 'Dr. Mei Chen' } })
    const before = await createNote(app, (await createSession(app, clientId, { date: '2026-02-20' })).session.id)
    expect((before.body as { medication: { weightKg: unknown } }).medication.weightKg).toBeNull()
    // Editable like any other value.
    const edited = await app.ok<Note>('notes:save', { id: later.id, revision: later.revision, body: { ...later.body, medication: { ...(later.body.medication as object), weightKg: 70 } } })
    expect(edited.body).toMatchObject({ medication: { weightKg: 70 } })
  })

  it('leaves the fields blank when the chart has nothing', async () => {
    const clientId = (await createClient(app, { status: 'active', escortName: null, prescriberName: null })).id
    const note = await createNote(app, (await createSession(app, clientId)).session.id)
    expect(note.body).toMatchObject({ preDose: { escortName: '' }, medication: { prescriber: '', weightKg: null } })
  })
})
