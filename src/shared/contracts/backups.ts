import { z } from 'zod'
import { OWNER_ONLY } from '../domain/roles'
import { defineContract } from './contract'
import { backupSummary } from './recovery'

/**
 * Settings → Backups, while the practice is open. Served by the start-up host
 * (src/main/startup.ts), not the practice router: a restore closes the open core, replaces the
 * database and opens it again. They carry backup file names, never paths (the folder itself is
 * shown once, for the user to find the files).
 */
const backupFileName = z
  .string({ error: 'Choose a backup from the list' })
  .min(1, { error: 'Choose a backup from the list' })
  .max(200, { error: 'Choose a backup from the list' })

export const backupsList = z.strictObject({
  /** The backups folder, for display. */
  folder: z.string(),
  /** Newest first. */
  backups: z.array(backupSummary)
})
export type BackupsList = z.output<typeof backupsList>

export const backupRestoreResult = z.strictObject({
  /** The backup brought back. */
  restoredFrom: z.string(),
  /** The practice as it was just before, kept as a 'pre-restore' backup: what "Undo restore" brings back. Null if there was none. */
  preRestoreFileName: z.string().nullable()
})
export type BackupRestoreResult = z.output<typeof backupRestoreResult>

export const backupsContracts = {
  list: defineContract('backups:list', z.strictObject({}), backupsList, { roles: OWNER_ONLY }),
  create: defineContract('backups:create', z.strictObject({}), backupSummary, { roles: OWNER_ONLY }),
  restore: defineContract('backups:restore', z.strictObject({ fileName: backupFileName }), backupRestoreResult, { roles: OWNER_ONLY }),
  undoRestore: defineContract('backups:undoRestore', z.strictObject({ preRestoreFileName: backupFileName }), backupRestoreResult, { roles: OWNER_ONLY })
}
