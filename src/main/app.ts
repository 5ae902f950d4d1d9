import { dirname, resolve } from 'node:path'
import { openDatabase, type Connection } from './db/connection'
import { applyMigrations } from './db/migrate'
import { createContext, type ContextOverrides } from './context'
import { createServices, type Services } from './services'
import { createRouter, type Router } from './ipc/router'
import { dispatch, type DispatchOptions, type OutputValidation } from './ipc/dispatch'
import { consoleLogger, type Logger } from './log'
import { defaultMigrationsFolder } from './paths'
import type { Result } from '@shared/contracts'
import type { KdfParams } from './features/exports/archive-format'

export interface AppCore {
  connection: Connection
  services: Services
  router: Router
  /** Calls a channel exactly as the renderer would: untrusted input in, envelope out. */
  call(channel: string, input?: unknown): Promise<Result<unknown>>
  close(): void
}

export interface OpenAppOptions {
  /** A file path or ':memory:'. */
  databasePath: string
  /** The data key from the keyring (security/keyring.ts): the database is encrypted with it. */
  key?: Buffer
  migrationsFolder?: string
  backupDir?: string
  /**
   * The practice's data folder (exports go to `<dataDir>/exports/`); defaults to the database
   * file's folder, which is what the app and the harness use. Unset for ':memory:'.
   */
  dataDir?: string
  /** Tests lower the archive's scrypt cost. */
  archiveKdf?: KdfParams

  logger?: Logger
  validateOutput?: OutputValidation
  /** Clock, ID source and actor; tests fix the first two. */
  context?: ContextOverrides
}

export { defaultMigrationsFolder }

/**
 * Everything below the Electron shell, in one call: open → migrate → services → router.
 * The Electron main process, the e2e harness, scripts and tests all start the app this way.
 */
export async function openApp(options: OpenAppOptions): Promise<AppCore> {
  const connection = openDatabase(options.databasePath, options.key)
  try {
    await applyMigrations(connection.sqlite, options.migrationsFolder ?? defaultMigrationsFolder(), { backupDir: options.backupDir })
  } catch (err) {
    connection.close()
    throw err
  }
  const onDisk = options.databasePath !== ':memory:' && !options.databasePath.startsWith('file:')
  const dataDir = options.dataDir ?? (onDisk ? dirname(resolve(options.databasePath)) : undefined)
  const context = createContext(connection, options.context)
  const services = createServices(context, {
    exports: {
      dataDir,
      databasePath: onDisk ? resolve(options.databasePath) : undefined,
      backupDir: options.backupDir ?? (dataDir ? resolve(dataDir, 'backups') : undefined),
      migrationsFolder: options.migrationsFolder ?? defaultMigrationsFolder(),
      kdf: options.archiveKdf,
      key: options.key
    }
  })
  const router = createRouter(services)
  const dispatchOptions: DispatchOptions = {
    transaction: (fn) => {
      try {
        // IMMEDIATE: the write lock is taken at BEGIN, so two connections never both read and then
        // try to write (an invoice number taken by both); the second waits (busy_timeout) instead.
        return connection.sqlite.transaction(fn).immediate()
      } catch (err) {
        // Rolled back, perhaps after an audit entry was appended: its hash must not stay the chain's head.
        services.audit.forgetHead()
        throw err
      }
    },
    audit: (call) => services.audit.recordCall(call),
    logger: options.logger ?? consoleLogger,
    actor: context.actor,
    validateOutput: options.validateOutput
  }
  return {
    connection,
    services,
    router,
    call: (channel, input) => dispatch(router, channel, input, dispatchOptions),
    close: () => connection.close()
  }
}
