import type { z } from 'zod'
import type { Client, ClientChart, ClientListPage, ClientListQuery, ClientSearchHit, ClientValues, clientSearchInput } from '@shared/contracts/clients'
import { SCREENING_ITEM_KEYS } from '@shared/domain/screening'
import { searchTerms } from '@shared/domain/search'
import { isClinical } from '@shared/domain/roles'
import type { ServiceContext } from '../../context'
import { notFound, invalid } from '../../errors'
import { createClientsRepository, type ClientRow } from './repository'
import { searchTextOf, sortNameOf } from './search-text'

/** The columns kept in step with a client's values for sorting and search. */
const derived = (c: ClientValues) => ({ sortName: sortNameOf(c), searchText: searchTextOf(c) })

const toClient = ({ sortName: _s, searchText: _t, ...rest }: ClientRow): Client => rest

export function createClientsService(ctx: ServiceContext) {
  const repo = createClientsRepository(ctx.db)
  const stamp = () => ctx.now().toISOString()

  const require = (id: string): ClientRow => {
    const row = repo.findById(id)
    if (!row) throw notFound('That client')
    return row
  }

  return {
    list(q: ClientListQuery): ClientListPage {
      return repo.list(q, searchTerms(q.search))
    },

    search(q: z.output<typeof clientSearchInput>): ClientSearchHit[] {
      const terms = searchTerms(q.query)
      return terms.length === 0 ? [] : repo.search(terms, q.limit)
    },

    get(id: string): ClientChart {
      const client = toClient(require(id))
      const f = repo.flags(id)
      return {
        client,
        flags: {
          missingKapConsent: f.kapConsents === 0,
          screeningIncomplete: f.answered < SCREENING_ITEM_KEYS.length,
          // A "yes" is a screening answer: the administrator is told screening is done, not what it found.
          screeningPositive: isClinical(ctx.actor().role) ? f.positive > 0 : null,
          noDiagnosis: f.diagnosisCount === 0
        }
      }
    },

    create(values: ClientValues): Client {
      const now = stamp()
      const id = ctx.newId()
      repo.insert({ ...values, ...derived(values), id, archivedAt: null, archiveReason: null, createdAt: now, updatedAt: now })
      return toClient(require(id))
    },

    update(id: string, values: ClientValues): Client {
      require(id)
      repo.update(id, { ...values, ...derived(values), updatedAt: stamp() })
      return toClient(require(id))
    },

    archive(id: string, reason: string | null): Client {
      const row = require(id)
      if (row.archivedAt) throw invalid('This client is already archived.')
      const now = stamp()
      repo.update(id, { archivedAt: now, archiveReason: reason, updatedAt: now })
      return toClient(require(id))
    },

    restore(id: string): Client {
      const row = require(id)
      if (!row.archivedAt) throw invalid('This client is not archived.')
      repo.update(id, { archivedAt: null, archiveReason: null, updatedAt: stamp() })
      return toClient(require(id))
    },

    /** For other services: reading a chart section needs the client to exist (archived is fine). */
    requireExisting(id: string): void {
      require(id)
    },

    /** For other services: a client must exist and be current before anything is added to the chart. */
    requireCurrent(id: string): ClientRow {
      const row = require(id)
      if (row.archivedAt) throw invalid('This client is archived. Restore the client before changing the chart.')
      return row
    }
  }
}
export type ClientsService = ReturnType<typeof createClientsService>
