/**
 * Stored documents (superbills, Good Faith Estimates, statements): a client's list, the same
 * PDF again (drawn from its snapshot and checked against its SHA-256), and a void with a reason.
 * A document is made by its own call (billing:superbill, …), which stores it.
 */
import { z } from 'zod'
import { DOCUMENT_KINDS } from '../domain/documents'
import { BILLING_ROLES } from '../domain/roles'
import { defineContract } from './contract'
import { requiredText, timestamp, uuid } from './fields'

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

export const documentsContracts = {
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
