import { z } from 'zod'
import type { AuditAction, AuditEntity } from '../domain/audit'
import type { Role } from '../domain/roles'

/**
 * Which record an audited call touched. `clientId` left undefined is looked up by main from the
 * entity's row; null means the record belongs to no client (the practice profile).
 */
export interface AuditTarget {
  entityId: string | null
  clientId?: string | null
}

/**
 * What a call writes to the audit log when it succeeds, in the same transaction as its write.
 * Calls without one (lists of names, settings) write nothing; every read of clinical content has one. Without `target`, main takes the entity ID
 * from output.id, else input.id, and the client ID from output.clientId, else input.clientId
 * (a client's own ID for entity 'client').
 */
export interface AuditIntent<In = unknown, Out = unknown> {
  action: AuditAction
  entity: AuditEntity
  target?(input: In, output: Out): AuditTarget
  /** A read that shows several clients' records (a search) writes one entry per client instead. */
  targets?(input: In, output: Out): AuditTarget[]
}

/**
 * Who may make a call: the roles allowed once signed in, or 'public' for the few calls that must
 * answer before anyone is (sign-in, first-run setup, status). Checked in main before the input.
 */
export type Access = readonly Role[] | 'public'

/** A contract is one IPC call: its channel name and the zod schemas of its input and output. */
export interface Contract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  channel: string
  input: I
  output: O
  roles: Access
  audit?: AuditIntent<z.output<I>, z.output<O>>
  /**
   * The handler is async and runs outside dispatch's SQLite transaction (an import replaces the
   * whole database through its own connections); its audit entry is written after it succeeds.
   */
  outsideTransaction?: true
}

export interface ContractOptions<I extends z.ZodType, O extends z.ZodType> {
  /** Required: every call says who may make it, so none is open by accident. */
  roles: Access
  audit?: AuditIntent<z.output<I>, z.output<O>>
  outsideTransaction?: true
}

/** An async contract keeps `outsideTransaction: true` in its type, so the router asks for an async handler. */
export type AsyncMark<Opt> = Opt extends { outsideTransaction: true } ? { outsideTransaction: true } : unknown

export const defineContract = <I extends z.ZodType, O extends z.ZodType, const Opt extends ContractOptions<I, O> = ContractOptions<I, O>>(
  channel: string,
  input: I,
  output: O,
  options: Opt
): Contract<I, O> & AsyncMark<Opt> =>
  ({
    channel,
    input,
    output,
    roles: options.roles,
    ...(options?.audit ? { audit: options.audit } : {}),
    ...(options?.outsideTransaction ? { outsideTransaction: true as const } : {})
  }) as Contract<I, O> & AsyncMark<Opt>

/** 'locked': nobody is signed in, or the app is locked — the renderer shows sign-in or the lock screen. */
/** 'clash': a booking overlaps another session of the same clinician or client; `clashes` says which (resend with acknowledgeClashes to proceed). */
export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'forbidden', 'locked', 'internal', 'clash'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** What every call returns. `fields` maps a dotted field path to a message a therapist can read. */
export interface AppError {
  code: ErrorCode
  message: string
  fields?: Record<string, string>
  /** With code 'clash' only: the sessions the booking overlaps (times and kind; no names, no notes). */
  clashes?: SessionClash[]
}

/**
 * One session a booking overlaps, as every role may see it on the agenda: its ID, date, time,
 * length and kind, and whether it shares the client, the clinician or both.
 */
export const sessionClashSchema = z.strictObject({
  sessionId: z.string(),
  date: z.string(),
  startTime: z.string(),
  durationMinutes: z.int(),
  kind: z.string(),
  sameClient: z.boolean(),
  sameClinician: z.boolean()
})
export type SessionClash = z.infer<typeof sessionClashSchema>
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const appErrorSchema = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
  clashes: z.array(sessionClashSchema).optional()
})
