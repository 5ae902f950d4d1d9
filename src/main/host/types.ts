/** What the start-up host's areas share: its mode, the typed handler shape, and its fixed words. */
import type { z } from 'zod'
import type { Contract, Contracts } from '@shared/contracts'
import type { BackupSummary, DatabaseStateName } from '@shared/contracts/recovery'
import type { AppCore } from '../app'
import type { BackupEntry } from '../backup'

export type HostMode =
  | { mode: 'ready'; core: AppCore }
  | { mode: 'recovery'; state: Exclude<DatabaseStateName, 'ok'>; detail?: string }
  /** Nobody has signed in (or set up) yet: the database is not open and its key not known. */
  | { mode: 'closed' }

/** A host area's handlers: one per contract of its domain, async, typed from the contracts like features/<d>/handlers.ts. */
export type HostHandlers<D extends 'recovery' | 'backups' | 'jobs' | 'auth' | 'users'> = {
  [V in keyof Contracts[D]]: Contracts[D][V] extends Contract<infer I, infer O> ? (input: z.output<I>) => Promise<z.input<O>> : never
}

export const NOT_OPEN_MESSAGE = 'The practice database is not open.'
export const SWAPPING_MESSAGE = 'A backup is being restored. Try again in a moment.'

/** A backup as the renderer sees it: its name, never its path. */
export const summary = (b: BackupEntry): BackupSummary => ({ fileName: b.fileName, createdAt: b.createdAt.toISOString(), reason: b.reason, bytes: b.bytes })

export const BACKUP_FAILURE_MESSAGES: Record<string, { code: 'conflict' | 'invalid_input'; message: string }> = {
  backup_not_usable: { code: 'invalid_input', message: 'That backup is damaged or unreadable. Choose another one.' },
  not_a_practice_database: { code: 'invalid_input', message: 'That file is not a KAP Practice backup. Choose another one.' },
  newer_version: { code: 'invalid_input', message: 'That backup was made by a newer version of KAP Practice. Update the app to restore it.' },
  file_missing: { code: 'invalid_input', message: 'That backup is no longer in the backups folder. Choose another one.' },
  database_locked: { code: 'conflict', message: 'The database is in use by another program. Close it, then try again.' },
  database_in_use: { code: 'conflict', message: 'The database is in use by another program. Close it, then try again.' },
  restored_database_failed_check: {
    code: 'conflict',
    message: 'The restored database failed its check. Your earlier database was kept in the backups folder; choose another backup.'
  }
}
