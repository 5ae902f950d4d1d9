/**
 * Start-up, in one function for the Electron main process and the e2e harness alike:
 * read the keyring → wait for first-run setup or a sign-in, whose passphrase yields the data key
 * (src/main/auth/gate.ts) → check the database file → open the app core, or, when the file is
 * damaged, locked or lost, stay in RECOVERY mode and serve the recovery screen's calls instead
 * of crashing. Signing out closes the core and forgets the key.
 *
 * The host is the mutable "current core": every IPC (or harness) call goes through host.call,
 * which sends `recovery:*` and `backups:*` to the handlers here and everything else to the
 * practice router once the core is open — and answers 'The practice database is not open' before
 * that. `backups:restore` swaps the core while the app runs: close → restore → open again.
 * No electron.
 */
import { mkdir } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { basename, join } from 'node:path'
import { allContracts, contracts, type Contract, type Result } from '@shared/contracts'
import type { BackupRestoreResult, BackupsList } from '@shared/contracts/backups'
import type { BackupSummary, DatabaseStateName, RecoveryStatus } from '@shared/contracts/recovery'
import { defaultMigrationsFolder, openApp, type AppCore, type OpenAppOptions } from './app'
import { applyRetention, checkDatabaseAtStartup, createBackup, listBackups, parseBackupName, restoreBackup, setAsideDatabase, type BackupEntry } from './backup'
import { stateForError } from './backup/inspect'
import { BackupError, sqliteCode } from './backup/sqlite-file'
import { AppFailure, conflict, fieldErrors, invalid, notFound, SIGN_IN_MESSAGE } from './errors'
import { createAuthGate, type AuthGate } from './auth/gate'
import { authorize } from './ipc/authorize'
import { WrongKeyError } from './security/errors'
import { validatesOutput, type OutputValidation } from './ipc/dispatch'
import { consoleLogger, type LogFacts, type Logger } from './log'
import { removeStaleTemporaries } from './backup/stale'
import { backupDirIn, databasePathIn } from './paths'
import { encryptPracticeFiles } from './security/encrypt-file'
import { keyringPathIn, type KdfParams } from './security/keyring'
import { openDatabase } from './db/connection'
import { scheduleWarmUp } from './warm-up'

export interface StartCoreOptions {
  /** Holds practice.db and backups/ (created if missing). */
  dataDir: string
  migrationsFolder?: string
  logger?: Logger
  validateOutput?: OutputValidation
  context?: OpenAppOptions['context']
  /** The clock for names of set-aside files, sign-in delays and idle locking (tests fix it). */
  now?: () => Date
  /** The keyring's scrypt cost for new slots; tests and the e2e harness lower it. */
  kdf?: KdfParams
}

export type HostMode =
  | { mode: 'ready'; core: AppCore }
  | { mode: 'recovery'; state: Exclude<DatabaseStateName, 'ok'>; detail?: string }
  /** Nobody has signed in (or set up) yet: the database is not open and its key not known. */
  | { mode: 'closed' }

export interface CoreHost {
  readonly dataDir: string
  readonly databasePath: string
  readonly backupDir: string
  /** Where start-up stands now: ready with a core, or in recovery. */
  current(): HostMode
  /** The open core, or null while in recovery or signed out. */
  readonly core: AppCore | null
  /** Setup, sign-in, lock and users (the keyring). */
  readonly auth: AuthGate
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

/** The host calls that answer whatever the idle time: they sign in, unlock, sign out, lock, or only report. */
const ANSWERS_WHILE_IDLE = new Set(
  [contracts.auth.status, contracts.auth.setup, contracts.auth.signIn, contracts.auth.unlock, contracts.auth.recover, contracts.auth.signOut, contracts.auth.lock, contracts.auth.touch].map(
    (c) => c.channel
  )
)

export const SWAPPING_MESSAGE = 'A backup is being restored. Try again in a moment.'

const BACKUP_FAILURE_MESSAGES: Record<string, { code: 'conflict' | 'invalid_input'; message: string }> = {
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
  const stale = removeStaleTemporaries([dataDir, backupDir, join(dataDir, 'exports')])
  if (stale > 0) logger.info('startup.stale_temporaries_removed', { count: stale })
  // A fault of the installation, found now rather than at the first sign-in.
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder()
  if (!existsSync(join(migrationsFolder, 'meta', '_journal.json'))) throw new Error('No migrations found: the app is incomplete')

  let mode: HostMode = { mode: 'closed' }
  /** The data key of the practice being opened or open; null when closed. */
  let key: Buffer | null = null
  /** Read through a function where TypeScript would keep a narrowing made before an await. */
  const currentMode = (): HostMode => mode
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
    scheduleWarmUp(core, () => {
      const current = currentMode()
      return !closed && current.mode === 'ready' && current.core === core
    })
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
        key: key ?? undefined,
        migrationsFolder: options.migrationsFolder,
        backupDir,
        logger,
        validateOutput: options.validateOutput,
        context: { ...options.context, actor: () => gate.actor() }
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
    const check = await checkDatabaseAtStartup(databasePath, backupDir, { key: key ?? undefined })
    if (check.needsRecovery) {
      enterRecovery(check.state === 'ok' ? 'corrupt' : check.state, check.detail)
      return
    }
    await tryOpen()
  }

