import type { Course } from '@shared/contracts/courses'
import type { Measure, MeasureInput } from '@shared/contracts/measures'
import type { Note } from '@shared/contracts/notes'
import type { ScheduledSession, SessionInput } from '@shared/contracts/sessions'
import { PROTOCOL_TEMPLATES } from '@shared/domain/scheduling'
import type { Actor } from '../../src/main/context'
import { openTestApp, sequentialIds, type TestApp } from './app'

/** A valid session as the scheduler would send it; override any field. */
export function sessionInput(overrides: Partial<SessionInput> = {}): SessionInput {
  return { date: '2026-03-06', startTime: '10:00', durationMinutes: 120, kind: 'dosing', placeOfService: '11', status: 'scheduled', ...overrides }
}

export const createSession = (app: TestApp, clientId: string, overrides: Partial<SessionInput> = {}): Promise<ScheduledSession> =>
  app.ok<ScheduledSession>('sessions:create', { clientId, session: sessionInput(overrides) })

/** A course started from a built-in template ('induction' or 'booster'). */
export const createCourse = (app: TestApp, clientId: string, key = 'induction', startedOn = '2026-03-01'): Promise<Course> =>
  app.ok<Course>('courses:create', { clientId, course: { protocol: structuredClone(PROTOCOL_TEMPLATES.find((t) => t.key === key)!), startedOn } })

export const createNote = (app: TestApp, sessionId: string, template?: string): Promise<Note> =>
  app.ok<Note>('notes:create', { sessionId, ...(template ? { template } : {}) })

/** A dosing body that can be signed: drug, route, dose and dose start, with vitals. */
export function signableDosingBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    preDose: { fasting: true, bpInRange: true, escortConfirmed: true, escortName: 'Sam Rivera', noDecongestant: true, interactingMedsReviewed: true },
    medication: { drug: 'racemic_ketamine', route: 'im', doseMg: 50, weightKg: 70, lotNumber: 'K-2291', administeredBy: 'Dr. Ames', prescriber: 'Dr. Ames' },
    times: { doseStart: '10:05', onset: '10:10', peak: '10:30', acuteEnd: '11:20', discharge: '12:10' },
    vitals: [
      { id: 'v1', time: '10:00', systolic: 128, diastolic: 82, heartRate: 74, spo2: 98, note: 'Baseline before dosing' },
      { id: 'v2', time: '10:45', systolic: 142, diastolic: 88, heartRate: 80, spo2: 97, note: '' }
    ],
    interventions: '',
    notes: 'Client described a sense of spaciousness and calm; processed grief about her father.',
    ...overrides
  }
}

export const phq9 = (answers: number[], overrides: Partial<MeasureInput> = {}): MeasureInput =>
  ({ kind: 'phq9', answers, administeredOn: '2026-03-01', ...overrides }) as MeasureInput

export const createMeasure = (app: TestApp, clientId: string, measure: MeasureInput): Promise<Measure> =>
  app.ok<Measure>('measures:create', { clientId, measure })

/**
 * A second app on the same database file, acting as someone else (the administrator by default),
 * with its own range of IDs so its rows never collide with the first app's.
 */
export const openAs = (app: TestApp, actor: Actor = ADMIN, firstId = 10_000): Promise<TestApp> =>
  openTestApp({ databasePath: app.databasePath, context: { actor: () => actor, newId: sequentialIds(firstId) } })

export const ADMIN: Actor = { id: null, label: 'Admin', role: 'administrator' }
