/** Contraindications answered "yes": shown as flags, acknowledged with who and when, and a dosing note waits for them. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Note } from '@shared/contracts/notes'
import type { ContraindicationFlag } from '@shared/contracts/screening'
import { ACKNOWLEDGE_MESSAGE, CONTRAINDICATIONS_PATH } from '../../../src/main/features/notes/service'
import { UNKNOWN_FLAG_MESSAGE } from '../../../src/main/features/screening/flags'
import { openTestApp, testId, type TestApp } from '../../factories/app'
import { createClient } from '../../factories/clients'
import { createCourse, createNote, createSession, signableDosingBody } from '../../factories/clinical'

let app: TestApp
let clientId: string
beforeEach(async () => {
  app = await openTestApp()
  clientId = (await createClient(app, { status: 'active' })).id
})
afterEach(() => app.close())

const answer = (itemKey: string, value: 'yes' | 'no' | 'unknown', note: string | null = null) =>
  app.ok('screening:record', { clientId, itemKey, item: { answer: value, note, reviewedBy: 'Dr. Ames', reviewedOn: '2026-03-01' } })
const flags = (context?: { kind: string; id: string }) => app.ok<ContraindicationFlag[]>('screening:flags', { clientId, ...(context ? { context } : {}) })

describe('contraindication flags', () => {
  it('lists only the current “yes” answers, naming which one', async () => {
    await answer('glaucoma', 'yes', 'Narrow-angle, treated')
    await answer('recent_seizures', 'no')
    await answer('interacting_medications', 'unknown')
    await answer('uncontrolled_hypertension', 'yes')
    await answer('uncontrolled_hypertension', 'no')
    const list = await flags()
    expect(list).toEqual([
      expect.objectContaining({ itemKey: 'glaucoma', label: 'Glaucoma', note: 'Narrow-angle, treated', reviewedBy: 'Dr. Ames', acknowledgement: null })
    ])
  })

  it('records an acknowledgement in its context with who and when, once; a newer “yes” needs a new one', async () => {
    await answer('glaucoma', 'yes')
    const course = await createCourse(app, clientId)
    const [flag] = await flags({ kind: 'course', id: course.id })
    const acked = await app.ok<ContraindicationFlag[]>('screening:acknowledge', { clientId, context: { kind: 'course', id: course.id }, screeningItemIds: [flag!.screeningItemId] })
    expect(acked[0]!.acknowledgement).toEqual({ byName: 'local', at: expect.stringMatching(/^2026-03-08T/) })
    // Again: nothing new is written.
    await app.ok('screening:acknowledge', { clientId, context: { kind: 'course', id: course.id }, screeningItemIds: [flag!.screeningItemId] })
    expect(app.count('contraindication_acks')).toBe(1)
    // Another context has not seen it.
    const { session } = await createSession(app, clientId)
    expect((await flags({ kind: 'session', id: session.id }))[0]!.acknowledgement).toBeNull()
    // The screening is answered again: the old acknowledgement does not cover it.
    await answer('glaucoma', 'yes', 'Re-checked')
    expect((await flags({ kind: 'course', id: course.id }))[0]!.acknowledgement).toBeNull()
  })

  it('refuses a flag that is not current, and a context of another client, writing nothing', async () => {
    await answer('glaucoma', 'yes')
    const course = await createCourse(app, clientId)
    const bad = await app.fail('screening:acknowledge', { clientId, context: { kind: 'course', id: course.id }, screeningItemIds: [testId(9999)] })
    expect(bad).toMatchObject({ code: 'invalid_input', message: UNKNOWN_FLAG_MESSAGE })
    const other = (await createClient(app, { legalLastName: 'Other', status: 'active' })).id
    const [flag] = await flags()
    expect((await app.fail('screening:acknowledge', { clientId: other, context: { kind: 'course', id: course.id }, screeningItemIds: [flag!.screeningItemId] })).code).toBe('not_found')
    expect(app.count('contraindication_acks')).toBe(0)
  })

  it('keeps acknowledgements append-only in SQL', async () => {
    await answer('glaucoma', 'yes')
    const course = await createCourse(app, clientId)
    const [flag] = await flags()
    await app.ok('screening:acknowledge', { clientId, context: { kind: 'course', id: course.id }, screeningItemIds: [flag!.screeningItemId] })
    expect(() => app.connection.sqlite.prepare("UPDATE contraindication_acks SET acknowledged_by_name = 'x'").run()).toThrow(/cannot be changed/)
    expect(() => app.connection.sqlite.prepare('DELETE FROM contraindication_acks').run()).toThrow(/never deleted/)
  })

  it('a dosing note cannot be signed until its flags are acknowledged on it', async () => {
    await answer('glaucoma', 'yes')
    const { session } = await createSession(app, clientId)
    const draft = await createNote(app, session.id)
    const saved = await app.ok<Note>('notes:save', { id: draft.id, revision: draft.revision, body: signableDosingBody() })
    expect(saved.signingProblems).toEqual([{ path: CONTRAINDICATIONS_PATH, message: ACKNOWLEDGE_MESSAGE }])
    const refused = await app.fail('notes:sign', { id: draft.id, revision: saved.revision })
    expect(refused).toMatchObject({ code: 'invalid_input', fields: { [CONTRAINDICATIONS_PATH]: ACKNOWLEDGE_MESSAGE } })

    const [flag] = await flags({ kind: 'note', id: draft.id })
    await app.ok('screening:acknowledge', { clientId, context: { kind: 'note', id: draft.id }, screeningItemIds: [flag!.screeningItemId] })
    expect((await app.ok<Note>('notes:sign', { id: draft.id, revision: saved.revision })).status).toBe('signed')
  })
})
