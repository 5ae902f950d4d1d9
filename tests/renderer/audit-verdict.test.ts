import { describe, expect, it } from 'vitest'
import type { AuditVerifyResult } from '@shared/contracts/audit'
import { describeVerdict } from '@renderer/features/audit/labels'

const clean: AuditVerifyResult = {
  ok: true,
  checked: 12,
  guarded: true,
  signedNotes: { notes: 3, addenda: 1, mismatched: [] },
  triggers: { expected: 25, missing: [], changed: [], unexpected: [] }
}

describe('the Settings check in words', () => {
  it('all well: the chain, the signed notes and the safeguards each say so', () => {
    expect(describeVerdict(clean)).toEqual({
      tone: 'success',
      title: 'The log is intact — 12 entries checked',
      body: [
        'Each entry is chained to the one before it; none has been edited, deleted or moved.',
        'Signed notes intact: 3 signed notes and 1 addendum match their signatures.',
        'Safeguards in place: all 25 database triggers (signed notes, money, audit log) are as the app made them.'
      ]
    })
  })

  it('a whole log over a changed note and a dropped trigger is still an alarm, with what to do', () => {
    const verdict = describeVerdict({
      ...clean,
      signedNotes: { notes: 3, addenda: 1, mismatched: [{ entity: 'note', id: 'n-1', noteId: 'n-1' }] },
      triggers: { ...clean.triggers, missing: ['notes_signed_no_update'] }
    })
    expect(verdict.tone).toBe('danger')
    expect(verdict.title).toBe('The practice file was changed outside the app')
    expect(verdict.body).toEqual([
      '1 signed note does not match its signature (changed after signing): note n-1.',
      'Safeguards removed: 1 trigger is missing — notes_signed_no_update.',
      'The log is intact — 12 entries checked.',
      'Each entry is chained to the one before it; none has been edited, deleted or moved.',
      'Keep the practice file as it is — do not delete it or restore a backup over it — and contact support.'
    ])
  })

  it('a broken chain keeps its headline; the findings go before what to do', () => {
    const verdict = describeVerdict({ ...clean, ok: false, checked: 4, firstBrokenSeq: 5, problem: 'deleted', triggers: { ...clean.triggers, unexpected: ['planted'] } })
    expect(verdict.title).toBe('The log has been altered: entry #5 was deleted')
    expect(verdict.body.at(-2)).toBe('Unknown trigger added outside the app: planted.')
    expect(verdict.body.at(-1)).toMatch(/^Keep the practice file as it is/)
  })
})
