/**
 * Data portability: a custodian export (every client's records as readable JSON and CSV files,
 * for a records transfer or a professional will) and the practice archive (the whole database,
 * encrypted under a passphrase, to move the practice to another machine).
 *
 * Everything is written under `<dataDir>/exports/` and nowhere else. No electron: the data dir
 * comes in through `ExportsOptions`, which the app, the harness and tests all know.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { join, relative, resolve, sep, isAbsolute } from 'node:path'
import type { ArchiveEntry, ArchiveExportResult, ArchiveImportResult, CustodianExportResult } from '@shared/contracts/exports'
import { ARCHIVE_EXTENSION } from '@shared/contracts/exports'
import { CONSENT_KINDS } from '@shared/domain/consents'
import { SCREENING_ITEMS, type ScreeningItemKey } from '@shared/domain/screening'
import type { ServiceContext } from '../../context'
import { AppFailure, invalid } from '../../errors'
import Database from 'better-sqlite3-multiple-ciphers'
import { BackupError, restoreBackup } from '../../backup'
import { removeDatabaseFiles } from '../../backup/sqlite-file'
import { applyMigrations } from '../../db/migrate'
import { writeEncryptedCopy } from '../../db/encrypted-copy'
import { assertKnownSchema, SchemaMismatchError } from '../../db/schema-check'
import type { ClientsService } from '../clients/service'
import type { ConsentsService } from '../consents/service'
import type { DiagnosesService } from '../diagnoses/service'
import type { InsuranceService } from '../insurance/service'
import type { PracticeService } from '../practice/service'
import type { ScreeningService } from '../screening/service'
import type { CoursesService } from '../courses/service'
import type { MeasuresService } from '../measures/service'
import type { NotesService } from '../notes/service'
import type { SessionsService } from '../sessions/service'
import { noteAsText } from './note-text'
import { ArchiveError, DEFAULT_KDF, MAX_DATABASE_BYTES, openArchive, sealArchive, type KdfParams } from './archive-format'
import { toCsv } from './csv'
import { createExportsRepository } from './repository'

/** The version of the custodian export's JSON shape; bump it when a field changes meaning. */
export const CUSTODIAN_FORMAT_VERSION = 1

export interface ExportsOptions {
  /** The practice's data folder; exports go to `<dataDir>/exports/`. Unset (an in-memory database): exports are refused. */
  dataDir?: string
  /** The live database file, which an import replaces. */
  databasePath?: string
  /** Where the pre-import copy of the practice is kept. */
  backupDir?: string
  /** To bring an archive made by an older version up to date after an import. */
  migrationsFolder?: string
  /** Tests lower the scrypt cost; the app uses the default. */
  kdf?: KdfParams
  /** The data key of an encrypted practice: an imported database is encrypted with it before it replaces the current one. */
  key?: Buffer | null
}

interface Deps {
  clients: ClientsService
  insurance: InsuranceService
  diagnoses: DiagnosesService
  screening: ScreeningService
  consents: ConsentsService
  practice: PracticeService
  sessions: SessionsService
  courses: CoursesService
  notes: NotesService
  measures: MeasuresService
}

const ARCHIVE_NAME_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}\.kaparchive$/
/** Windows opens a device, not a file, for these names with any extension ("NUL.kaparchive"). */
const WINDOWS_RESERVED = /^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\.|$)/i
const ARCHIVE_NAME = { test: (name: string) => ARCHIVE_NAME_SHAPE.test(name) && !WINDOWS_RESERVED.test(name) }
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1')

/** 2026-03-08T15:00:00.000Z → 20260308T150000Z: sorts as text, safe in any file system. */
export const fileStamp = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')

