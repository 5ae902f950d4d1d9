import { z } from 'zod'
import { ANY_ROLE } from '../domain/roles'
import { defineContract } from './contract'
import { isoDate, timestamp } from './fields'
import { agendaRow, noteTemplate, sessionKind } from './sessions'

/** A safety flag stays on the dashboard this many days after the measure was given, unless acknowledged first. */
export const SAFETY_FLAG_DAYS = 30
/** A client is due for a booster this many days after the last dosing of a finished course. */
export const BOOSTER_DUE_DAYS = 28

export const unsignedNoteRow = z.strictObject({
  noteId: z.string(),
  sessionId: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  date: z.string(),
  kind: sessionKind,
  template: noteTemplate,
  createdAt: timestamp
})

export const safetyFlagRow = z.strictObject({
  measureId: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  administeredOn: z.string(),
  noteId: z.string().nullable(),
  sessionId: z.string().nullable()
})

export const boosterDueRow = z.strictObject({
  clientId: z.string(),
  clientName: z.string(),
  courseId: z.string(),
  courseName: z.string(),
  lastDosingOn: z.string(),
  daysSince: z.int()
})

export const dashboard = z.strictObject({
  /** Every client's sessions on `today`, in time order. */
  today: z.array(agendaRow),
  /** Draft notes, oldest session first. Null for the administrator (clinical). */
  unsignedNotes: z.array(unsignedNoteRow).nullable(),
  /** PHQ-9 item 9 above 0, given in the last SAFETY_FLAG_DAYS days and not yet acknowledged; newest first. Null for the administrator. */
  safetyFlags: z.array(safetyFlagRow).nullable(),
  /** Current clients whose last dosing of a finished course is BOOSTER_DUE_DAYS or more ago, with no dosing booked since; longest wait first. */
  boostersDue: z.array(boosterDueRow)
})
export type Dashboard = z.infer<typeof dashboard>

export const dashboardContracts = {
  /** `today` is the renderer's local date (YYYY-MM-DD): main's clock may sit in another time zone. */
  get: defineContract('dashboard:get', z.strictObject({ today: isoDate('Today') }), dashboard, { roles: ANY_ROLE })
}
