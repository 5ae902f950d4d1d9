import { asc, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../db/connection'
import { users } from '../../db/schema'

export type UserRow = typeof users.$inferSelect

export function createUsersRepository(db: Db) {
  return {
    get: (id: string): UserRow | undefined => db.select().from(users).where(eq(users.id, id)).get(),
    byLoginKey: (loginKey: string): UserRow | undefined => db.select().from(users).where(eq(users.loginKey, loginKey)).get(),
    list: (includeDeactivated: boolean): UserRow[] =>
      db
        .select()
        .from(users)
        .where(includeDeactivated ? undefined : isNull(users.deactivatedAt))
        .orderBy(asc(users.displayName))
        .all(),
    insert: (row: UserRow): void => void db.insert(users).values(row).run(),
    update: (id: string, values: Partial<Omit<UserRow, 'id' | 'createdAt'>>): void => void db.update(users).set(values).where(eq(users.id, id)).run()
  }
}