const README = (exportedAt: string, clientCount: number) => `KAP Practice — records export for a custodian
Exported ${exportedAt} (UTC). ${clientCount} client record${clientCount === 1 ? '' : 's'}, archived clients included.

This folder holds protected health information. Keep it on an encrypted disk, share it only
with the person entitled to these records, and delete copies you no longer need.

What is here
  README.txt      this file
  practice.json   the practice profile: practice, provider, NPI, EIN, license, address
  clients.csv     one line per client: name, date of birth, status, archive state, and the
                  folder holding that client's records
  <client ID>/    one folder per client, named by the client's record ID (not the name, so
                  folder listings, backups and sync logs never show who the clients are;
                  clients.csv maps each folder to its client):
      client.json     the whole record: demographics, contact details, emergency contact,
                      ride-home escort, prescriber, status and intake, archive state,
                      insurance policies, diagnoses (lettered A–L as on a superbill; removed
                      ones kept without a letter), contraindication screening (current answers
                      and every earlier answer), consents (revoked ones included),
                      treatment courses, sessions oldest first with their notes in full
                      (structured content, signer, signing time, content hash, addenda),
                      and measures (item answers, totals, bands, change from baseline)
      insurance.csv   insurance policies, archived ones included
      diagnoses.csv   diagnoses in their order
      screening.csv   screening answers: the current one per item, then earlier answers
      consents.csv    consents, revoked ones included
      sessions.csv    sessions, oldest first, with their status and whether a note is signed
      measures.csv    PHQ-9, GAD-7 and PCL-5 results with their item answers
      notes.txt       every note as it reads on paper, oldest first, each with its signature
                      and addenda; an unsigned draft says so (only when the client has notes)

Formats
  JSON files are UTF-8 and carry "formatVersion": ${CUSTODIAN_FORMAT_VERSION}. Dates are YYYY-MM-DD; times are
  ISO 8601 in UTC. A missing value is null.
  CSV files are UTF-8 with a byte-order mark (so spreadsheet apps read accents), comma-separated,
  with a header row; a value holding a comma, quote or line break is in double quotes, with
  quotes doubled. A value that begins with = + - or @ is prefixed with ' so a spreadsheet shows
  it as text.
`

/** Every path written is checked to be inside the exports folder. */
const inside = (root: string, ...parts: string[]): string => {
  const path = resolve(root, ...parts)
  const rel = relative(root, path)
  if (!rel || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) throw new AppFailure('internal', 'An export path left the exports folder.')
  return path
}

const writeNew = (path: string, content: string | Buffer) => writeFileSync(path, content, { flag: 'wx', mode: 0o600 })

const label = (key: string) => SCREENING_ITEMS[key as ScreeningItemKey] ?? key
const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n'
const damaged = () => invalid('The archive is damaged and cannot be opened.', { fileName: 'The archive is damaged and cannot be opened.' })
/** When the newest migration a database has applied was made (drizzle's folderMillis). */
const newestMigration = (q: { prepare(s: string): { get(): unknown } }) =>
  Number((q.prepare('SELECT max(created_at) AS at FROM "__drizzle_migrations"').get() as { at: number | null }).at ?? 0)

/** Staged imports are `.import-<uuid>.db` in the exports folder; start-up removes any a crash left. */
const IMPORT_PREFIX = '.import-'

/** An archive's database, in memory: whole, ours, exactly our schema, and not from a newer version. */
function checkImported(copy: Database.Database, current: { prepare(s: string): { get(): unknown } }, migrationsFolder: string | undefined): void {
  const newer = 'This archive was made by a newer version of KAP Practice; update the app to import it.'
  if (copy.pragma('integrity_check', { simple: true }) !== 'ok') throw damaged()
  if ((copy.pragma("table_info('__drizzle_migrations')") as unknown[]).length === 0) throw damaged()
  if (newestMigration(copy) > newestMigration(current)) throw invalid(newer, { fileName: newer })
  if (!migrationsFolder) return
  try {
    assertKnownSchema(copy, migrationsFolder)
  } catch (err) {
    if (!(err instanceof SchemaMismatchError)) throw err
    if (err.problem === 'newer_version') throw invalid(newer, { fileName: newer })
    const message = 'This archive was not made by KAP Practice, or was changed since; it cannot be imported.'
    throw invalid(message, { fileName: message })
  }
}

