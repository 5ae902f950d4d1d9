import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BACKUP_REASONS, type BackupReason } from '../../../src/main/backup/names'
import { backupsToKeep, dayKey, DEFAULT_RETENTION, dueForDailyBackup, isoWeekKey, monthKey, pruneBackups } from '../../../src/main/backup/retention'

interface Item {
  createdAt: Date
  reason: BackupReason
}
const NOW = new Date('2026-03-08T12:00:00.000Z')
const DAY = 86_400_000
const iso = (items: readonly Item[]) => items.map((i) => i.createdAt.toISOString()).sort()
const item = (at: string, reason: BackupReason = 'daily'): Item => ({ createdAt: new Date(at), reason })

/** One backup a day at 09:00 UTC from `from` to `to`. */
function everyDay(from: string, to: string, reason: BackupReason = 'daily'): Item[] {
  const out: Item[] = []
  for (let t = Date.parse(`${from}T09:00:00Z`); t <= Date.parse(`${to}T09:00:00Z`); t += DAY) out.push({ createdAt: new Date(t), reason })
  return out
}

describe('calendar keys', () => {
  it('ISO weeks start on Monday and week 1 holds January 4', () => {
    expect(isoWeekKey(new Date('2021-01-03T12:00:00Z'))).toBe('2020-W53')
    expect(isoWeekKey(new Date('2021-01-04T00:00:00Z'))).toBe('2021-W01')
    expect(isoWeekKey(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01')
    expect(isoWeekKey(new Date('2026-03-08T23:59:59Z'))).toBe('2026-W10') // a Sunday
    expect(isoWeekKey(new Date('2026-03-09T00:00:00Z'))).toBe('2026-W11')
    expect(isoWeekKey(new Date('2026-12-31T00:00:00Z'))).toBe('2026-W53')
  })

  it('follow the practice’s local day when given its UTC offset', () => {
    const lateEveningInOregon = new Date('2026-03-08T03:30:00Z') // 19:30 on March 7 at UTC−8
    expect(dayKey(lateEveningInOregon)).toBe('2026-03-08')
    expect(dayKey(lateEveningInOregon, -480)).toBe('2026-03-07')
    expect(monthKey(new Date('2026-03-01T05:00:00Z'), -480)).toBe('2026-02')
    expect(isoWeekKey(new Date('2026-03-09T05:00:00Z'), -480)).toBe('2026-W10')
  })
})

describe('pruneBackups: 7 daily, 4 weekly, 12 monthly', () => {
  it('keeps the newest of the last 7 days, 4 ISO weeks and 12 months of a daily history', () => {
    const history = everyDay('2025-01-01', '2026-03-08')
    const kept = backupsToKeep(history, NOW)
    expect(iso(kept)).toEqual(
      [
        // 7 days
        '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08',
        // 4 ISO weeks: W10 is March 2–8 (its newest is already kept), then the Sundays of W09, W08, W07
        '2026-03-01', '2026-02-22', '2026-02-15',
        // 12 months: March 2026 (kept) back to April 2025, the last day of each
        '2026-02-28', '2026-01-31', '2025-12-31', '2025-11-30', '2025-10-31', '2025-09-30', '2025-08-31', '2025-07-31', '2025-06-30',
        '2025-05-31', '2025-04-30'
      ]
        .map((d) => `${d}T09:00:00.000Z`)
        .sort()
    )
    expect(pruneBackups(history, NOW)).toHaveLength(history.length - 21)
  })

  it('counts days that have a backup, not calendar days: a month-old gap keeps older dailies', () => {
    const sparse = [item('2026-03-08T09:00:00Z'), item('2026-01-02T09:00:00Z'), item('2026-01-01T18:00:00Z'), item('2026-01-01T09:00:00Z')]
    expect(iso(pruneBackups(sparse, NOW))).toEqual(['2026-01-01T09:00:00.000Z']) // same day as a newer one
  })

  it('keeps only the newest backup of a day, whatever its reason', () => {
    const day = [item('2026-03-08T08:00:00Z', 'daily'), item('2026-03-08T18:00:00Z', 'quit'), item('2026-03-08T12:00:00Z', 'manual')]
    expect(iso(backupsToKeep(day, new Date('2026-03-08T19:00:00Z')))).toEqual(['2026-03-08T18:00:00.000Z'])
  })

  it('never deletes a pre-migration or pre-restore backup younger than 30 days', () => {
    const list = [
      item('2026-03-08T10:00:00Z', 'daily'),
      item('2026-03-08T09:00:00Z', 'pre-migration'), // same day as a newer one, but protected
      item('2026-02-20T09:00:00Z', 'pre-restore'),
      item('2026-02-20T10:00:00Z', 'daily'),
      item('2026-01-20T09:00:00Z', 'pre-restore'), // 47 days old: only its buckets could keep it
      item('2026-01-20T10:00:00Z', 'daily')
    ]
    expect(iso(pruneBackups(list, NOW))).toEqual(['2026-01-20T09:00:00.000Z'])
  })

  it('buckets by the local day when given the UTC offset', () => {
    // 12:00 and 19:00 on March 7 in Oregon (UTC−8): one local day, two UTC days.
    const list = [item('2026-03-08T03:00:00Z'), item('2026-03-07T20:00:00Z')]
    const oneDay = { ...DEFAULT_RETENTION, weekly: 0, monthly: 0 }
    expect(pruneBackups(list, NOW, oneDay)).toEqual([])
    expect(iso(pruneBackups(list, NOW, oneDay, { utcOffsetMinutes: -480 }))).toEqual(['2026-03-07T20:00:00.000Z'])
  })

  it('keeps the newest even when the policy keeps nothing else', () => {
    const none = { ...DEFAULT_RETENTION, daily: 0, weekly: 0, monthly: 0 }
    const list = everyDay('2026-03-01', '2026-03-08')
    expect(iso(backupsToKeep(list, NOW, none))).toEqual(['2026-03-08T09:00:00.000Z'])
  })

  it('an empty list deletes nothing', () => {
    expect(pruneBackups([], NOW)).toEqual([])
  })
})

/** Backups up to ~3 years before now, a few "from the future" (clock changes), with clustered times. */
const history = (at: Date) =>
  fc.array(
    fc.record({
      createdAt: fc
        .oneof(
          fc.integer({ min: -3 * 366 * DAY, max: 2 * DAY }),
          fc.integer({ min: -40 * DAY, max: 0 }).map((ms) => Math.floor(ms / 3_600_000) * 3_600_000) // many on the same hours
        )
        .map((offset) => new Date(at.getTime() + offset)),
      reason: fc.constantFrom(...BACKUP_REASONS)
    }),
    { maxLength: 150 }
  )
const isYoungProtected = (b: Item, at: Date) => (b.reason === 'pre-migration' || b.reason === 'pre-restore') && at.getTime() - b.createdAt.getTime() < 30 * DAY

describe('pruneBackups properties', () => {
  const now = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true })
  const scenario = now.chain((at) => fc.tuple(fc.constant(at), history(at)))
  const runs = { numRuns: 300 }

  it('always keeps the newest backup', () => {
    fc.assert(
      fc.property(scenario, ([at, list]) => {
        if (list.length === 0) return
        const newest = list.reduce((a, b) => (b.createdAt > a.createdAt ? b : a))
        const newestTime = newest.createdAt.getTime()
        const deleted = new Set(pruneBackups(list, at))
        // With ties on the newest instant, at least one of them survives.
        expect(list.some((b) => b.createdAt.getTime() === newestTime && !deleted.has(b))).toBe(true)
      }),
      runs
    )
  })

  it('is idempotent: pruning what it kept deletes nothing more', () => {
    fc.assert(
      fc.property(scenario, ([at, list]) => {
        const deleted = new Set(pruneBackups(list, at))
        const kept = list.filter((b) => !deleted.has(b))
        expect(pruneBackups(kept, at)).toEqual([])
      }),
      runs
    )
  })

  it('never keeps more than 7 + 4 + 12 plus the protected ones', () => {
    fc.assert(
      fc.property(scenario, ([at, list]) => {
        const kept = backupsToKeep(list, at)
        const protectedCount = list.filter((b) => isYoungProtected(b, at)).length
        expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12 + protectedCount)
      }),
      runs
    )
  })

  it('splits the list into kept and deleted, and never deletes a young pre-migration or pre-restore backup', () => {
    fc.assert(
      fc.property(scenario, ([at, list]) => {
        const deleted = pruneBackups(list, at)
        const kept = backupsToKeep(list, at)
        expect(deleted.length + kept.length).toBe(list.length)
        expect(new Set([...deleted, ...kept]).size).toBe(list.length)
        for (const b of deleted) expect(isYoungProtected(b, at)).toBe(false)
      }),
      runs
    )
  })

  it('keeps the newest backup of each of the 7 most recent days that have one', () => {
    fc.assert(
      fc.property(scenario, ([at, list]) => {
        const deleted = new Set(pruneBackups(list, at))
        const days = [...new Set(list.map((b) => dayKey(b.createdAt)))].sort().toReversed().slice(0, 7)
        for (const day of days) {
          const ofDay = list.filter((b) => dayKey(b.createdAt) === day)
          const newest = Math.max(...ofDay.map((b) => b.createdAt.getTime()))
          expect(ofDay.some((b) => b.createdAt.getTime() === newest && !deleted.has(b))).toBe(true)
        }
      }),
      runs
    )
  })
})

