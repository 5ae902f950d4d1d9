/**
 * The host's one piece of state: which practice is open (ready), or why not (recovery, closed),
 * with its data key — and the moves between those: open with a key, check and open, enter
 * recovery, swap a backup in under the open practice, close. Every host area works through it.
 */
import { existsSync } from 'node:fs'
import type { DatabaseStateName, RecoveryStatus } from '@shared/contracts/recovery'
import { openApp, type AppCore, type OpenAppOptions } from '../app'
import { checkDatabaseAtStartup, listBackups, restoreBackup } from '../backup'
import { stateForError } from '../backup/inspect'
import { sqliteCode } from '../backup/sqlite-file'
import type { Actor } from '../context'
import { openDatabase } from '../db/connection'
import { conflict } from '../errors'
import type { OutputValidation } from '../ipc/run-route'
import type { LogFacts, Logger } from '../log'
import { encryptPracticeFiles } from '../security/encrypt-file'
import { WrongKeyError } from '../security/errors'
import { scheduleWarmUp } from '../warm-up'
import { NOT_OPEN_MESSAGE, summary, type HostMode } from './types'

export interface LifecycleOptions {
  databasePath: string
  backupDir: string
  migrationsFolder: string
  /** As given to startCore (openApp's own default when unset). */
  appMigrationsFolder?: string
  now: () => Date
  logger: Logger
  validateOutput?: OutputValidation
  context?: OpenAppOptions['context']
}

/** What the lifecycle asks of the rest of the host: who acts, what follows an open, what precedes a close. */
export interface LifecycleHooks {
  actor(): Actor
  /** After the core (re)opens on `channel`: the gate binds the signed-in user to it. */
  afterOpen(channel: string): void
  /** Before the open core closes (sign-out, restore, quit): running jobs stop. */
  beforeClose(): void
}

export function createLifecycle(options: LifecycleOptions, hooks: LifecycleHooks) {
  const { databasePath, backupDir, logger, now } = options
  let mode: HostMode = { mode: 'closed' }
  /** The data key of the practice being opened or open; null when closed. */
  let key: Buffer | null = null
  /** While a restore swaps the core, practice calls are told to try again. */
  let swapping = false
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
    // The list's statements, prepared and paged in before the first click (skipped once this core is gone).
    scheduleWarmUp(core, () => !closed && mode.mode === 'ready' && mode.core === core)
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
        migrationsFolder: options.appMigrationsFolder,
        backupDir,
        logger,
        validateOutput: options.validateOutput,
        context: { ...options.context, actor: () => hooks.actor() }
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

  const requireCore = (): AppCore => {
    if (mode.mode !== 'ready') throw conflict(NOT_OPEN_MESSAGE)
    return mode.core
  }

  /** The reopened practice's log says it was restored, by whom (its own history ends at the backup). */
  const recordRestore = (channel: string) => {
    if (mode.mode !== 'ready') return
    const core = mode.core
    core.connection.sqlite.transaction(() => core.services.audit.append({ channel, action: 'restore', entity: 'practice', entityId: null, clientId: null }))()
  }

  return {
    /** Read through a function: TypeScript would keep a narrowing made before an await. */
    mode: (): HostMode => mode,
    key: (): Buffer | null => key,
    swapping: () => swapping,
    requireCore,
    tryOpen,
    checkAndOpen,
    recordRestore,

    status: async (): Promise<RecoveryStatus> => ({
      state: mode.mode === 'recovery' ? mode.state : 'ok',
      backups: (await listBackups(backupDir).catch(() => [])).map(summary)
    }),

    /**
     * Swaps `backupPath` in under the open practice: close the core → restore (keeping a
     * pre-restore copy) → open it again. Restored or not (a refused file changes nothing), the
     * practice opens again — or, if the file is now unusable, the recovery screen takes over. Only
     * a restore that happened is written to the reopened practice's log.
     */
    async swapIn(backupPath: string, channel: string, event: string, facts?: LogFacts) {
      const core = requireCore()
      swapping = true
      hooks.beforeClose()
      try {
        core.close()
        mode = { mode: 'recovery', state: 'missing' }
        let result
        try {
          result = await restoreBackup({ databasePath, backupPath, backupDir, now, key: key ?? undefined, migrationsFolder: options.migrationsFolder })
          logger.info(event, facts)
        } finally {
          await checkAndOpen()
          hooks.afterOpen(channel)
        }
        recordRestore(channel)
        return result
      } finally {
        swapping = false
      }
    },

    /**
     * Opens the practice with a data key from the keyring: plain files left from before encryption
     * (the database, its backups) are encrypted first. A key the keyring vouched for is this
     * practice's, so a file it cannot read is damaged (recovery); an unvouched key (the recovery key
     * with keyring.json lost) that cannot read the file is refused with WrongKeyError instead.
     */
    async openWithKey(dataKey: Buffer, vouched: boolean): Promise<'ready' | 'recovery'> {
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
    },

    closeCore() {
      hooks.beforeClose()
      if (mode.mode === 'ready') mode.core.close()
      mode = { mode: 'closed' }
      key = null
    },

    onReady(listener: (core: AppCore) => void) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },

    close() {
      closed = true
      hooks.beforeClose()
      if (mode.mode === 'ready') mode.core.close()
      listeners.clear()
    }
  }
}
export type Lifecycle = ReturnType<typeof createLifecycle>
