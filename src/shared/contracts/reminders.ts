import { z } from 'zod'
import { ANY_ROLE } from '../domain/roles'
import { defineContract } from './contract'
import { uuid } from './fields'

/**
 * Which sessions a reminder covers: one session of the client, or (sessionId left out) every
 * scheduled session from today on. Without `includeDetails` a reminder carries the client's first
 * name and the times only; with it, the kind of session and (in the .ics) the practice's address.
 */
export const reminderInput = z.strictObject({
  clientId: uuid('Client ID'),
  sessionId: uuid('Session ID').nullish(),
  includeDetails: z.boolean({ error: 'Say whether to include details' }).default(false)
})
export type ReminderInput = z.input<typeof reminderInput>

/** The file written into the data folder's exports/, and how many appointments it holds. */
export const reminderResult = z.strictObject({ path: z.string(), fileName: z.string(), bytes: z.int(), appointments: z.int() })
export type ReminderResult = z.infer<typeof reminderResult>

const audit = { action: 'export', entity: 'session', target: (input: z.output<typeof reminderInput>) => ({ entityId: input.sessionId ?? null, clientId: input.clientId }) } as const

/** Reminders that need no network. Every role may send them (the administrator books). */
export const remindersContracts = {
  /** An iCalendar (.ics) file a phone or mail calendar imports. */
  ics: defineContract('reminders:ics', reminderInput, reminderResult, { roles: ANY_ROLE, audit }),
  /** A printable appointment card (PDF). */
  card: defineContract('reminders:card', reminderInput, reminderResult, { roles: ANY_ROLE, audit })
}
