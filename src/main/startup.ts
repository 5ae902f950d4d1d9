/**
 * Start-up, in one function for the Electron main process and the e2e harness alike:
 * check the database file → open the app core, or, when the file is damaged, locked or lost,
 * stay in RECOVERY mode and serve the recovery screen's calls instead of crashing.
 *
 * The host is the mutable "current core": every IPC (or harness) call goes through host.call,
 * which sends `recovery:*` and `backups:*` to the handlers here and everything else to the
 * practice router once the core is open — and answers 'The practice database is not open' before
 * that. `backups:restore` swaps the core while the app runs: close → restore → open again.
 * No electron.
 */
import { mkdir } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import { allContracts, contracts, type Contract, type Result } from '@shared/contracts'
import type { BackupRestoreResult, BackupsList } from '@shared/contracts/backups'
import type { BackupSummary, DatabaseStateName, RecoveryStatus } from '@shared/contracts/recovery'
import { openApp, type AppCore, type OpenAppOptions } from './app'
import { applyRetention, checkDatabaseAtStartup, createBackup, listBackups, parseBackupName, restoreBackup, setAsideDatabase, type BackupEntry } from './backup'
import { stateForError } from './backup/inspect'
import { BackupError, sqliteCode } from './backup/sqlite-file'
import { AppFailure, conflict, invalid, notFound } from './errors'
import { fieldErrors } from './ipc/dispatch'
import { consoleLogger, type Logger } from './log'
import { backupDirIn, databasePathIn } from './paths'

export interface StartCoreOptions {
  /** Holds practice.db and backups/ (created if missing). */
  dataDir: string
  migrationsFolder?: string
  logger?: Logger
  validateOutput?: boolean
  context?: OpenAppOptions['context']
  /** The clock for names of set-aside files (tests fix it). */
  now?: () => Date
}

export type HostMode = { mode: 'ready'; core: AppCore } | { mode: 'recovery'; state: Exclude<DatabaseStateName, 'ok'>; detail?: string }

export interface CoreHost {
  readonly dataDir: string
  readonly databasePath: string
  readonly backupDir: string
  /** Where start-up stands now: ready with a core, or in recovery. */
  current(): HostMode
  /** The open core, or null while in recovery. */
  readonly core: AppCore | null
  /** Every channel, as the renderer calls it: untrusted input in, envelope out; never throws. */
  call(channel: string, input?: unknown): Promise<Result<unknown>>
  /** Called once when the core opens (at start-up, or after a restore / fresh start / retry). */
  onReady(listener: (core: AppCore) => void): () => void
  close(): void
}

export const NOT_OPEN_MESSAGE = 'The practice database is not open.'
const notOpen = (): Result<unknown> => ({ ok: false, error: { code: 'conflict', message: NOT_OPEN_MESSAGE } })
/** A backup as the renderer sees it: its name, never its path. */
const summary = (b: BackupEntry): BackupSummary => ({ fileName: b.fileName, createdAt: b.createdAt.toISOString(), reason: b.reason, bytes: b.bytes })

export const SWAPPING_MESSAGE = 'A backup is being restored. Try again in a moment.'

const BACKUP_FAILURE_MESSAGES: Record<string, { code: 'conflict' | 'invalid_input'; message: string }> = {
  backup_not_usable: { code: 'invalid_input', message: 'That backup is damaged or unreadable. Choose another one.' },
  not_a_practice_database: { code: 'invalid_input', message: 'That file is not a KAP Practice backup. Choose another one.' },
  file_missing: { code: 'invalid_input', message: 'That backup is no longer in the backups folder. Choose another one.' },
  database_locked: { code: 'conflict', message: 'The database is in use by another program. Close it, then try again.' },
  database_in_use: { code: 'conflict', message: 'The database is in use by another program. Close it, then try again.' },
  restored_database_failed_check: {
    code: 'conflict',
    message: 'The restored database failed its check. Your earlier database was kept in the backups folder; choose another backup.'
  }
}

/**
 * Opens the practice in `dataDir`. Resolves to a host in 'ready' mode, or in 'recovery' mode
 * when the database is corrupt, not a database, locked, or missing although backups exist.
 * Throws only for faults of the installation itself (no migrations), never for a damaged file.
 */
