/** A complete Good Faith Estimate source (pure data) that tests break one field at a time. */
import type { FeeSchedule } from '@shared/contracts/billing'
import type { Course } from '@shared/contracts/courses'
import type { GfeSource } from '../../../src/main/documents/gfe'
import { client, practice } from './superbill-source'

const T = '2026-03-02T15:00:00.000Z'
const item = (id: string, code: string, description: string, unitFeeCents: number, min: number | null = null, max: number | null = null) => ({
  id, code, modifiers: [], description, unitFeeCents, minFeeCents: min, maxFeeCents: max, active: true, createdAt: T, updatedAt: T
})
export const fees = (): FeeSchedule => ({
  items: [item('f-prep', '90837', 'Psychotherapy, 60 min', 20000, 15000, 30000), item('f-dose', '0820T', 'Psychedelic session monitoring, per hour', 20000, 40000, 80000), item('f-int', '90834', 'Psychotherapy, 45 min', 17500)],
  defaults: [
    { event: 'preparation', lines: [{ feeItemId: 'f-prep', units: 1, code: '90837', unitFeeCents: 20000, amountCents: 20000 }] },
    { event: 'dosing', lines: [{ feeItemId: 'f-dose', units: 3, code: '0820T', unitFeeCents: 20000, amountCents: 60000 }] },
    { event: 'integration', lines: [{ feeItemId: 'f-int', units: 1, code: '90834', unitFeeCents: 17500, amountCents: 17500 }] }
  ]
})
export const course = (o: Partial<Course> = {}): Course => ({
  id: 'course-1', clientId: 'x', startedOn: '2026-03-02', status: 'active', endedOn: null, createdAt: T, updatedAt: T, warnings: [],
  protocol: { key: 'induction', name: 'Induction: 6 dosing sessions', description: '', steps: [], rules: { minDaysBetweenDosing: 2, maxDosingPer7Days: 3, integrationWithinDays: [1, 7], requirePreparation: true } },
  progress: [
    { kind: 'preparation', planned: 2, scheduled: 1, completed: 0 },
    { kind: 'dosing', planned: 6, scheduled: 0, completed: 0 },
    { kind: 'integration', planned: 6, scheduled: 0, completed: 0 }
  ],
  ...o
})
export const gfeSource = (o: Partial<GfeSource> = {}): GfeSource => ({
  practice: practice(), client: client(), payerOnFile: null, selfPay: true, diagnoses: [{ code: 'F33.2', description: 'Major depressive disorder, recurrent, severe' }],
  course: course(), fees: fees(), firstSession: { date: '2026-03-20', scheduledOn: '2026-03-02' }, requestedOn: null, issuedOn: '2026-03-03', generatedAt: T, ...o
})
