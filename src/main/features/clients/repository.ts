import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm'
import type { ClientListQuery, ClientSortColumn } from '@shared/contracts/clients'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
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

const sortColumn: Record<ClientSortColumn, SQLiteColumn> = {
  name: clients.sortName,
  dateOfBirth: clients.dateOfBirth,
  status: clients.status,
  intakeDate: clients.intakeDate,
  phone: clients.phone,
  email: clients.email,
  updatedAt: clients.updatedAt
}

/** LIKE with the user's % and _ taken literally (escaped with a backslash). */
const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`)
const likePattern = (term: string) => `%${escapeLike(term)}%`

/** Columns that may be empty: an ascending list puts their empty values last. */
const NULLABLE_SORTS: ReadonlySet<ClientSortColumn> = new Set(['intakeDate', 'phone', 'email'])

/**
 * ORDER BY for a list page, written to match one index each (db/schema/clients.ts) so a page is
 * read in order and SQLite stops after it, instead of sorting every matching client:
 * asc  → [(col IS NULL),] col, sort_name, id   — empty values last via the expression index;
 * desc → col DESC, sort_name DESC, id DESC     — a backward walk; SQLite's NULLs are smallest,
 *                                                so empty values come last here too.
 * Ties fall back to name, then id, so paging is stable.
 */
function orderFor(sort: ClientSortColumn, direction: 'asc' | 'desc'): SQL[] {
  const column = sortColumn[sort]
  const keys = sort === 'name' ? [column, clients.id] : [column, clients.sortName, clients.id]
  if (direction === 'desc') return keys.map((c) => desc(c))
  return [...(NULLABLE_SORTS.has(sort) ? [sql`(${column} IS NULL)`] : []), ...keys.map((c) => asc(c))]
}

/**
 * The list filters. `+status` (SQLite's unary plus) keeps the planner from seeking the status
 * index and then sorting all of its matches (thousands of rows in a large practice): status and
 * archived_at sit in every order index, so they are tested inside the index as the page is read.
 */
const whereFor = (archived: ClientListQuery['archived'], statusCount: number, termCount: number) =>
  and(
    archived === 'current' ? isNull(clients.archivedAt) : archived === 'archived' ? isNotNull(clients.archivedAt) : undefined,
    statusCount > 0 ? inArray(sql`+${clients.status}`, range(statusCount).map((i) => sql.placeholder(`s${i}`))) : undefined,
    ...range(termCount).map((i) => sql`${clients.searchText} LIKE ${sql.placeholder(`t${i}`)} ESCAPE '\\'`)
  )
const range = (n: number) => Array.from({ length: n }, (_, i) => i)

/** Values for whereFor's placeholders. */
const filterValues = (statuses: readonly string[], terms: readonly string[]): Record<string, string> =>
  Object.fromEntries([...statuses.map((s, i) => [`s${i}`, s]), ...terms.map((t, i) => [`t${i}`, likePattern(t)])])

export function createClientsRepository(db: Db) {
  // Each query shape (sort, direction, archive filter, number of statuses and of search terms) is
  // built and prepared once per database; later calls only bind values. Building the SQL and
  // having SQLite parse and plan it again on every keystroke cost as much as a page query itself.
  const shapes = new Map<string, unknown>()
  const preparedOnce = <T>(key: string, build: () => T): T => {
    let query = shapes.get(key) as T | undefined
    if (query === undefined) {
      if (shapes.size >= 500) shapes.clear()
      query = build()
      shapes.set(key, query)
    }
    return query
  }

  return {
    findById: (id: string): ClientRow | undefined => db.select().from(clients).where(eq(clients.id, id)).get(),

    insert: (row: NewClientRow): void => {
      db.insert(clients).values(row).run()
    },

    update: (id: string, row: Partial<NewClientRow>): void => {
      db.update(clients).set(row).where(eq(clients.id, id)).run()
    },

    list(q: ClientListQuery, terms: string[]) {
      const filter = `${q.archived}:${q.statuses.length}:${terms.length}`
      const where = () => whereFor(q.archived, q.statuses.length, terms.length)
      const values = filterValues(q.statuses, terms)
      const offset = q.page * q.pageSize
      const rows = preparedOnce(`list:${q.sort}:${q.direction}:${filter}`, () =>
        db
          .select(listColumns)
          .from(clients)
          .where(where())
          .orderBy(...orderFor(q.sort, q.direction))
          .limit(sql.placeholder('limit'))
          .offset(sql.placeholder('offset'))
          .prepare()
      ).all({ ...values, limit: q.pageSize, offset })
      // A short page is the last one: its count is known without a second pass over the table.
      const total =
        rows.length < q.pageSize && (rows.length > 0 || offset === 0)
          ? offset + rows.length
          : (preparedOnce(`count:${filter}`, () => db.select({ n: count() }).from(clients).where(where()).prepare()).get(values)?.n ?? 0)
      return { rows, total }
    },

    /** Current clients first, then archived ones, each by name: two in-order walks of the name index. */
    search(terms: string[], limit: number) {
      const page = (archived: 'current' | 'archived', n: number) =>
        preparedOnce(`search:${archived}:${terms.length}`, () =>
          db
            .select(searchColumns)
            .from(clients)
            .where(whereFor(archived, 0, terms.length))
            .orderBy(asc(clients.sortName), asc(clients.id))
            .limit(sql.placeholder('limit'))
            .prepare()
        ).all({ ...filterValues([], terms), limit: n })
      const current = page('current', limit)
      return current.length < limit ? [...current, ...page('archived', limit - current.length)] : current
    },

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
