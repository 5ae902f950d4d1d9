import type { AuditVerifyResult } from '@shared/contracts/audit'
import type { AuditAction, AuditEntity, AuditProblem } from '@shared/domain/audit'

/** What was done, in words (the filter's choices). */
export const ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Created',
  update: 'Changed',
  archive: 'Archived',
  restore: 'Restored',
  remove: 'Removed',
  revoke: 'Revoked',
  sign: 'Signed',
  view: 'Viewed chart',
  export: 'Exported',
  void: 'Voided',
  issue: 'Issued',
  sign_in: 'Signed in',
  sign_in_failed: 'Sign-in failed',
  lock: 'Locked the app',
  sign_out: 'Signed out'
}

/** One row's action: a 'view' is "Viewed chart" only when a client's chart was opened. */
export const actionLabel = (action: AuditAction, entity: AuditEntity): string =>
  action === 'view' && entity !== 'client' ? 'Viewed' : ACTION_LABELS[action]

export const ENTITY_LABELS: Record<AuditEntity, string> = {
  client: 'Client',
  insurance_policy: 'Insurance policy',
  diagnosis: 'Diagnosis',
  screening_item: 'Screening',
  consent: 'Consent',
  practice: 'Practice',
  user: 'User',
  session: 'Session',
  course: 'Treatment course',
  note: 'Note',
  addendum: 'Addendum',
  measure: 'Measure',
  provider: 'Billing identity',
  fee: 'Fee schedule',
  charge: 'Charge',
  adjustment: 'Adjustment',
  sliding_scale: 'Sliding scale',
  invoice: 'Invoice',
  payment: 'Payment',
  document: 'Document'
}

/** Who: entries written before user accounts existed say "this computer". */
export const actorLabel = (label: string, actorId: string | null): string => (actorId === null && label === 'local' ? 'This computer' : label)

const PROBLEM_WORDS: Record<AuditProblem, string> = {
  edited: 'was edited',
  deleted: 'was deleted',
  reordered: 'was moved out of order'
}

const entries = (n: number) => `${new Intl.NumberFormat('en-US').format(n)} ${n === 1 ? 'entry' : 'entries'}`

/** The verdict in plain words: a headline and what it means / what to do. */
export function describeVerdict(result: AuditVerifyResult): { tone: 'success' | 'danger'; title: string; body: string[] } {
  const guardLine = 'The log’s append-only guard is missing: it was removed outside the app, so entries could be changed without notice.'
  const whatToDo = 'Keep the practice file as it is — do not delete it or restore a backup over it — and contact support.'
  if (result.ok) {
    return {
      tone: result.guarded ? 'success' : 'danger',
      title: `The log is intact — ${entries(result.checked)} checked`,
      body: result.guarded
        ? ['Each entry is chained to the one before it; none has been edited, deleted or moved.']
        : ['Each entry is chained to the one before it.', guardLine, whatToDo]
    }
  }
  const seq = result.firstBrokenSeq ?? result.checked + 1
  return {
    tone: 'danger',
    title: `The log has been altered: entry #${seq} ${PROBLEM_WORDS[result.problem ?? 'edited']}`,
    body: [
      result.checked === 0
        ? 'No entry can be trusted, from the first one on.'
        : result.checked === 1
          ? `The entry before it checks out; nothing from #${seq} on can be trusted.`
          : `The ${entries(result.checked)} before it check out; nothing from #${seq} on can be trusted.`,
      ...(result.guarded ? [] : [guardLine]),
      whatToDo
    ]
  }
}
