import { z } from 'zod'
import { OWNER_ONLY } from '../domain/roles'
import { defineContract } from './contract'
import { timestamp } from './fields'

/** The rule shown beside the field, and checked here and in main alike. */
export const ARCHIVE_PASSPHRASE_MIN = 12
export const ARCHIVE_EXTENSION = '.kaparchive'

export const archivePassphrase = z
  .string({ error: 'Passphrase is required' })
  .min(ARCHIVE_PASSPHRASE_MIN, { error: `Passphrase must be at least ${ARCHIVE_PASSPHRASE_MIN} characters` })
  .max(1024, { error: 'Passphrase must be 1,024 characters or fewer' })

/**
 * An archive is chosen by its file name from `exports:list`, never by a path: the renderer cannot
 * name a file outside the exports folder.
 */
export const archiveFileName = z
  .string({ error: 'Choose an archive from the list' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}\.kaparchive$/, { error: 'Choose an archive from the list' })

export const custodianExportOutput = z.strictObject({
  /** Absolute path of the new folder, shown to the user. */
  folder: z.string(),
  clients: z.int(),
  files: z.int()
})
export type CustodianExportResult = z.infer<typeof custodianExportOutput>

export const archiveExportInput = z.strictObject({ passphrase: archivePassphrase })
export const archiveExportOutput = z.strictObject({ path: z.string(), fileName: z.string(), bytes: z.int(), clients: z.int() })
export type ArchiveExportResult = z.infer<typeof archiveExportOutput>

export const archiveEntry = z.strictObject({ fileName: z.string(), bytes: z.int(), createdAt: timestamp })
export type ArchiveEntry = z.infer<typeof archiveEntry>

export const archiveImportInput = z.strictObject({
  fileName: archiveFileName,
  /** Not length-checked here: an archive made before a rule change must still open. */
  passphrase: z.string({ error: 'Passphrase is required' }).min(1, { error: 'Passphrase is required' }).max(1024)
})
export const archiveImportOutput = z.strictObject({
  restoredFrom: z.string(),
  clients: z.int(),
  archivedClients: z.int(),
  /** File name (in the backups folder) of the practice as it was before the import, to undo it. */
  preImportBackup: z.string().nullable()
})
export type ArchiveImportResult = z.infer<typeof archiveImportOutput>

const practiceWide = { entity: 'practice', target: () => ({ entityId: null, clientId: null }) } as const

export const exportsContracts = {
  /** Every client's records as readable JSON and CSV files in a new folder under exports/. */
  custodian: defineContract('exports:custodian', z.strictObject({}), custodianExportOutput, { roles: OWNER_ONLY, audit: { action: 'export', ...practiceWide } }),
  /** The whole practice database, compressed and encrypted under a passphrase. */
  archive: defineContract('exports:archive', archiveExportInput, archiveExportOutput, { roles: OWNER_ONLY, audit: { action: 'export', ...practiceWide } }),
  /** The archives in the exports folder, newest first. */
  list: defineContract('exports:list', z.strictObject({}), z.array(archiveEntry), { roles: OWNER_ONLY }),
  /** Replaces the practice with an archive's; the current data is kept as a pre-restore backup. */
  importArchive: defineContract('exports:importArchive', archiveImportInput, archiveImportOutput, {
    roles: OWNER_ONLY,
    audit: { action: 'restore', ...practiceWide },
    outsideTransaction: true
  })
}
