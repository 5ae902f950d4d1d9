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
import { join } from 'node:path'
import { allContracts, contracts, type Result } from '@shared/contracts'
import type { JobEvent } from '@shared/contracts/jobs'
import { defaultMigrationsFolder, type AppCore, type OpenAppOptions } from './app'
import { removeStaleTemporaries } from './backup/stale'
import { createAuthGate, type AuthGate } from './auth/gate'
import { SIGN_IN_MESSAGE } from './errors'
import type { OutputValidation } from './ipc/run-route'
import type { SpawnJobWorker } from './jobs/protocol'
import { threadWorkerSpawner } from './jobs/thread-worker'
import { consoleLogger, type Logger } from './log'
import { backupDirIn, databasePathIn } from './paths'
import { keyringPathIn, type KdfParams } from './security/keyring'
import { importArchiveContract, importArchiveHandler } from './host/archive-import'
import { backupChooser, backupsHandlers } from './host/backups'
import { createHostJobs } from './host/jobs'
import { createLifecycle } from './host/lifecycle'
import { recoveryHandlers } from './host/recovery'
import { createHostRunner, routesOf, type HostRoute } from './host/routes'
import { NOT_OPEN_MESSAGE, SWAPPING_MESSAGE, type HostMode } from './host/types'

export { NOT_OPEN_MESSAGE, SWAPPING_MESSAGE, type HostMode } from './host/types'

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
  /** How a job's worker starts: a utilityProcess in Electron; a worker thread (the default) elsewhere. */
  spawnJobWorker?: SpawnJobWorker
}

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
  /** Every job's progress and end, for the `jobs:progress` push channel. */
  onJobEvent(listener: (event: JobEvent) => void): () => void
  close(): void
}

const notOpen = (): Result<unknown> => ({ ok: false, error: { code: 'conflict', message: NOT_OPEN_MESSAGE } })

/** The host calls that answer whatever the idle time: they sign in, unlock, sign out, lock, or only report. */
const ANSWERS_WHILE_IDLE = new Set(
  [contracts.auth.status, contracts.auth.setup, contracts.auth.signIn, contracts.auth.unlock, contracts.auth.recover, contracts.auth.signOut, contracts.auth.lock, contracts.auth.touch].map(
    (c) => c.channel
  )
)

/**
 * The one practice call a locked session still makes: the autosave of the draft that was open,
 * sent as the window closes or reloads (or as its timer ends) after the lock. It runs as the user
 * who locked — their own draft, under their role and in their name in the audit log.
 */
export const SAVES_WHILE_LOCKED = contracts.notes.save.channel

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

  // The areas are bound to each other late: the gate opens the practice, the practice acts as the gate's user.
  let gate: AuthGate | null = null
  let jobs: ReturnType<typeof createHostJobs> | null = null
  const afterOpen = (channel: string) => gate!.afterOpen(channel, false)
  const life = createLifecycle(
    { databasePath, backupDir, migrationsFolder, appMigrationsFolder: options.migrationsFolder, now, logger, validateOutput: options.validateOutput, context: options.context },
    { actor: () => gate!.actor(), afterOpen, beforeClose: () => jobs?.stopAll() }
  )
  const choose = backupChooser(backupDir)
  jobs = createHostJobs({ life, spawn: options.spawnJobWorker ?? threadWorkerSpawner(), dataDir, databasePath, backupDir, migrationsFolder, now, logger })
  const authGate = createAuthGate({
    keyringPath: keyringPathIn(dataDir),
    databasePath,
    kdf: options.kdf,
    now,
    logger,
    open: (dataKey, vouched) => life.openWithKey(dataKey, vouched),
    close: () => life.closeCore(),
    core: () => {
      const mode = life.mode()
      return mode.mode === 'ready' ? mode.core : null
    }
  })
  gate = authGate

  const hostRoutes = new Map<string, HostRoute>(
    [
      ...routesOf(contracts.recovery, recoveryHandlers({ life, choose, databasePath, backupDir, migrationsFolder, now, logger, afterOpen })),
      ...routesOf(contracts.backups, backupsHandlers({ life, choose, backupDir, now, logger })),
      ...routesOf(contracts.jobs, jobs.handlers),
      ...routesOf(contracts.auth, authGate.authHandlers as never),
      ...routesOf(contracts.users, authGate.usersHandlers as never)
    ].map((r) => [r.contract.channel, r])
  )
  const importRoute: HostRoute = { contract: importArchiveContract, handler: importArchiveHandler(life) as HostRoute['handler'] }
  const runHost = createHostRunner({ actor: () => authGate.actor(), logger, validateOutput: options.validateOutput })
  const known = new Set(allContracts().map((c) => c.channel))

  await authGate.load()

  return {
    dataDir,
    databasePath,
    backupDir,
    current: () => life.mode(),
    get core() {
      const mode = life.mode()
      return mode.mode === 'ready' ? mode.core : null
    },
    auth: authGate,
    async call(channel, input) {
      const route = hostRoutes.get(channel)
      if (route) {
        // Idle past the limit locks before any host call but those that sign in, out or look.
        if (!ANSWERS_WHILE_IDLE.has(channel) && !authGate.activity()) return { ok: false, error: { code: 'locked', message: SIGN_IN_MESSAGE } }
        return runHost(route, input)
      }
      if (!known.has(channel)) return { ok: false, error: { code: 'not_found', message: 'That action is not available.' } }
      const mode = life.mode()
      // Signed out, locked, or idle past the limit: nothing of the practice answers — but the locked
      // user's own draft save, so nothing typed before the lock is lost.
      if (!authGate.activity() || authGate.state() !== 'signedIn') {
        if (channel === SAVES_WHILE_LOCKED && authGate.state() === 'locked' && !life.swapping() && mode.mode === 'ready') {
          const saved = authGate.asLockedUser(() => mode.core.call(channel, input))
          if (saved) return saved
        }
        return { ok: false, error: { code: 'locked', message: SIGN_IN_MESSAGE } }
      }
      if (life.swapping()) return { ok: false, error: { code: 'conflict', message: SWAPPING_MESSAGE } }
      if (mode.mode !== 'ready') return notOpen()
      if (channel === importRoute.contract.channel && life.key()) return runHost(importRoute, input)
      return mode.core.call(channel, input)
    },
    onReady: (listener) => life.onReady(listener),
    onJobEvent: (listener) => jobs.onEvent(listener),
    close() {
      life.close()
      jobs.clear()
    }
  }
}
