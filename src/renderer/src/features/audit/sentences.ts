import type { AuditAction, AuditEntity } from '@shared/domain/audit'
import { ACTION_LABELS, ENTITY_LABELS } from './labels'

/**
 * What an audit entry means, as a sentence, by the call that wrote it (its channel). The one place
 * that turns "exports:custodian" into "Exported records for a custodian". A channel missing here
 * still reads well from its action and record type (see auditSentence).
 */
const BY_CHANNEL: Readonly<Record<string, string>> = {
  'clients:create': 'Added a client',
  'clients:get': 'Opened a client’s chart',
  'clients:update': 'Changed a client’s details',
  'clients:archive': 'Archived a client',
  'clients:restore': 'Restored an archived client',
  'consents:create': 'Recorded a consent',
  'consents:revoke': 'Revoked a consent',
  'courses:create': 'Started a treatment course',
  'courses:update': 'Changed a treatment course',
  'diagnoses:add': 'Added a diagnosis',
  'diagnoses:remove': 'Removed a diagnosis',
  'diagnoses:setPrimary': 'Made a diagnosis the primary one',
  'diagnoses:reorder': 'Changed the order of the diagnoses',
  'exports:custodian': 'Exported records for a custodian',
  'exports:archive': 'Exported the whole practice as an archive',
  'exports:importArchive': 'Restored the practice from an archive',
  'insurance:create': 'Added an insurance policy',
  'insurance:update': 'Changed an insurance policy',
  'insurance:archive': 'Archived an insurance policy',
  'measures:create': 'Recorded a questionnaire score',
  'measures:acknowledge': 'Acknowledged a questionnaire alert',
  'measures:void': 'Voided a questionnaire score',
  'notes:list': 'Looked at a session’s notes',
  'notes:get': 'Opened a note',
  'notes:create': 'Started a note',
  'notes:save': 'Saved a note draft',
  'notes:sign': 'Signed a note',
  'notes:addAddendum': 'Added an addendum to a signed note',
  'notes:search': 'Searched the notes',
  'practice:save': 'Changed the practice profile',
  'screening:get': 'Opened the contraindication screening',
  'screening:record': 'Recorded a screening answer',
  'sessions:create': 'Scheduled a session',
  'sessions:update': 'Changed a session',
  'settings:save': 'Changed the practice’s settings',
  'users:create': 'Added a user',
  'users:update': 'Changed a user’s account',
  'users:deactivate': 'Deactivated a user',
  'users:resetPassphrase': 'Reset a user’s passphrase',
  'auth:setup': 'Set up the owner’s account',
  'auth:signIn': 'Signed in',
  'auth:signOut': 'Signed out',
  'auth:lock': 'Locked the app',
  'auth:unlock': 'Unlocked the app',
  'auth:recover': 'Recovered the owner’s account with the recovery key',
  'auth:changePassphrase': 'Changed their passphrase',
  'backups:create': 'Made a backup',
  'backups:restore': 'Restored a backup',
  'backups:undoRestore': 'Undid a backup restore',
  'recovery:restore': 'Restored a backup from the recovery screen',
  'recovery:startFresh': 'Started an empty practice from the recovery screen',
  'billing:saveProvider': 'Changed a billing identity (NPI, taxonomy)',
  'billing:saveSettings': 'Changed the billing settings',
  'billing:saveDefaults': 'Changed the default charges per session kind',
  'billing:createFee': 'Added a fee to the fee schedule',
  'billing:updateFee': 'Changed a fee in the fee schedule',
  'billing:createCharge': 'Added a charge',
  'billing:updateCharge': 'Changed a charge',
  'billing:voidCharge': 'Voided a charge',
  'billing:adjust': 'Wrote off or adjusted a charge',
  'billing:voidAdjustment': 'Voided an adjustment',
  'billing:setSlidingScale': 'Set a sliding scale',
  'billing:endSlidingScale': 'Ended a sliding scale',
  'billing:createInvoice': 'Made an invoice',
  'billing:invoiceMonth': 'Invoiced the month',
  'billing:issueInvoice': 'Issued an invoice',
  'billing:voidInvoice': 'Voided an invoice',
  'billing:recordPayment': 'Recorded a payment',
  'billing:applyCredit': 'Applied a client’s credit to an invoice',
  'billing:refund': 'Refunded a payment',
  'billing:superbill': 'Made a superbill',
  'notes:integrity': 'Found a note or addendum whose text no longer matches its signature',
  'notes:print': 'Printed a note to PDF',
  'notes:printRange': 'Printed a client’s notes to PDF',
  'screening:recordAll': 'Recorded the contraindication screening',
  'screening:flags': 'Looked at a client’s contraindication flags',
  'screening:acknowledge': 'Acknowledged a contraindication flag',
  'series:create': 'Booked a recurring series of sessions',
  'series:updateFollowing': 'Changed a session and the ones after it in its series',
  'series:cancelFollowing': 'Cancelled a session and the ones after it in its series',
  'courses:bookSchedule': 'Booked a treatment course’s sessions in one step',
  'reminders:ics': 'Exported appointment reminders as a calendar file',
  'reminders:card': 'Printed an appointment card',
  'documents:goodFaithEstimate': 'Made a Good Faith Estimate',
  'documents:statement': 'Made a statement',
  'documents:download': 'Downloaded a stored document again',
  'documents:void': 'Voided a stored document',
  'billing:exportCsv': 'Exported billing for the accountant (CSV)'
}

/** A call that writes more than one kind of entry: the sentence for that kind. */
const BY_CHANNEL_AND_ENTITY: Readonly<Record<string, string>> = {
  'billing:saveSettings charge': 'Released a held charge (billing settings changed)'
}

const BY_ACTION: Partial<Record<AuditAction, string>> = {
  sign_in_failed: 'A sign-in failed',
  sign_in: 'Signed in',
  sign_out: 'Signed out',
  lock: 'Locked the app'
}


/** The entry in plain words: "Exported records for a custodian", never "exports:custodian". */
export function auditSentence(entry: { channel: string; action: AuditAction; entity: AuditEntity }): string {
  return (
    BY_CHANNEL_AND_ENTITY[`${entry.channel} ${entry.entity}`] ??
    BY_ACTION[entry.action] ??
    BY_CHANNEL[entry.channel] ??
    // The filter's words for the action ("Archived", and any action added later), then the record.
    `${entry.action === 'view' ? 'Viewed' : ACTION_LABELS[entry.action]}: ${ENTITY_LABELS[entry.entity].toLowerCase()}`
  )
}
