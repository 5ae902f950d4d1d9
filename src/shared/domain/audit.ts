/**
 * The audit log's vocabulary: what was done, to which kind of record. The exact call is kept
 * beside it (the IPC channel), so the actions stay few and readable.
 * Stored as text without a CHECK constraint: adding a word here needs no migration.
 */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'archive',
  'restore',
  'remove',
  'revoke',
  'sign',
  'view',
  'export',
  'void',
  'issue',
  'sign_in',
  'sign_in_failed',
  'lock',
  'sign_out',
  /** A signed note or addendum was read whose content no longer matches its signature. */
  'signature_mismatch'
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const AUDIT_ENTITIES = [
  'client',
  'insurance_policy',
  'diagnosis',
  'screening_item',
  'consent',
  'practice',
  'user',
  'session',
  'course',
  'note',
  'addendum',
  'measure',
  'provider',
  'fee',
  'charge',
  'adjustment',
  'sliding_scale',
  'invoice',
  'payment',
  'document'
] as const
export type AuditEntity = (typeof AUDIT_ENTITIES)[number]

/** What `audit:verify` can find wrong with the chain. */
export const AUDIT_PROBLEMS = ['edited', 'deleted', 'reordered'] as const
export type AuditProblem = (typeof AUDIT_PROBLEMS)[number]
