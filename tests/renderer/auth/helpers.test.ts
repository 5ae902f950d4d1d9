import { describe, expect, it } from 'vitest'
import { can } from '@renderer/features/auth/access'
import { cooldownRemaining } from '@renderer/features/auth/cooldown'
import { passphraseStrength } from '@renderer/features/auth/passphrase-strength'
import { formatRecoveryKey, recoveryKeyGroups } from '@renderer/features/auth/recovery-key'
import { initials } from '@renderer/features/auth/UserAvatar'

describe('passphraseStrength', () => {
  it('asks for at least 12 characters before anything else', () => {
    expect(passphraseStrength('').score).toBe(0)
    expect(passphraseStrength('')).toMatchObject({ label: '', hint: expect.stringContaining('At least 12 characters') })
    expect(passphraseStrength('short words')).toEqual({ score: 1, label: 'Too short', hint: expect.stringContaining('1 more character needed') })
    expect(passphraseStrength('abc').hint).toContain('9 more characters')
  })

  it('calls repeats, keyboard runs and common words easy to guess, however long', () => {
    for (const p of ['aaaaaaaaaaaaaaaa', 'qwertyuiop123456', 'password12345678', 'abcdefghijklmnop', '123456789012345']) {
      expect(passphraseStrength(p)).toMatchObject({ score: 1, label: 'Easy to guess' })
    }
  })

  it('notices the person’s own name and user name', () => {
    const s = passphraseStrength('whitfield dana 2026', ['Dana Whitfield', 'dana'])
    expect(s.score).toBe(1)
    expect(s.hint).toMatch(/own name/)
  })

  it('rewards length and unrelated words', () => {
    expect(passphraseStrength('granite oboe').score).toBe(2)
    expect(passphraseStrength('granite oboe lantern').score).toBe(3)
    expect(passphraseStrength('granite oboe lantern marsh')).toMatchObject({ score: 4, label: 'Strong' })
    // A common word inside a long, varied phrase does not spoil it.
    expect(passphraseStrength('my practice sits by cedar creek').score).toBe(4)
  })

  it('counts length the way main’s rule does', () => {
    expect(passphraseStrength('ñandú café').hint).toContain('2 more characters')
  })
})

describe('recovery key', () => {
  it('groups the key in fours whatever the separators', () => {
    const key = 'abcd-efgh ijkl mnop-qrst-uvwx-yz23-4567'
    expect(recoveryKeyGroups(key)).toEqual(['ABCD', 'EFGH', 'IJKL', 'MNOP', 'QRST', 'UVWX', 'YZ23', '4567'])
    expect(formatRecoveryKey(key)).toBe('ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567')
  })
})

describe('can', () => {
  it('follows the roles on the contracts', () => {
    expect(can('owner', 'manageUsers')).toBe(true)
    expect(can('clinician', 'manageUsers')).toBe(false)
    expect(can('administrator', 'manageUsers')).toBe(false)
    expect(can('owner', 'viewScreening')).toBe(true)
    expect(can('clinician', 'viewScreening')).toBe(true)
    expect(can('administrator', 'viewScreening')).toBe(false)
    for (const capability of ['viewAuditLog', 'manageBackups', 'exportPractice', 'editPracticeProfile', 'editPracticeSettings', 'recoverDatabase'] as const) {
      expect([capability, can('owner', capability), can('clinician', capability), can('administrator', capability)]).toEqual([capability, true, false, false])
    }
  })

  it('allows nothing to nobody', () => {
    expect(can(null, 'viewScreening')).toBe(false)
    expect(can(undefined, 'manageUsers')).toBe(false)
  })
})

describe('small helpers', () => {
  it('counts the cooldown down in whole seconds, never below 0', () => {
    expect(cooldownRemaining(30_000, 0)).toBe(30)
    expect(cooldownRemaining(30_000, 29_001)).toBe(1)
    expect(cooldownRemaining(30_000, 30_000)).toBe(0)
    expect(cooldownRemaining(30_000, 99_000)).toBe(0)
  })

  it('makes initials from a name', () => {
    expect(initials('Dana Whitfield')).toBe('DW')
    expect(initials('  cher ')).toBe('C')
    expect(initials('Ana María de la Cruz')).toBe('AC')
    expect(initials('')).toBe('?')
  })
})

describe('retryAfterFrom', () => {
  it('reads the wait from a "too many attempts" refusal, and nothing from anything else', async () => {
    const { ApiError } = await import('@renderer/lib/api')
    const { retryAfterFrom } = await import('@renderer/features/auth/cooldown')
    expect(retryAfterFrom(new ApiError({ code: 'conflict', message: 'Too many attempts. Try again in 8 seconds.' }))).toBe(8)
    expect(retryAfterFrom(new ApiError({ code: 'conflict', message: 'Too many attempts. Try again in 1 second.' }))).toBe(1)
    expect(retryAfterFrom(new ApiError({ code: 'invalid_input', message: 'The user name or passphrase is not right.' }))).toBe(0)
    expect(retryAfterFrom(new Error('Try again in 5 seconds'))).toBe(0)
    expect(retryAfterFrom(null)).toBe(0)
  })
})

describe('activity ping', () => {
  it('reports activity at once, then at most once per interval', async () => {
    const { createActivityPing, pingIntervalMs } = await import('@renderer/features/auth/idle')
    let clock = 0
    const sent: number[] = []
    const ping = createActivityPing({ intervalMs: 15_000, send: () => sent.push(clock), now: () => clock })
    for (clock = 0; clock <= 40_000; clock += 1_000) ping.activity()
    expect(sent).toEqual([0, 15_000, 30_000])
    expect(pingIntervalMs(1)).toBe(15_000)
    expect(pingIntervalMs(60)).toBe(15_000)
  })
})
