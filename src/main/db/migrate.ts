import { existsSync, readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { readMigrationFiles } from 'drizzle-orm/migrator'
import type Database from 'better-sqlite3-multiple-ciphers'
import { BACKFILLS } from './backfills'

export interface MigrationReport {
  applied: number
  backupPath: string | null
}

/**
 * The one way migrations are applied — by the app, tests and restores. Uses drizzle-kit's
 * files and drizzle's bookkeeping table, but runs them itself so that:
 * - an existing database with pending migrations is backed up first (SQLite backup API);
 * - foreign keys are off *outside* the transaction, so a table rebuild cannot cascade;
 * - `foreign_key_check` runs before commit, and any violation rolls the whole step back;
 * - a migration with a JS backfill (backfills.ts) has it run right after its SQL.
 */
export async function applyMigrations(
  sqlite: Database.Database,
  migrationsFolder: string,
  options: { backupDir?: string; now?: () => Date } = {}
): Promise<MigrationReport> {
  if (!existsSync(join(migrationsFolder, 'meta', '_journal.json'))) {
    throw new Error(`No migrations found in ${migrationsFolder}: the app cannot open its database without them`)
  }
  const migrations = readMigrationFiles({ migrationsFolder })
  sqlite.exec(
    'CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)'
  )
  const last = sqlite.prepare('SELECT created_at AS createdAt FROM "__drizzle_migrations" ORDER BY created_at DESC LIMIT 1').get() as
    | { createdAt: number }
    | undefined
  const tags = tagsByMillis(migrationsFolder)
  const pending = migrations.filter((m) => !last || Number(last.createdAt) < m.folderMillis)
  if (pending.length === 0) return { applied: 0, backupPath: null }

  let backupPath: string | null = null
  const hasData = last !== undefined
  if (hasData && options.backupDir && sqlite.name !== ':memory:') {
    await mkdir(options.backupDir, { recursive: true })
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')
    backupPath = join(options.backupDir, `before-migration-${stamp}.db`)
    await sqlite.backup(backupPath)
  }

  sqlite.pragma('foreign_keys = OFF')
  try {
    const run = sqlite.transaction(() => {
      for (const migration of pending) {
        for (const statement of migration.sql) {
          if (statement.trim()) sqlite.exec(statement)
        }
        BACKFILLS[tags.get(migration.folderMillis) ?? '']?.(sqlite)
        sqlite.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run(migration.hash, migration.folderMillis)
      }
      const violations = sqlite.pragma('foreign_key_check') as unknown[]
      if (violations.length > 0) throw new Error(`Migration left ${violations.length} foreign-key violations; rolled back`)
    })
    run()
  } finally {
    sqlite.pragma('foreign_keys = ON')
  }
  return { applied: pending.length, backupPath }
}

/** drizzle's journal names each migration (its tag) by the time it was generated, which readMigrationFiles keeps. */
function tagsByMillis(migrationsFolder: string): Map<number, string> {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number; tag: string }[] }
  return new Map(journal.entries.map((e) => [e.when, e.tag]))
}
