import { z } from 'zod'
import { AUDIT_ACTIONS, AUDIT_ENTITIES, AUDIT_PROBLEMS } from '../domain/audit'
import { OWNER_ONLY } from '../domain/roles'
import { defineContract } from './contract'
import { timestamp, uuid } from './fields'

/** An instant in UTC (…Z), normalized to the stored form (milliseconds, Z) so ranges compare as text. */
const utcInstant = (label: string) =>
  z.iso
    .datetime({ error: `${label} should be a date and time in UTC, like 2026-03-08T15:00:00Z` })
    .transform((s) => new Date(s).toISOString())

export const auditAction = z.enum(AUDIT_ACTIONS, { error: 'Choose an action from the list' })
export const auditEntity = z.enum(AUDIT_ENTITIES, { error: 'Choose a record type from the list' })

/** The owner's filters; every one optional. Newest entry first. */
export const auditListInput = z
  .strictObject({
    clientId: uuid('Client ID').optional(),
    action: auditAction.optional(),
    entity: auditEntity.optional(),
    actorId: uuid('User ID').optional(),
    actorLabel: z.string().trim().min(1).max(100).optional(),
    /** Inclusive. */
    from: utcInstant('From').optional(),
    /** Exclusive. */
    to: utcInstant('To').optional(),
    page: z.int().min(0).max(100_000).default(0),
    pageSize: z.int().min(1).max(200).default(50)
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], error: 'The end of the range is before its start' })
export type AuditListInput = z.input<typeof auditListInput>
export type AuditListQuery = z.output<typeof auditListInput>

/**
 * One entry as the owner's viewer shows it: who, when, which record, what. The log itself holds
 * IDs only, never PHI; the client's name is read from the client's record when the owner lists it
 * (null when the entry has no client).
 */
export const auditEntry = z.strictObject({
  seq: z.int(),
  id: z.string(),
  at: timestamp,
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: auditAction,
  entity: auditEntity,
  entityId: z.string().nullable(),
  clientId: z.string().nullable(),
  /** "García-López, María José", for the owner's eyes only (audit:list is owner-only). */
  clientName: z.string().nullable(),
  channel: z.string()
})
export type AuditEntry = z.infer<typeof auditEntry>

export const auditListOutput = z.strictObject({ rows: z.array(auditEntry), total: z.int() })
export type AuditListPage = z.infer<typeof auditListOutput>

/** A signed note or addendum whose stored content no longer gives its hash (IDs only). */
export const signatureMismatch = z.strictObject({ entity: z.enum(['note', 'addendum']), id: z.string(), noteId: z.string() })

/** Every signed note and addendum re-hashed. */
export const signedNotesCheck = z.strictObject({ notes: z.int(), addenda: z.int(), mismatched: z.array(signatureMismatch) })
export type SignedNotesCheck = z.infer<typeof signedNotesCheck>

/**
 * The database's triggers (immutability of signed notes, money and the audit log; search
 * upkeep) against those its migrations create: missing, different from the migration's text, or
 * not made by any migration.
 */
export const triggersCheck = z.strictObject({ expected: z.int(), missing: z.array(z.string()), changed: z.array(z.string()), unexpected: z.array(z.string()) })
export type TriggersCheck = z.infer<typeof triggersCheck>

/**
 * The chain walked from the first entry. `checked` counts entries found sound before the first
 * problem (all of them when ok). `guarded` says the append-only triggers are in place: a log can
 * be whole and still have lost its guard.
 */
export const auditVerifyOutput = z.strictObject({
  ok: z.boolean(),
  checked: z.int(),
  firstBrokenSeq: z.int().optional(),
  problem: z.enum(AUDIT_PROBLEMS).optional(),
  guarded: z.boolean(),
  signedNotes: signedNotesCheck,
  triggers: triggersCheck
})
export type AuditVerifyResult = z.infer<typeof auditVerifyOutput>

export const auditContracts = {
  list: defineContract('audit:list', auditListInput, auditListOutput, { roles: OWNER_ONLY }),
  verify: defineContract('audit:verify', z.strictObject({}), auditVerifyOutput, { roles: OWNER_ONLY })
}
