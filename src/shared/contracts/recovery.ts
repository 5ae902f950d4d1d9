import { z } from 'zod'
import { ANY_ROLE, OWNER_ONLY } from '../domain/roles'
import { defineContract } from './contract'

/**
 * The recovery screen's calls. They are served by the start-up host (src/main/startup.ts), not by
 * the practice router: they work while the database cannot be opened. They carry backup file
 * names, never paths.
 */
export const DATABASE_STATES = ['ok', 'corrupt', 'not_a_database', 'locked', 'missing'] as const
export type DatabaseStateName = (typeof DATABASE_STATES)[number]

export const BACKUP_REASON_NAMES = ['daily', 'quit', 'manual', 'pre-migration', 'pre-restore'] as const

export const backupSummary = z.strictObject({
  fileName: z.string(),
  /** ISO-8601 UTC, from the file name. */
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASON_NAMES),
  bytes: z.number().int().nonnegative()
})
export type BackupSummary = z.output<typeof backupSummary>

export const recoveryStatus = z.strictObject({
  /** 'ok' once the practice database is open; anything else means the recovery screen. */
  state: z.enum(DATABASE_STATES),
  /** Newest first. */
  backups: z.array(backupSummary)
})
export type RecoveryStatus = z.output<typeof recoveryStatus>

const backupFileName = z
  .string({ error: 'Choose a backup from the list' })
  .min(1, { error: 'Choose a backup from the list' })
  .max(200, { error: 'Choose a backup from the list' })

export const recoveryContracts = {
  status: defineContract('recovery:status', z.strictObject({}), recoveryStatus, { roles: ANY_ROLE }),
  restore: defineContract('recovery:restore', z.strictObject({ fileName: backupFileName }), recoveryStatus, { roles: OWNER_ONLY }),
  startFresh: defineContract(
    'recovery:startFresh',
    z.strictObject({}),
    recoveryStatus.extend({
      /** The damaged file's new name in the backups folder, or null when there was none to keep. */
      keptAs: z.string().nullable()
    }),
    { roles: OWNER_ONLY }
  ),
  retry: defineContract('recovery:retry', z.strictObject({}), recoveryStatus, { roles: OWNER_ONLY })
}
