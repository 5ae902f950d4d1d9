import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm'
import type { ClientListQuery, ClientSortColumn } from '@shared/contracts/clients'
import { clients, consents, diagnoses, screeningItems } from '../../db/schema'
import type { Db } from '../../db/connection'

export type ClientRow = typeof clients.$inferSelect
export type NewClientRow = typeof clients.$inferInsert

const listColumns = {
  id: clients.id,
  legalFirstName: clients.legalFirstName,
  legalLastName: clients.legalLastName,
  preferredName: clients.preferredName,
  dateOfBirth: clients.dateOfBirth,
  status: clients.status,
  email: clients.email,
  phone: clients.phone,
  intakeDate: clients.intakeDate,
  archivedAt: clients.archivedAt,
  updatedAt: clients.updatedAt
}

const searchColumns = {
  id: clients.id,
  legalFirstName: clients.legalFirstName,
  legalLastName: clients.legalLastName,
  preferredName: clients.preferredName,
  dateOfBirth: clients.dateOfBirth,
  status: clients.status,
  archivedAt: clients.archivedAt
}

const sortColumn: Record<ClientSortColumn, SQL | typeof clients.sortName> = {
  name: clients.sortName,
  dateOfBirth: clients.dateOfBirth,
  status: clients.status,
  intakeDate: clients.intakeDate,
  phone: clients.phone,
  email: clients.email,
  updatedAt: clients.updatedAt
}

/** LIKE with the user's % and _ taken literally. */
const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`)
const matchesAll = (terms: string[]) =>
  terms.map((t) => sql`${clients.searchText} LIKE ${`%${escapeLike(t)}%`} ESCAPE '\\'`)

export function createClientsRepository(db: Db) {
  const whereFor = (q: Pick<ClientListQuery, 'statuses' | 'archived'>, terms: string[]) =>
    and(
      q.archived === 'current' ? isNull(clients.archivedAt) : q.archived === 'archived' ? isNotNull(clients.archivedAt) : undefined,
      q.statuses.length > 0 ? inArray(clients.status, q.statuses) : undefined,
      ...matchesAll(terms)
    )

  return {
    findById: (id: string): ClientRow | undefined => db.select().from(clients).where(eq(clients.id, id)).get(),

    insert: (row: NewClientRow): void => {
      db.insert(clients).values(row).run()
    },

    update: (id: string, row: Partial<NewClientRow>): void => {
      db.update(clients).set(row).where(eq(clients.id, id)).run()
    },

    list(q: ClientListQuery, terms: string[]) {
      const where = whereFor(q, terms)
      const dir = q.direction === 'asc' ? asc : desc
      // Empty values sort last whichever way; ties fall back to name, then id, so paging is stable.
      const column = sortColumn[q.sort]
      const rows = db
        .select(listColumns)
        .from(clients)
        .where(where)
        .orderBy(sql`${column} IS NULL`, dir(column), asc(clients.sortName), asc(clients.id))
        .limit(q.pageSize)
        .offset(q.page * q.pageSize)
        .all()
      const total = db.select({ n: count() }).from(clients).where(where).get()?.n ?? 0
      return { rows, total }
    },

    search: (terms: string[], limit: number) =>
      db
        .select(searchColumns)
        .from(clients)
        .where(and(...matchesAll(terms)))
        // Current clients first, then by name.
        .orderBy(sql`${clients.archivedAt} IS NOT NULL`, asc(clients.sortName))
        .limit(limit)
        .all(),

    flags(id: string) {
      const kapConsents = db
        .select({ n: count() })
        .from(consents)
        .where(and(eq(consents.clientId, id), eq(consents.kind, 'kap'), isNull(consents.revokedOn)))
        .get()?.n ?? 0
      const screening = db
        .select({ answered: count(), positive: sql<number>`coalesce(sum(${screeningItems.answer} = 'yes'), 0)` })
        .from(screeningItems)
        .where(and(eq(screeningItems.clientId, id), isNull(screeningItems.supersededAt)))
        .get()
      const diagnosisCount = db
        .select({ n: count() })
        .from(diagnoses)
        .where(and(eq(diagnoses.clientId, id), isNull(diagnoses.removedAt)))
        .get()?.n ?? 0
      return { kapConsents, answered: screening?.answered ?? 0, positive: Number(screening?.positive ?? 0), diagnosisCount }
    }
  }
}
export type ClientsRepository = ReturnType<typeof createClientsRepository>
