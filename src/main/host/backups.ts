/** Settings → Backups while the practice is open: list, back up now, restore (swapping the core) and undo. */
import { contracts } from '@shared/contracts'
import type { BackupRestoreResult } from '@shared/contracts/backups'
import { applyRetention, createBackup, listBackups, parseBackupName, type BackupEntry } from '../backup'
import { invalid, notFound } from '../errors'
import type { Logger } from '../log'
import type { Lifecycle } from './lifecycle'
import { summary, type HostHandlers } from './types'

export type BackupChooser = (fileName: string, field: string, reason?: BackupEntry['reason']) => Promise<BackupEntry>

/** A backup the user chose by name: only a backup's own name (no folders, no '..'), listed in the backups folder. */
export const backupChooser =
  (backupDir: string): BackupChooser =>
  async (fileName, field, reason) => {
    const parsed = parseBackupName(fileName)
    if (!parsed || fileName.includes('/') || fileName.includes('\\') || (reason && parsed.reason !== reason)) {
      throw invalid('Choose a backup from the list.', { [field]: 'Choose a backup from the list' })
    }
    const entry = (await listBackups(backupDir)).find((b) => b.fileName === fileName)
    if (!entry) throw notFound('That backup')
    return entry
  }

export function backupsHandlers({ life, choose, backupDir, now, logger }: { life: Lifecycle; choose: BackupChooser; backupDir: string; now: () => Date; logger: Logger }): HostHandlers<'backups'> {
  /** Restores `entry` over the open practice. */
  const restoreWhileRunning = async (entry: BackupEntry, event: string, channel: string): Promise<BackupRestoreResult> => {
    const result = await life.swapIn(entry.path, channel, event, { reason: entry.reason })
    return { restoredFrom: entry.fileName, preRestoreFileName: result.preRestoreBackup?.fileName ?? null }
  }
  return {
    list: async () => ({ folder: backupDir, backups: (await listBackups(backupDir)).map(summary) }),
    create: async () => {
      const core = life.requireCore()
      const at = now()
      const entry = await createBackup(core.connection.sqlite, backupDir, { now: at, reason: 'manual', key: core.connection.key ?? undefined })
      await applyRetention(backupDir, at, { utcOffsetMinutes: -at.getTimezoneOffset() })
      logger.info('backups.created', { reason: 'manual' })
      return summary(entry)
    },
    restore: async ({ fileName }) => restoreWhileRunning(await choose(fileName, 'fileName'), 'backups.restored', contracts.backups.restore.channel),
    undoRestore: async ({ preRestoreFileName }) =>
      restoreWhileRunning(await choose(preRestoreFileName, 'preRestoreFileName', 'pre-restore'), 'backups.restore_undone', contracts.backups.undoRestore.channel)
  }
}
