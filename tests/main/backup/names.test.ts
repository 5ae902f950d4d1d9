import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BACKUP_REASONS, backupFileName, damagedFileName, parseBackupName } from '../../../src/main/backup/names'

const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true })

describe('backup file names', () => {
  it('carry the time and the reason, and sort by time', () => {
    expect(backupFileName(new Date('2026-03-08T15:00:00.123Z'), 'daily')).toBe('kap-backup-2026-03-08T15-00-00-123Z-daily.db')
    expect(backupFileName(new Date('2026-03-08T15:00:00.123Z'), 'pre-migration', 2)).toBe('kap-backup-2026-03-08T15-00-00-123Z-pre-migration-2.db')
  })

  it('parse back to what they were made from', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...BACKUP_REASONS), fc.nat(50), (at, reason, sequence) => {
        expect(parseBackupName(backupFileName(at, reason, sequence))).toEqual({ fileName: backupFileName(at, reason, sequence), createdAt: at, reason, sequence })
      })
    )
  })

  it('sort by name in time order (same reason)', () => {
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const [na, nb] = [backupFileName(a, 'daily'), backupFileName(b, 'daily')]
        expect(na < nb ? -1 : na > nb ? 1 : 0).toBe(Math.sign(a.getTime() - b.getTime()))
      })
    )
  })

  it("recognise applyMigrations' own before-migration copies as pre-migration backups", () => {
    expect(parseBackupName('before-migration-2026-03-08T15-00-00-000Z.db')).toEqual({
      fileName: 'before-migration-2026-03-08T15-00-00-000Z.db',
      createdAt: new Date('2026-03-08T15:00:00.000Z'),
      reason: 'pre-migration',
      sequence: 0
    })
  })

  it('ignore every other file: partial copies, damaged databases, side files, impossible dates', () => {
    for (const name of [
      'kap-backup-2026-03-08T15-00-00-000Z-daily.db.partial',
      'kap-backup-2026-03-08T15-00-00-000Z-daily.db-wal',
      'kap-backup-2026-03-08T15-00-00-000Z-weekly.db',
      'kap-backup-2026-02-31T15-00-00-000Z-daily.db',
      'kap-backup-2026-03-08T15-00-00-000Z-daily-0.db',
      damagedFileName(new Date('2026-03-08T15:00:00Z')),
      'practice.db',
      'notes.txt'
    ]) {
      expect({ name, parsed: parseBackupName(name) }).toEqual({ name, parsed: null })
    }
  })

  it('refuse an unknown reason or an invalid date', () => {
    expect(() => backupFileName(new Date('2026-03-08T15:00:00Z'), 'weekly' as never)).toThrow(TypeError)
    expect(() => backupFileName(new Date(Number.NaN), 'daily')).toThrow(TypeError)
  })
})
