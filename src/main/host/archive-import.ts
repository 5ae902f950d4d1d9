/**
 * An archive import into an encrypted practice, served like the host's own calls: the core
 * stages it (decrypt, check, encrypt with this practice's key), then it is swapped in as a
 * restore is. (A plain practice — tests' — imports inside the core instead.)
 */
import { contracts } from '@shared/contracts'
import type { ArchiveImportResult } from '@shared/contracts/exports'
import { BackupError } from '../backup/sqlite-file'
import { conflict } from '../errors'
import type { Lifecycle } from './lifecycle'
import { BACKUP_FAILURE_MESSAGES } from './types'

export const importArchiveContract = contracts.exports.importArchive

export function importArchiveHandler(life: Lifecycle) {
  return async ({ fileName, passphrase }: { fileName: string; passphrase: string }): Promise<ArchiveImportResult> => {
    const staged = await life.requireCore().services.exports.stageImport(fileName, passphrase)
    try {
      let result
      try {
        result = await life.swapIn(staged.path, importArchiveContract.channel, 'exports.imported')
      } catch (err) {
        if (err instanceof BackupError && !BACKUP_FAILURE_MESSAGES[err.code]) throw conflict('The archive could not be imported. Nothing was changed.')
        throw err
      }
      const after = life.mode()
      if (after.mode !== 'ready') throw conflict('The imported practice did not open. Use the recovery screen to restore the pre-import backup.')
      return { ...after.core.services.exports.importedCounts(), restoredFrom: fileName, preImportBackup: result.preRestoreBackup?.fileName ?? null }
    } finally {
      staged.discard()
    }
  }
}
