/**
 * Stored documents (superbills, Good Faith Estimates, statements): a client's list, the same
 * PDF again (drawn from its snapshot and checked against its SHA-256), and a void with a reason.
 * A document is made by its own call (billing:superbill, …), which stores it.
 */
import { z } from 'zod'
import { DOCUMENT_KINDS } from '../domain/documents'
import { BILLING_ROLES } from '../domain/roles'
import { superbillRangeProblem } from '../domain/superbill'
import { defineContract } from './contract'
import { isoDate, optionalIsoDate, requiredText, timestamp, uuid } from './fields'

export const storedDocument = z.strictObject({
  id: z.string(),
  number: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  clientId: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  totalCents: z.int(),
  sha256: z.string(),
  fileName: z.string(),
  /** For an estimate: "Issued on time (due 03/05/2026)" or "Issued late (…)". */
  remark: z.string().nullable(),
  createdAt: timestamp,
  createdBy: z.string(),
  voidedAt: timestamp.nullable(),
  voidedBy: z.string().nullable(),
  voidReason: z.string().nullable()
})
export type StoredDocument = z.infer<typeof storedDocument>

/** A document's PDF written into the exports folder. */
export const documentFile = z.strictObject({ id: z.string(), number: z.string(), path: z.string(), fileName: z.string(), bytes: z.int() })
export type DocumentFile = z.infer<typeof documentFile>

const documentId = uuid('Document ID')

/**
 * A Good Faith Estimate for a client's course. `selfPay`: the client is uninsured or is not having
 * these services billed to insurance — refused otherwise (with why), as the rule applies only then.
 * `requestedOn`: the client asked for one that day (else the deadline follows the course's first
 * session's scheduling).
 */
export const goodFaithEstimateInput = z.strictObject({
  clientId: uuid('Client ID'),
  courseId: uuid('Course'),
  selfPay: z.boolean({ error: 'Say whether the client pays themselves' }),
  requestedOn: optionalIsoDate('Requested on')
})
export const goodFaithEstimateResult = documentFile.extend({ deadline: z.string().nullable(), timeliness: z.enum(['on_time', 'late', 'no_deadline']) })
export type GoodFaithEstimateResult = z.infer<typeof goodFaithEstimateResult>

/** A client's statement for a period (at most 12 months): ledger rows, balance due, how to pay. */
export const statementInput = z.strictObject({ clientId: uuid('Client ID'), from: isoDate('From'), to: isoDate('To') }).superRefine((r, ctx) => {
  const problem = superbillRangeProblem(r.from, r.to, 'A statement')
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message })
})

/** The $400 rule: a client billed at least $400 more than a Good Faith Estimate, and until when they may dispute it. */
export const disputeRow = z.strictObject({
  documentId: z.string(),
  number: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  estimateCents: z.int(),
  billedCents: z.int(),
  overByCents: z.int(),
  billedOn: z.string(),
  windowEndsOn: z.string()
})
export type DisputeRow = z.infer<typeof disputeRow>

export const documentsContracts = {
  goodFaithEstimate: defineContract('documents:goodFaithEstimate', goodFaithEstimateInput, goodFaithEstimateResult, {
    roles: BILLING_ROLES,
    audit: { action: 'create', entity: 'document', target: (input, out) => ({ entityId: out.id, clientId: input.clientId }) }
  }),
  statement: defineContract('documents:statement', statementInput, documentFile, {
    roles: BILLING_ROLES,
    audit: { action: 'create', entity: 'document', target: (input, out) => ({ entityId: out.id, clientId: input.clientId }) }
  }),
  /** One client's (clientId) or, for the Billing page, every client's. */
  disputes: defineContract('documents:disputes', z.strictObject({ clientId: uuid('Client ID').optional() }), z.array(disputeRow), { roles: BILLING_ROLES }),
  list: defineContract('documents:list', z.strictObject({ clientId: uuid('Client ID') }), z.array(storedDocument), { roles: BILLING_ROLES }),
  download: defineContract('documents:download', z.strictObject({ id: documentId }), documentFile, {
    roles: BILLING_ROLES,
    audit: { action: 'export', entity: 'document' }
  }),
  void: defineContract('documents:void', z.strictObject({ id: documentId, reason: requiredText('Reason', 500) }), storedDocument, {
    roles: BILLING_ROLES,
    audit: { action: 'void', entity: 'document' }
  })
}
