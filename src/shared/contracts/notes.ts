import { z } from 'zod'
import { MEASURE_KINDS } from '../domain/measures'
import { isStorableText } from '../domain/session-kinds'
import { CLINICAL_ROLES } from '../domain/roles'
import { SESSION_OUTCOMES } from '../domain/signing'
import { defineContract } from './contract'
import { isoDate, timestamp, uuid } from './fields'
import { noteTemplate, placeOfService, sessionKind, sessionStatus } from './sessions'

/** Shown when an autosave or a signature carries an older revision than the stored note. */
export const NOTE_CONFLICT_MESSAGE =
  'This note changed in another window. Reload it to see the latest version before saving again.'
export const NOTE_SIGNED_MESSAGE = 'This note is signed and cannot be changed. Add an addendum instead.'

export const ADDENDUM_MAX = 20_000

/** Shown in place of "Signed by …" when a signed note's (or addendum's) stored content no longer gives its hash. */
export const SIGNATURE_MISMATCH_MESSAGE = 'This note’s content does not match its signature'
export const ADDENDUM_MISMATCH_MESSAGE = 'This addendum’s content does not match its signature'

/**
 * The content hash checked again on every read: 'matches', or 'mismatch' when the stored text was
 * changed after signing (outside the app: the database's triggers refuse it).
 */
export const signatureCheck = z.enum(['matches', 'mismatch'])
export type SignatureCheck = z.infer<typeof signatureCheck>

/**
 * A note's body as sent for an autosave: an object, checked in main against its template's schema
 * (shared/domain/note-templates noteBodySchemas — lenient for drafts, strict on impossible values).
 * Field errors come back under `body.<path>`, e.g. `body.vitals.0.systolic`.
 */
export const noteBodyInput = z.record(z.string(), z.unknown(), { error: 'The note is not in the right form' })

export const signer = z.strictObject({
  /** The user who signed; null when signed by the practice's own hand (scripts, tests). */
  userId: z.string().nullable(),
  name: z.string(),
  credentials: z.string().nullable()
})
export type Signer = z.infer<typeof signer>

export const addendum = z.strictObject({
  id: z.string(),
  noteId: z.string(),
  /** 1, 2, 3… in the order they were added. */
  position: z.int(),
  text: z.string(),
  signedAt: timestamp,
  signer,
  /** SHA-256 (hex) over the note's ID, position, text, signer and time. */
  contentHash: z.string(),
  integrity: signatureCheck
})
export type Addendum = z.infer<typeof addendum>

export const signingProblem = z.strictObject({ path: z.string(), message: z.string() })
export const dosingWarning = z.strictObject({ level: z.enum(['alert', 'caution']), path: z.string(), message: z.string() })
export type DosingWarningOut = z.infer<typeof dosingWarning>

/** A measure with a safety flag (PHQ-9 item 9 above 0) linked to this note or its session. */
export const noteSafetyFlag = z.strictObject({
  measureId: z.string(),
  kind: z.enum(MEASURE_KINDS),
  administeredOn: z.string(),
  acknowledgedAt: timestamp.nullable()
})

export const noteSession = z.strictObject({
  id: z.string(),
  date: z.string(),
  startTime: z.string(),
  durationMinutes: z.int(),
  kind: sessionKind,
  status: sessionStatus,
  placeOfService
})

export const note = z.strictObject({
  id: z.string(),
  sessionId: z.string(),
  clientId: z.string(),
  template: noteTemplate,
  /** The template's body (NoteBody<template>): drafts may be partial. */
  body: z.record(z.string(), z.unknown()),
  /** Goes up by one with every save; an autosave sends the revision it started from. */
  revision: z.int(),
  status: z.enum(['draft', 'signed']),
  signedAt: timestamp.nullable(),
  signer: signer.nullable(),
  /** SHA-256 (hex) over the canonical body, the template and the session ID, taken at signing. */
  contentHash: z.string().nullable(),
  /** The content hash checked on this read; null for a draft. */
  integrity: signatureCheck.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  session: noteSession,
  addenda: z.array(addendum),
  /** What still stops the note being signed (empty = ready). Always empty once signed. */
  signingProblems: z.array(signingProblem),
  /** Dose sanity, vitals past the practice's thresholds and REMS reminders: dosing notes only, never blocking. */
  dosingWarnings: z.array(dosingWarning),
  safetyFlags: z.array(noteSafetyFlag)
})
export type Note = z.infer<typeof note>

export const noteSummary = z.strictObject({
  id: z.string(),
  sessionId: z.string(),
  template: noteTemplate,
  revision: z.int(),
  status: z.enum(['draft', 'signed']),
  signedAt: timestamp.nullable(),
  signerName: z.string().nullable(),
  addendaCount: z.int(),
  createdAt: timestamp,
  updatedAt: timestamp
})
export type NoteSummary = z.infer<typeof noteSummary>

export const noteSearchInput = z.strictObject({
  query: z.string({ error: 'Type something to search for' }).max(200, { error: 'Search must be 200 characters or fewer' }),
  /** Only this client's notes (the chart's search); all clients when absent. */
  clientId: uuid('Client ID').optional(),
  limit: z.int().min(1).max(100).default(25)
})
export type NoteSearchInput = z.input<typeof noteSearchInput>