describe('dueForDailyBackup', () => {
  it('is due with no backups at all', () => {
    expect(dueForDailyBackup([], NOW)).toBe(true)
  })

  it('is not due once any backup was made today, due again the next day', () => {
    const list = [item('2026-03-08T00:05:00Z', 'quit')]
    expect(dueForDailyBackup(list, NOW)).toBe(false)
    expect(dueForDailyBackup(list, new Date('2026-03-09T00:00:00Z'))).toBe(true)
    expect(dueForDailyBackup([item('2026-03-07T23:59:59Z')], NOW)).toBe(true)
  })

  it('ignores backups dated after now, so a wrong clock cannot stop daily backups', () => {
    expect(dueForDailyBackup([item('2026-03-08T18:00:00Z')], NOW)).toBe(true)
    expect(dueForDailyBackup([item('2099-01-01T00:00:00Z')], NOW)).toBe(true)
  })

  it('uses the local day when given the UTC offset', () => {
    // The backup at 20:00 on March 7 in Oregon (04:00 UTC March 8); now is 23:00 March 7 there.
    const list = [item('2026-03-08T04:00:00Z')]
    const now = new Date('2026-03-08T07:00:00Z')
    expect(dueForDailyBackup(list, now)).toBe(false)
    expect(dueForDailyBackup([item('2026-03-07T20:00:00Z')], now)).toBe(true)
    expect(dueForDailyBackup([item('2026-03-07T20:00:00Z')], now, { utcOffsetMinutes: -480 })).toBe(false) // both March 7 locally
  })
})
