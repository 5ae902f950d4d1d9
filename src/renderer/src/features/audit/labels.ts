import type { AuditVerifyResult } from '@shared/contracts/audit'
import type { AuditAction, AuditEntity, AuditProblem } from '@shared/domain/audit'
import { verifyFindings } from '@shared/domain/verify-findings'

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
  sign_out: 'Signed out',
  signature_mismatch: 'Signature mismatch'
}

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

const whatToDo = 'Keep the practice file as it is — do not delete it or restore a backup over it — and contact support.'

type Verdict = { tone: 'success' | 'danger'; title: string; body: string[] }

/** The verdict in plain words: the chain's, then what the signed notes and the triggers say. */
export function describeVerdict(result: AuditVerifyResult): Verdict {
  const chain = describeChain(result)
  const findings = verifyFindings(result)
  if (findings.ok) return { ...chain, body: [...chain.body, ...findings.lines.map((f) => f.text)] }
  const problems = findings.lines.filter((f) => !f.ok).map((f) => f.text)
  return {
    tone: 'danger',
    title: chain.tone === 'success' ? 'The practice file was changed outside the app' : chain.title,
    body: chain.tone === 'success' ? [...problems, `${chain.title}.`, ...chain.body, whatToDo] : [...chain.body.slice(0, -1), ...problems, chain.body.at(-1)!]
  }
}

/** The audit chain's verdict: a headline and what it means / what to do. */
function describeChain(result: AuditVerifyResult): Verdict {
  const guardLine = 'The log’s append-only guard is missing: it was removed outside the app, so entries could be changed without notice.'
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