  const status = async (): Promise<RecoveryStatus> => ({
    state: mode.mode === 'recovery' ? mode.state : 'ok',
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
    if (mode.mode !== 'recovery') throw conflict('The practice database is open; there is nothing to recover.')
    return mode
  }

  const handlers: Record<keyof typeof contracts.recovery, (input: Record<string, unknown>) => Promise<unknown>> = {
    status: () => status(),
    retry: async () => {
      if (mode.mode === 'recovery') {
        await checkAndOpen()
        gate.afterOpen('recovery:retry', false)
      }
      return status()
    },
    restore: async (input) => {
      const current = requireRecovery()
      const entry = await chosenBackup(String(input.fileName), 'fileName')
      if (current.state === 'locked') {
        // Maybe it was closed since: check again before touching anything.
        await checkAndOpen()
        const after = currentMode()
        if (after.mode === 'ready') throw conflict('The practice database opened after all; the backup was not restored.')
        if (after.mode === 'recovery' && after.state === 'locked') throw new BackupError('database_locked', 'locked')
      }
      await restoreBackup({ databasePath, backupPath: entry.path, backupDir, now, key: key ?? undefined, migrationsFolder })
      logger.info('recovery.restored', { reason: entry.reason })
      await tryOpen()
      gate.afterOpen('recovery:restore', false)
      recordRestore(contracts.recovery.restore.channel)
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
      gate.afterOpen('recovery:startFresh', false)
      return { ...(await status()), keptAs }
    }
  }

  /** While a restore swaps the core, practice calls wait for nothing: they are told to try again. */
  let swapping = false
  const requireCore = (): AppCore => {
    if (mode.mode !== 'ready') throw conflict(NOT_OPEN_MESSAGE)
    return mode.core
  }

  /**
   * Swaps `backupPath` in under the open practice: close the core → restore (keeping a
   * pre-restore copy) → open it again. Restored or not (a refused file changes nothing), the
   * practice opens again — or, if the file is now unusable, the recovery screen takes over. Only
   * a restore that happened is written to the reopened practice's log.
   */
  const swapIn = async (backupPath: string, channel: string, event: string, facts?: LogFacts) => {
    const core = requireCore()
    swapping = true
    try {
      core.close()
      mode = { mode: 'recovery', state: 'missing' }
      let result
      try {
        result = await restoreBackup({ databasePath, backupPath, backupDir, now, key: key ?? undefined, migrationsFolder })
        logger.info(event, facts)
      } finally {
        await checkAndOpen()
        gate.afterOpen(channel, false)
      }
      recordRestore(channel)
      return result
    } finally {
      swapping = false
    }
  }

  /** Restores `entry` over the open practice (Settings → Backups). */
  const restoreWhileRunning = async (entry: BackupEntry, event: string, channel: string): Promise<BackupRestoreResult> => {
    const result = await swapIn(entry.path, channel, event, { reason: entry.reason })
    return { restoredFrom: entry.fileName, preRestoreFileName: result.preRestoreBackup?.fileName ?? null }
  }

  /** The reopened practice's log says it was restored, by whom (its own history ends at the backup). */
  const recordRestore = (channel: string) => {
    const after = currentMode()
    if (after.mode !== 'ready') return
    after.core.connection.sqlite.transaction(() =>
      after.core.services.audit.append({ channel, action: 'restore', entity: 'practice', entityId: null, clientId: null })
    )()
  }

  /**
   * An archive import into an encrypted practice, served like the host's own calls: the core
   * stages it (decrypt, check, encrypt with this practice's key), then it is swapped in as a
   * restore is. (A plain practice — tests' — imports inside the core instead.)
   */
  const importRoute = {
    contract: contracts.exports.importArchive as Contract,
    handler: async (input: Record<string, unknown>): Promise<unknown> => {
      const fileName = String(input.fileName)
      const staged = await requireCore().services.exports.stageImport(fileName, String(input.passphrase))
      try {
        let result
        try {
          result = await swapIn(staged.path, contracts.exports.importArchive.channel, 'exports.imported')
        } catch (err) {
          if (err instanceof BackupError && !BACKUP_FAILURE_MESSAGES[err.code]) throw conflict('The archive could not be imported. Nothing was changed.')
          throw err
        }
        const after = currentMode()
        if (after.mode !== 'ready') throw conflict('The imported practice did not open. Use the recovery screen to restore the pre-import backup.')
        return { ...after.core.services.exports.importedCounts(), restoredFrom: fileName, preImportBackup: result.preRestoreBackup?.fileName ?? null }
      } finally {
        staged.discard()
      }
    }
  }

  const backupHandlers: Record<keyof typeof contracts.backups, (input: Record<string, unknown>) => Promise<unknown>> = {
    list: async (): Promise<BackupsList> => ({ folder: backupDir, backups: (await listBackups(backupDir)).map(summary) }),
    create: async (): Promise<BackupSummary> => {
      const core = requireCore()
      const at = now()
      const entry = await createBackup(core.connection.sqlite, backupDir, { now: at, reason: 'manual', key: core.connection.key ?? undefined })
      await applyRetention(backupDir, at, { utcOffsetMinutes: -at.getTimezoneOffset() })
      logger.info('backups.created', { reason: 'manual' })
      return summary(entry)
    },
    restore: async (input) => restoreWhileRunning(await chosenBackup(String(input.fileName), 'fileName'), 'backups.restored', contracts.backups.restore.channel),
    undoRestore: async (input) =>
      restoreWhileRunning(
        await chosenBackup(String(input.preRestoreFileName), 'preRestoreFileName', 'pre-restore'),
        'backups.restore_undone',
        contracts.backups.undoRestore.channel
      )
  }

  /** The channels the host answers itself: recovery, backups, auth and users (added below). */
  const hostRoutes = new Map<string, { contract: Contract; handler: (input: Record<string, unknown>) => Promise<unknown> }>()
  for (const [verb, contract] of Object.entries(contracts.recovery)) {
    hostRoutes.set(contract.channel, { contract, handler: handlers[verb as keyof typeof handlers] })
  }
  for (const [verb, contract] of Object.entries(contracts.backups)) {
    hostRoutes.set(contract.channel, { contract, handler: backupHandlers[verb as keyof typeof backupHandlers] })
  }
  const known = new Set(allContracts().map((c) => c.channel))

  /**
   * Opens the practice with a data key from the keyring: plain files left from before encryption
   * (the database, its backups) are encrypted first. A key the keyring vouched for is this
   * practice's, so a file it cannot read is damaged (recovery); an unvouched key (the recovery key
   * with keyring.json lost) that cannot read the file is refused with WrongKeyError instead.
   */
  const openWithKey = async (dataKey: Buffer, vouched: boolean): Promise<'ready' | 'recovery'> => {
    if (mode.mode === 'ready') mode.core.close()
    key = dataKey
    try {
      const encrypted = await encryptPracticeFiles(databasePath, backupDir, dataKey)
      if (encrypted > 0) logger.info('startup.encrypted_files', { count: encrypted })
    } catch (err) {
      const code = sqliteCode(err)
      if (!code) throw err
      // A damaged plain file cannot be encrypted: the recovery screen deals with it.
      logger.error('startup.encrypt_failed', { code })
    }
    if (!vouched && existsSync(databasePath)) {
      try {
        openDatabase(databasePath, dataKey).close()
      } catch (err) {
        if (err instanceof WrongKeyError) {
          key = null
          mode = { mode: 'closed' }
          throw err
        }
        // Anything else is for the check below to classify.
      }
    }
    await checkAndOpen()
    return mode.mode === 'ready' ? 'ready' : 'recovery'
  }

  const closeCore = () => {
    if (mode.mode === 'ready') mode.core.close()
    mode = { mode: 'closed' }
    key = null
  }

  const gate = createAuthGate({
    keyringPath: keyringPathIn(dataDir),
    databasePath,
    kdf: options.kdf,
    now,
    logger,
    open: openWithKey,
    close: closeCore,
    core: () => (mode.mode === 'ready' ? mode.core : null)
  })
  type HostRoute = { contract: Contract; handler: (input: never) => Promise<unknown> }
  for (const [verb, contract] of Object.entries(contracts.auth)) {
    hostRoutes.set(contract.channel, { contract, handler: gate.authHandlers[verb as keyof typeof gate.authHandlers] } as HostRoute as never)
  }
  for (const [verb, contract] of Object.entries(contracts.users)) {
    hostRoutes.set(contract.channel, { contract, handler: gate.usersHandlers[verb as keyof typeof gate.usersHandlers] } as HostRoute as never)
  }
  const backupChannels = new Set([...Object.values(contracts.recovery), ...Object.values(contracts.backups)].map((c) => c.channel))

  /** Host calls run one at a time: a double click never restores twice or signs in twice. */
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task, task)
    queue = result.catch(() => undefined)
    return result
  }

  const callHost = async (route: { contract: Contract; handler: (input: Record<string, unknown>) => Promise<unknown> }, rawInput: unknown): Promise<Result<unknown>> => {
    const actor = gate.actor()
    const refused = authorize(route.contract, actor)
    if (refused) return { ok: false, error: refused }
    const parsed = route.contract.input.safeParse(rawInput ?? {})
    if (!parsed.success) {
      const message = backupChannels.has(route.contract.channel) ? 'Choose a backup from the list.' : 'Some fields need attention. Nothing was saved.'
      return { ok: false, error: { code: 'invalid_input', message, fields: fieldErrors(parsed.error) } }
    }
    try {
      const value = await serial(() => route.handler(parsed.data as Record<string, unknown>))
      if (validatesOutput(options.validateOutput, actor) && !route.contract.output.safeParse(value).success) {
        logger.error('recovery.output_invalid', { channel: route.contract.channel })
        return { ok: false, error: { code: 'internal', message: 'The app produced an unexpected answer. Please try again.' } }
      }
      return { ok: true, value }
    } catch (err) {
      if (err instanceof AppFailure) return { ok: false, error: err.toError() }
      if (err instanceof WrongKeyError) return { ok: false, error: { code: 'invalid_input', message: err.message } }
      if (err instanceof BackupError) {
        logger.error('recovery.failed', { channel: route.contract.channel, code: err.code })
        return { ok: false, error: BACKUP_FAILURE_MESSAGES[err.code] ?? { code: 'internal', message: 'The backup could not be restored. Nothing was changed.' } }
      }
      const e = err as { name?: string; code?: string }
      logger.error('recovery.failed', { channel: route.contract.channel, name: e?.name ?? 'unknown', code: typeof e?.code === 'string' ? e.code : null })
      return { ok: false, error: { code: 'internal', message: 'Something went wrong. Your data has not been changed. Please try again.' } }
    }
  }

  await gate.load()

  return {
    dataDir,
    databasePath,
    backupDir,
    current: () => mode,
    get core() {
      return mode.mode === 'ready' ? mode.core : null
    },
    auth: gate,
    async call(channel, input) {
      const route = hostRoutes.get(channel)
      if (route) {
        // Idle past the limit locks before any host call but those that sign in, out or look.
        if (!ANSWERS_WHILE_IDLE.has(channel) && !gate.activity()) return { ok: false, error: { code: 'locked', message: SIGN_IN_MESSAGE } }
        return callHost(route, input)
      }
      if (!known.has(channel)) return { ok: false, error: { code: 'not_found', message: 'That action is not available.' } }
      // Signed out, locked, or idle past the limit: nothing of the practice answers.
      if (!gate.activity() || gate.state() !== 'signedIn') return { ok: false, error: { code: 'locked', message: SIGN_IN_MESSAGE } }
      if (swapping) return { ok: false, error: { code: 'conflict', message: SWAPPING_MESSAGE } }
      if (mode.mode !== 'ready') return notOpen()
      if (channel === importRoute.contract.channel && key) return callHost(importRoute, input)
      return mode.core.call(channel, input)
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
