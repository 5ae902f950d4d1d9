/** The recovery screen's calls: answered while the practice database cannot be opened. */
import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import { contracts } from '@shared/contracts'
import { restoreBackup, setAsideDatabase } from '../backup'
import { BackupError } from '../backup/sqlite-file'
import { conflict } from '../errors'
import type { Logger } from '../log'
import type { BackupChooser } from './backups'
import type { Lifecycle } from './lifecycle'
import type { HostHandlers } from './types'

export interface RecoveryDeps {
  life: Lifecycle
  choose: BackupChooser
  databasePath: string
  backupDir: string
  migrationsFolder: string
  now: () => Date
  logger: Logger
  afterOpen(channel: string): void
}

export function recoveryHandlers({ life, choose, databasePath, backupDir, migrationsFolder, now, logger, afterOpen }: RecoveryDeps): HostHandlers<'recovery'> {
  const requireRecovery = () => {
    const mode = life.mode()
    if (mode.mode !== 'recovery') throw conflict('The practice database is open; there is nothing to recover.')
    return mode
  }
  return {
    status: () => life.status(),
    retry: async () => {
      if (life.mode().mode === 'recovery') {
        await life.checkAndOpen()
        afterOpen(contracts.recovery.retry.channel)
      }
      return life.status()
    },
    restore: async ({ fileName }) => {
      const current = requireRecovery()
      const entry = await choose(fileName, 'fileName')
      if (current.state === 'locked') {
        // Maybe it was closed since: check again before touching anything.
        await life.checkAndOpen()
        const after = life.mode()
        if (after.mode === 'ready') throw conflict('The practice database opened after all; the backup was not restored.')
        if (after.mode === 'recovery' && after.state === 'locked') throw new BackupError('database_locked', 'locked')
      }
      await restoreBackup({ databasePath, backupPath: entry.path, backupDir, now, key: life.key() ?? undefined, migrationsFolder })
      logger.info('recovery.restored', { reason: entry.reason })
      await life.tryOpen()
      afterOpen(contracts.recovery.restore.channel)
      life.recordRestore(contracts.recovery.restore.channel)
      return life.status()
    },
    startFresh: async () => {
      const current = requireRecovery()
      if (current.state === 'locked') throw new BackupError('database_locked', 'locked')
      let keptAs: string | null = null
      if (existsSync(databasePath) || existsSync(`${databasePath}-wal`) || existsSync(`${databasePath}-journal`)) {
        const aside = await setAsideDatabase(databasePath, backupDir, now())
        keptAs = basename(aside)
        logger.info('recovery.set_aside')
      }
      await life.tryOpen()
      afterOpen(contracts.recovery.startFresh.channel)
      return { ...(await life.status()), keptAs }
    }
  }
}