const NOTE_SEPARATOR = `\n\n${'='.repeat(72)}\n\n`

/** The first name not yet taken: `base`, then `base-1`, `base-2`… */
const freePath = (dir: string, base: string, ext: string): string => {
  for (let n = 0; ; n++) {
    const path = inside(dir, `${base}${n === 0 ? '' : `-${n}`}${ext}`)
    if (!existsSync(path)) return path
  }
}

/** An archive decrypted and checked, waiting to replace the practice. */
export interface StagedImport {
  path: string
  fileName: string
  discard(): void
}

export function createExportsService(ctx: ServiceContext, deps: Deps, options: ExportsOptions = {}) {
  const repo = createExportsRepository(ctx.db)
  const kdf = options.kdf ?? DEFAULT_KDF

  const exportsDir = (): string => {
    if (!options.dataDir) throw new AppFailure('conflict', 'Exports need the practice to be stored in a data folder.')
    const dir = resolve(options.dataDir, 'exports')
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    return dir
  }

  const clientRecord = (id: string) => {
    const { client: c } = deps.clients.get(id)
    const insurance = deps.insurance.list(id, true)
    const diagnoses = deps.diagnoses.list(id, true)
    const screening = deps.screening.get(id)
    const history = repo.screeningHistory(id)
    const consents = deps.consents.list(id)
    const record = {
      formatVersion: CUSTODIAN_FORMAT_VERSION,
      kind: 'kap-practice/client',
      id: c.id,
      demographics: {
        legalFirstName: c.legalFirstName,
        legalLastName: c.legalLastName,
        preferredName: c.preferredName,
        pronouns: c.pronouns,
        dateOfBirth: c.dateOfBirth,
        sex: c.sex
      },
      contact: {
        email: c.email,
        phone: c.phone,
        addressLine1: c.addressLine1,
        addressLine2: c.addressLine2,
        city: c.city,
        state: c.state,
        postalCode: c.postalCode
      },
      emergencyContact: { name: c.emergencyContactName, relationship: c.emergencyContactRelationship, phone: c.emergencyContactPhone },
      rideHomeEscort: { name: c.escortName, relationship: c.escortRelationship, phone: c.escortPhone },
      prescriber: { name: c.prescriberName, npi: c.prescriberNpi, phone: c.prescriberPhone },
      care: { status: c.status, intakeDate: c.intakeDate, referralSource: c.referralSource, notes: c.notes },
      archive: { archived: c.archivedAt !== null, archivedAt: c.archivedAt, reason: c.archiveReason },
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      insurancePolicies: insurance,
      diagnoses: diagnoses.map(({ clientId: _c, ...d }) => d),
      screening: {
        current: screening.map(({ itemKey, ...s }) => ({ item: itemKey, label: label(itemKey), ...s })),
        history: history.map((h) => ({
          item: h.itemKey,
          label: label(h.itemKey),
          answer: h.answer,
          note: h.note,
          reviewedBy: h.reviewedBy,
          reviewedOn: h.reviewedOn,
          recordedAt: h.createdAt,
          supersededAt: h.supersededAt
        }))
      },
      consents: consents.map(({ clientId: _c, ...k }) => ({ ...k, kindLabel: CONSENT_KINDS[k.kind], revoked: k.revokedOn !== null })),
      courses: deps.courses.list(id).map(({ clientId: _c, ...course }) => course),
      // Oldest first, as a chart is read; each with its notes in full (body, signature, addenda).
      sessions: deps.sessions
        .list(id)
        .toReversed()
        .map(({ clientId: _c, notes, ...session }) => ({
          ...session,
          notes: notes.map((n) => {
            const { clientId: _n, session: _s, signingProblems: _p, dosingWarnings: _w, safetyFlags: _f, ...full } = deps.notes.get(n.id)
            return full
          })
        })),
      measures: deps.measures.list(id).map(({ clientId: _c, ...m }) => m)
    }
    return { client: c, record }
  }

  /**
   * The custodian export one client at a time, for a job's progress bar: yields after each
   * client record (done of total, the last step being the index). The folder is written under
   * `<name>.partial` and renamed when complete, so a stopped export never looks finished.
   * The caller holds one read transaction across the steps.
   */
  function* custodianSteps(): Generator<{ done: number; total: number }, CustodianExportResult> {
    const root = exportsDir()
    const at = ctx.now()
    const exportedAt = at.toISOString()
    const folder = freePath(root, `custodian-${fileStamp(at)}`, '')
    const staging = `${folder}.partial`
    rmSync(staging, { recursive: true, force: true })
    mkdirSync(staging, { mode: 0o700 })
    let files = 0
    const write = (parts: string[], content: string) => {
      writeNew(inside(staging, ...parts), content)
      files++
    }
    try {
      const ids = repo.allClientIds()
      const total = ids.length + 1
      write(['README.txt'], README(exportedAt, ids.length))
      write(['practice.json'], json({ formatVersion: CUSTODIAN_FORMAT_VERSION, kind: 'kap-practice/practice', exportedAt, clientCount: ids.length, practice: deps.practice.get() }))
      const index: Array<Record<string, string | null>> = []
      for (const id of ids) {
        if (!UUID.test(id)) throw new AppFailure('internal', 'A client record has an unexpected ID; the export was stopped.')
        const { client: c, record } = clientRecord(id)
        mkdirSync(inside(staging, id), { mode: 0o700 })
        write([id, 'client.json'], json({ ...record, exportedAt }))
        write(
          [id, 'insurance.csv'],
          toCsv(
            ['rank', 'payerName', 'payerId', 'memberId', 'groupNumber', 'relationship', 'subscriberName', 'subscriberDateOfBirth', 'archivedAt', 'createdAt', 'updatedAt'],
            record.insurancePolicies
          )
        )
        write([id, 'diagnoses.csv'], toCsv(['letter', 'code', 'description', 'isPrimary', 'addedAt', 'removedAt'], record.diagnoses))
        write(
          [id, 'screening.csv'],
          toCsv(
            ['item', 'label', 'current', 'answer', 'note', 'reviewedBy', 'reviewedOn', 'supersededAt'],
            [
              ...record.screening.current.map((s) => ({ ...s, current: 'yes', supersededAt: null })),
              ...record.screening.history.map((h) => ({ ...h, current: 'no' }))
            ]
          )
        )
        write([id, 'consents.csv'], toCsv(['kind', 'kindLabel', 'version', 'signedOn', 'witness', 'notes', 'revoked', 'revokedOn', 'createdAt'], record.consents))
        write(
          [id, 'sessions.csv'],
          toCsv(
            ['date', 'startTime', 'durationMinutes', 'kind', 'placeOfService', 'status', 'noteStatus', 'courseId', 'id'],
            record.sessions.map(({ notes: _n, ...session }) => session)
          )
        )
        write(
          [id, 'measures.csv'],
          toCsv(
            ['administeredOn', 'kind', 'total', 'bandLabel', 'safetyFlag', 'answers', 'changePercent', 'response', 'remission', 'voidedAt', 'voidReason'],
            record.measures.map(({ baseline: _b, ...m }) => ({ ...m, answers: m.answers.join(' ') }))
          )
        )
        const notes = record.sessions.flatMap((session) => session.notes.map((n) => noteAsText({ ...n, session })))
        if (notes.length > 0) write([id, 'notes.txt'], `${notes.join(NOTE_SEPARATOR)}\n`)
        index.push({
          folder: id,
          id,
          legalLastName: c.legalLastName,
          legalFirstName: c.legalFirstName,
          preferredName: c.preferredName,
          dateOfBirth: c.dateOfBirth,
          status: c.status,
          intakeDate: c.intakeDate,
          archived: c.archivedAt ? 'yes' : 'no',
          archivedAt: c.archivedAt,
          archiveReason: c.archiveReason
        })
        yield { done: index.length, total }
      }
      write(
        ['clients.csv'],
        toCsv(['folder', 'id', 'legalLastName', 'legalFirstName', 'preferredName', 'dateOfBirth', 'status', 'intakeDate', 'archived', 'archivedAt', 'archiveReason'], index)
      )
      renameSync(staging, folder)
      yield { done: total, total }
      return { folder, clients: ids.length, files }
    } catch (err) {
      // A half-written export is worse than none: nothing about it may look complete.
      rmSync(staging, { recursive: true, force: true })
      throw err
    } finally {
      // A generator left before its end (a cancelled job) runs this too.
      if (existsSync(staging)) rmSync(staging, { recursive: true, force: true })
    }
  }

  return {
    /**
     * Writes one CSV file into the exports folder under a name not yet taken (the accountant's
     * billing export uses it); the name carries no client data.
     */
    writeCsv(baseName: string, content: string): { path: string; fileName: string; bytes: number } {
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$/.test(baseName)) throw new AppFailure('internal', 'An export name is not a plain file name.')
      const path = freePath(exportsDir(), `${baseName}-${fileStamp(ctx.now())}`, '.csv')
      writeNew(path, content)
      return { path, fileName: relative(exportsDir(), path), bytes: Buffer.byteLength(content) }
    },

    /**
     * Writes one document's PDF into the exports folder under `fileName`: to a temporary name first,
     * then renamed, so a crash never leaves half a file under the real name. A document's name is its
     * number, so downloading it again replaces its file with the same bytes.
     */
    writeDocument(fileName: string, content: Buffer): { path: string; fileName: string; bytes: number } {
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.(pdf|ics)$/.test(fileName)) throw new AppFailure('internal', 'An export name is not a plain file name.')
      const root = exportsDir()
      const path = inside(root, fileName)
      const partial = inside(root, `.${randomUUID()}.partial`)
      try {
        writeNew(partial, content)
        renameSync(partial, path)
      } finally {
        rmSync(partial, { force: true })
      }
      return { path, fileName, bytes: content.length }
    },

    /** Writes a new custodian folder; runs inside dispatch's transaction, so it reads one consistent state. */
    custodian(): CustodianExportResult {
      const steps = custodianSteps()
      for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value
    },
    custodianSteps,

    /**
     * The whole database as one encrypted file. The snapshot is taken with sqlite3_serialize inside
     * dispatch's transaction — a consistent copy held in memory only, so no plaintext file is ever
     * written — marked as a rollback-journal database, deflated and sealed (archive-format.ts).
     */
    archive(passphrase: string): ArchiveExportResult {
      const root = exportsDir()
      const snapshot = ctx.sqlite.serialize()
      // Header bytes 18–19: 2 = WAL. The copy is a single file; opened elsewhere it must not look for a WAL.
      snapshot[18] = 1
      snapshot[19] = 1
      const sealed = sealArchive(snapshot, passphrase, kdf)
      snapshot.fill(0)
      const path = freePath(root, `kap-practice-${fileStamp(ctx.now())}`, ARCHIVE_EXTENSION)
      const partial = `${path}.partial`
      try {
        writeNew(partial, sealed)
        renameSync(partial, path)
      } finally {
        rmSync(partial, { force: true })
      }
      const clients = (ctx.sqlite.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n
      return { path, fileName: path.slice(root.length + 1), bytes: sealed.length, clients }
    },

    /** The archives in the exports folder, newest first. */
    list(): ArchiveEntry[] {
      const root = exportsDir()
      const entries: ArchiveEntry[] = []
      for (const name of readdirSync(root)) {
        if (!ARCHIVE_NAME.test(name)) continue
        const info = statSync(join(root, name), { throwIfNoEntry: false })
        if (!info?.isFile()) continue
        entries.push({ fileName: name, bytes: info.size, createdAt: info.mtime.toISOString() })
      }
      return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName))
    },

    /**
     * Decrypts and checks an archive, ready to replace the practice: decrypt into memory →
     * integrity_check, "is a KAP Practice database", not from a newer version, exactly our schema
     * → a temp file in the exports folder, encrypted from its first byte when the practice is.
     * Changes nothing; `discard()` removes the temp file whatever happens next.
     */
    async stageImport(fileName: string, passphrase: string): Promise<StagedImport> {
      const root = exportsDir()
      if (!ARCHIVE_NAME.test(fileName)) throw invalid('Choose an archive from the list', { fileName: 'Choose an archive from the list' })
      const archivePath = inside(root, fileName)
      if (!existsSync(archivePath)) throw invalid('That archive is no longer in the exports folder', { fileName: 'That archive is no longer in the exports folder' })

      let plain: Buffer
      try {
        // The size first: a file larger than any archive we write is not read into memory at all.
        if (statSync(archivePath).size > MAX_DATABASE_BYTES) throw new ArchiveError('too_large', 'This archive is larger than KAP Practice can import.')
        plain = await openArchive(readFileSync(archivePath), passphrase, { accept: [DEFAULT_KDF, kdf] })
      } catch (err) {
        if (!(err instanceof ArchiveError)) throw err
        const field = err.code === 'wrong_passphrase' ? 'passphrase' : 'fileName'
        throw invalid(err.message, { [field]: err.message })
      }
      if (!plain.subarray(0, 16).equals(SQLITE_MAGIC)) throw damaged()

      // Checked in memory: a decrypted database never touches the disk of an encrypted practice.
      let copy: Database.Database
      try {
        copy = new Database(plain)
      } catch {
        throw damaged()
      }
      const temp = inside(root, `${IMPORT_PREFIX}${randomUUID()}.db`)
      const discard = () => removeDatabaseFiles(temp)
      try {
        checkImported(copy, ctx.sqlite, options.migrationsFolder)
        if (options.key) writeEncryptedCopy(copy, temp, options.key)
        else writeNew(temp, plain)
        return { path: temp, fileName, discard }
      } catch (err) {
        discard()
        throw err
      } finally {
        copy.close()
        plain.fill(0)
      }
    },

    /**
     * Replaces a plain practice with an archive's while this core stays open (the backup API
     * writes into the live file). The current data is kept as a pre-restore backup first; any
     * failure before the restore changes nothing. An encrypted practice cannot be replaced under
     * an open connection: the host closes the core and restores the staged file instead.
     */
    async importArchive(fileName: string, passphrase: string): Promise<ArchiveImportResult> {
      const databasePath = options.databasePath
      const backupDir = options.backupDir ?? (options.dataDir ? join(options.dataDir, 'backups') : undefined)
      if (!databasePath || databasePath === ':memory:' || !backupDir) throw new AppFailure('conflict', 'Imports need the practice to be stored in a data folder.')
      if (options.key) throw new AppFailure('conflict', 'An encrypted practice is imported by closing it first.')
      const staged = await this.stageImport(fileName, passphrase)
      try {
        let result
        try {
          result = await restoreBackup({ databasePath, backupPath: staged.path, backupDir, now: ctx.now, migrationsFolder: options.migrationsFolder })
        } catch (err) {
          if (err instanceof BackupError) throw new AppFailure('conflict', `${err.message}.`)
          throw err
        }
        if (options.migrationsFolder) await applyMigrations(ctx.sqlite, options.migrationsFolder, { backupDir, now: ctx.now })
        return { ...this.importedCounts(), restoredFrom: fileName, preImportBackup: result.preRestoreBackup?.fileName ?? null }
      } finally {
        staged.discard()
      }
    },

    /** What an import brought in, as the Data export screen reports it. */
    importedCounts(): { clients: number; archivedClients: number } {
      const counts = ctx.sqlite.prepare('SELECT count(*) AS clients, count(archived_at) AS archived FROM clients').get() as { clients: number; archived: number }
      return { clients: counts.clients, archivedClients: counts.archived }
    }
  }
}
export type ExportsService = ReturnType<typeof createExportsService>