/** A piece of the snippet: matched words have `match: true` (render them highlighted, as text — never as HTML). */
export const snippetPart = z.strictObject({ text: z.string(), match: z.boolean() })

export const noteSearchHit = z.strictObject({
  noteId: z.string(),
  sessionId: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  date: z.string(),
  kind: sessionKind,
  template: noteTemplate,
  status: z.enum(['draft', 'signed']),
  snippet: z.array(snippetPart)
})
export type NoteSearchHit = z.infer<typeof noteSearchHit>

const noteId = uuid('Note ID')

/** A printed note (or notes) written as a PDF into the exports folder. */
export const notePrintResult = z.strictObject({ path: z.string(), fileName: z.string(), bytes: z.int(), clientId: z.string(), notes: z.int() })
export type NotePrintResult = z.infer<typeof notePrintResult>

export const notePrintRangeInput = z
  .strictObject({ clientId: uuid('Client ID'), from: isoDate('From'), to: isoDate('To') })
  .refine((r) => r.to >= r.from, { path: ['to'], error: 'The end date cannot be before the start date' })

/**
 * Session notes: clinical content, so owner and clinician only (the administrator never receives
 * note text, addenda or search results). A signed note never changes: corrections are addenda.
 */
export const notesContracts = {
  /** The notes of one session, oldest first, without their content. */
  list: defineContract('notes:list', z.strictObject({ sessionId: uuid('Session ID') }), z.array(noteSummary), {
    roles: CLINICAL_ROLES,
    audit: { action: 'view', entity: 'session', target: (input) => ({ entityId: input.sessionId }) }
  }),
  /** Opening a note is a read the audit log keeps. */
  get: defineContract('notes:get', z.strictObject({ id: noteId }), note, { roles: CLINICAL_ROLES, audit: { action: 'view', entity: 'note' } }),
  /** A new, empty draft; the template defaults to the session kind's (defaultTemplateFor). */
  create: defineContract('notes:create', z.strictObject({ sessionId: uuid('Session ID'), template: noteTemplate.optional() }), note, {
    roles: CLINICAL_ROLES,
    audit: { action: 'create', entity: 'note' }
  }),
  /**
   * Autosave: the whole body, idempotent. `revision` is the one the editor loaded or last saved;
   * a stale one is a conflict (NOTE_CONFLICT_MESSAGE) and nothing is written. Saving a body equal to
   * the stored one changes nothing and keeps the revision.
   */
  save: defineContract('notes:save', z.strictObject({ id: noteId, revision: z.int().min(0), body: noteBodyInput }), note, {
    roles: CLINICAL_ROLES,
    audit: { action: 'update', entity: 'note' }
  }),
  /**
   * Signs as the signed-in user; refused while signingProblems is not empty, the revision is stale or
   * the session has not started yet. Marks the session completed; a cancelled or no-show session
   * needs `sessionOutcome` (keep that status, or mark it completed).
   */
  sign: defineContract('notes:sign', z.strictObject({ id: noteId, revision: z.int().min(0), sessionOutcome: z.enum(SESSION_OUTCOMES, { error: 'Choose to keep the session’s status or mark it completed' }).optional() }), note, {
    roles: CLINICAL_ROLES,
    audit: { action: 'sign', entity: 'note' }
  }),
  /** Appends a signed addendum to a signed note; returns the note with all its addenda. */
  addAddendum: defineContract(
    'notes:addAddendum',
    z.strictObject({
      noteId,
      text: z
        .string({ error: 'Addendum text is required' })
        .trim()
        .min(1, { error: 'Addendum text is required' })
        .max(ADDENDUM_MAX, { error: `Addendum must be ${ADDENDUM_MAX.toLocaleString('en-US')} characters or fewer` })
        .refine(isStorableText, { error: 'Addendum contains characters that cannot be stored' })
    }),
    note,
    {
      roles: CLINICAL_ROLES,
      audit: { action: 'create', entity: 'addendum', target: (_input, out) => ({ entityId: out.addenda.at(-1)?.id ?? null, clientId: out.clientId }) }
    }
  ),
  /** One note as a PDF: letterhead, content, signature block and addenda (a draft is marked as one). */
  print: defineContract('notes:print', z.strictObject({ id: noteId }), notePrintResult, {
    roles: CLINICAL_ROLES,
    audit: { action: 'export', entity: 'note', target: (input, out) => ({ entityId: input.id, clientId: out.clientId }) }
  }),
  /** Every note of a client's sessions from `from` to `to` inclusive, oldest first, in one PDF. */
  printRange: defineContract('notes:printRange', notePrintRangeInput, notePrintResult, {
    roles: CLINICAL_ROLES,
    audit: { action: 'export', entity: 'client', target: (input) => ({ entityId: input.clientId, clientId: input.clientId }) }
  }),
  /** Full-text search over note content and addenda; newest notes first. */
  search: defineContract('notes:search', noteSearchInput, z.array(noteSearchHit), {
    roles: CLINICAL_ROLES,
    // One entry per client whose notes the results show (none found: one entry, no client).
    audit: {
      action: 'view',
      entity: 'note',
      targets: (_input, hits) => {
        const clients = [...new Set(hits.map((h) => h.clientId))]
        return clients.length === 0 ? [{ entityId: null, clientId: null }] : clients.map((clientId) => ({ entityId: null, clientId }))
      }
    }
  })
}