export async function startCore(options: StartCoreOptions): Promise<CoreHost> {
  const logger = options.logger ?? consoleLogger
  const now = options.now ?? (() => new Date())
  const dataDir = options.dataDir
  const databasePath = databasePathIn(dataDir)
  const backupDir = backupDirIn(dataDir)
  await mkdir(backupDir, { recursive: true })

  let mode: HostMode = { mode: 'recovery', state: 'missing' }
  let closed = false
  const listeners = new Set<(core: AppCore) => void>()

  const becomeReady = (core: AppCore) => {
    if (closed) {
      core.close()
      return
    }
    mode = { mode: 'ready', core }
    logger.info('startup.ready')
    for (const listener of listeners) listener(core)
  }
  const enterRecovery = (state: Exclude<DatabaseStateName, 'ok'>, detail?: string) => {
    mode = { mode: 'recovery', state, detail }
    // A fixed state and code only: never a path or a message.
    logger.error('startup.recovery', { state, detail: detail ?? null })
  }

  /** Opens the core on the file as it is now; a SQLite failure means recovery, anything else is thrown. */
  const tryOpen = async (): Promise<boolean> => {
    try {
      const core = await openApp({
        databasePath,
        migrationsFolder: options.migrationsFolder,
        backupDir,
        logger,
        validateOutput: options.validateOutput,
        context: options.context
      })
      becomeReady(core)
      return true
    } catch (err) {
      const code = sqliteCode(err)
      if (!code) throw err
      const state = stateForError(code)
      enterRecovery(state === 'ok' || state === 'missing' ? 'corrupt' : state, code)
      return false
    }
  }

  /** Check, then open — or stay in recovery with the reason. */
  const checkAndOpen = async (): Promise<void> => {
    const check = await checkDatabaseAtStartup(databasePath, backupDir)
    if (check.needsRecovery) {
      enterRecovery(check.state === 'ok' ? 'corrupt' : check.state, check.detail)
      return
    }
    await tryOpen()
  }

  const status = async (): Promise<RecoveryStatus> => ({
    state: mode.mode === 'ready' ? 'ok' : mode.state,
    backups: (await listBackups(backupDir).catch(() => [])).map(summary)
  })

  /** A backup the user chose by name: only a backup's own name (no folders, no '..'), listed in the backups folder. */
  const chosenBackup = async (fileName: string, field: string, reason?: BackupEntry['reason']): Promise<BackupEntry> => {
    const parsed = parseBackupName(fileName)
    if (!parsed || fileName.includes('/') || fileName.includes('\\') || (reason && parsed.reason !== reason)) {
      throw invalid('Choose a backup from the list.', { [field]: 'Choose a backup from the list' })
    }
    const entry = (await listBackups(backupDir)).find((b) => b.fileName === fileName)
    if (!entry) throw notFound('That backup')
    return entry
  }

  const requireRecovery = () => {
    if (mode.mode === 'ready') throw conflict('The practice database is open; there is nothing to recover.')
    return mode
  }

  const handlers: Record<keyof typeof contracts.recovery, (input: Record<string, unknown>) => Promise<unknown>> = {
    status: () => status(),
    retry: async () => {
      if (mode.mode === 'recovery') await checkAndOpen()
      return status()
    },
    restore: async (input) => {
      const current = requireRecovery()
      const entry = await chosenBackup(String(input.fileName), 'fileName')
      if (current.state === 'locked') {
        // Maybe it was closed since: check again before touching anything.
        await checkAndOpen()
        if (mode.mode === 'ready') throw conflict('The practice database opened after all; the backup was not restored.')
        if (mode.state === 'locked') throw new BackupError('database_locked', 'locked')
      }
      await restoreBackup({ databasePath, backupPath: entry.path, backupDir, now })
      logger.info('recovery.restored', { reason: entry.reason })
      await tryOpen()
      return status()
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
      await tryOpen()
      return { ...(await status()), keptAs }
    }
  }

  /** While a restore swaps the core, practice calls wait for nothing: they are told to try again. */
  let swapping = false
  const requireCore = (): AppCore => {
    if (mode.mode !== 'ready') throw conflict(NOT_OPEN_MESSAGE)
    return mode.core
  }

  /** Restores `entry` over the open practice: close the core → restore (keeping a pre-restore copy) → open it again. */
  const restoreWhileRunning = async (entry: BackupEntry, event: string): Promise<BackupRestoreResult> => {
    const core = requireCore()
    swapping = true
    try {
      core.close()
      mode = { mode: 'recovery', state: 'missing' }
      try {
        const result = await restoreBackup({ databasePath, backupPath: entry.path, backupDir, now })
        logger.info(event, { reason: entry.reason })
        return { restoredFrom: entry.fileName, preRestoreFileName: result.preRestoreBackup?.fileName ?? null }
      } finally {
        // Restored or not (a refused backup changes nothing), the practice opens again — or, if the
        // file is now unusable, the recovery screen takes over with the backups.
        await checkAndOpen()
      }
    } finally {
      swapping = false
    }
  }

  const backupHandlers: Record<keyof typeof contracts.backups, (input: Record<string, unknown>) => Promise<unknown>> = {
    list: async (): Promise<BackupsList> => ({ folder: backupDir, backups: (await listBackups(backupDir)).map(summary) }),
    create: async (): Promise<BackupSummary> => {
      const core = requireCore()
      const at = now()
      const entry = await createBackup(core.connection.sqlite, backupDir, { now: at, reason: 'manual' })
      await applyRetention(backupDir, at, { utcOffsetMinutes: -at.getTimezoneOffset() })
      logger.info('backups.created', { reason: 'manual' })
      return summary(entry)
    },
    restore: async (input) => restoreWhileRunning(await chosenBackup(String(input.fileName), 'fileName'), 'backups.restored'),
    undoRestore: async (input) =>
      restoreWhileRunning(await chosenBackup(String(input.preRestoreFileName), 'preRestoreFileName', 'pre-restore'), 'backups.restore_undone')
  }

  const recoveryRoutes = new Map<string, { contract: Contract; handler: (input: Record<string, unknown>) => Promise<unknown> }>()
  for (const [verb, contract] of Object.entries(contracts.recovery)) {
    recoveryRoutes.set(contract.channel, { contract, handler: handlers[verb as keyof typeof handlers] })
  }
  for (const [verb, contract] of Object.entries(contracts.backups)) {
    recoveryRoutes.set(contract.channel, { contract, handler: backupHandlers[verb as keyof typeof backupHandlers] })
  }
  const known = new Set(allContracts().map((c) => c.channel))

  /** Recovery calls run one at a time: a double click never restores twice. */
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task, task)
    queue = result.catch(() => undefined)
    return result
  }

  const callRecovery = async (route: { contract: Contract; handler: (input: Record<string, unknown>) => Promise<unknown> }, rawInput: unknown): Promise<Result<unknown>> => {
    const parsed = route.contract.input.safeParse(rawInput ?? {})
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_input', message: 'Choose a backup from the list.', fields: fieldErrors(parsed.error) } }
    }
    try {
      const value = await serial(() => route.handler(parsed.data as Record<string, unknown>))
      if (options.validateOutput && !route.contract.output.safeParse(value).success) {
        logger.error('recovery.output_invalid', { channel: route.contract.channel })
        return { ok: false, error: { code: 'internal', message: 'The app produced an unexpected answer. Please try again.' } }
      }
      return { ok: true, value }
    } catch (err) {
      if (err instanceof AppFailure) return { ok: false, error: err.toError() }
      if (err instanceof BackupError) {
        logger.error('recovery.failed', { channel: route.contract.channel, code: err.code })
        return { ok: false, error: BACKUP_FAILURE_MESSAGES[err.code] ?? { code: 'internal', message: 'The backup could not be restored. Nothing was changed.' } }
      }
      const e = err as { name?: string; code?: string }
      logger.error('recovery.failed', { channel: route.contract.channel, name: e?.name ?? 'unknown', code: typeof e?.code === 'string' ? e.code : null })
      return { ok: false, error: { code: 'internal', message: 'Something went wrong. Your data has not been changed. Please try again.' } }
    }
  }

  await checkAndOpen()

  return {
    dataDir,
    databasePath,
    backupDir,
    current: () => mode,
    get core() {
      return mode.mode === 'ready' ? mode.core : null
    },
    async call(channel, input) {
      const route = recoveryRoutes.get(channel)
      if (route) return callRecovery(route, input)
      if (swapping && known.has(channel)) return { ok: false, error: { code: 'conflict', message: SWAPPING_MESSAGE } }
      if (mode.mode === 'ready') return mode.core.call(channel, input)
      return known.has(channel) ? notOpen() : { ok: false, error: { code: 'not_found', message: 'That action is not available.' } }
    },
    onReady(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close() {
      closed = true
      if (mode.mode === 'ready') mode.core.close()
      listeners.clear()
    }
  }
}
