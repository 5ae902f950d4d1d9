import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '@shared/domain/audit'
import { auditSentence } from '@renderer/features/audit/sentences'

describe('audit entries in plain words', () => {
  it('says what a call did, not its channel', () => {
    expect(auditSentence({ channel: 'exports:custodian', action: 'export', entity: 'client' })).toBe('Exported records for a custodian')
    expect(auditSentence({ channel: 'clients:get', action: 'view', entity: 'client' })).toBe('Opened a client’s chart')
    expect(auditSentence({ channel: 'notes:sign', action: 'sign', entity: 'note' })).toBe('Signed a note')
    expect(auditSentence({ channel: 'auth:signIn', action: 'sign_in_failed', entity: 'user' })).toBe('A sign-in failed')
    expect(auditSentence({ channel: 'billing:saveSettings', action: 'update', entity: 'charge' })).toMatch(/Released a held charge/)
  })

  it('reads well for a call it does not know, from its action and record type', () => {
    expect(auditSentence({ channel: 'future:thing', action: 'archive', entity: 'consent' })).toBe('Archived: consent')
    for (const action of AUDIT_ACTIONS) {
      for (const entity of AUDIT_ENTITIES) expect(auditSentence({ channel: 'x:y', action, entity })).not.toMatch(/[a-z]:[a-z]/i)
    }
  })
})
