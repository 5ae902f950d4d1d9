import { sql } from 'drizzle-orm'
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { ROLES } from '../../../shared/domain/roles'

/**
 * The practice's people: who signs in, in which role, and how they sign notes. Passphrases are
 * not here: each user's is a key slot in keyring.json (security/keyring.ts), which must unlock
 * before this database can even be read. A user who leaves is deactivated, never deleted: their
 * name stays on the notes they signed and in the audit log.
 */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** What they type to sign in, as typed. */
    login: text('login').notNull(),
    /** Lower-cased login: "Dana" and "dana" are one user. */
    loginKey: text('login_key').notNull(),
    displayName: text('display_name').notNull(),
    /** As printed after a signature, e.g. "LMFT" or "MD". */
    credentials: text('credentials'),
    role: text('role', { enum: ROLES }).notNull(),
    deactivatedAt: text('deactivated_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [uniqueIndex('users_login_key_uq').on(t.loginKey)]
)

/** Practice-wide settings: one row, id 'practice'. */
export const settings = sqliteTable('settings', {
  id: text('id').primaryKey(),
  /** Lock the app after this many idle minutes. */
  idleLockMinutes: integer('idle_lock_minutes').notNull().default(10),
  /** JSON of VitalThresholds (shared/domain/vitals); null means the defaults. */
  vitalThresholds: text('vital_thresholds'),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`)
})
