import type { z } from 'zod'
import type { Consent, consentInput } from '@shared/contracts/consents'
import type { ServiceContext } from '../../context'
import { invalid, notFound } from '../../errors'
import type { ClientsService } from '../clients/service'
import { createConsentsRepository, type ConsentRow } from './repository'

export type ConsentValues = z.output<typeof consentInput>

const toConsent = (row: ConsentRow): Consent => row as Consent

// Messages never quote the dates: they belong to the client's record (no PHI in errors).

/** Signed consents. Never deleted: a withdrawn consent is marked revoked on a date. */
export function createConsentsService(ctx: ServiceContext, clients: ClientsService) {
  const repo = createConsentsRepository(ctx.db)
  const stamp = () => ctx.now().toISOString()

  const require = (id: string): ConsentRow => {
    const row = repo.findById(id)
    if (!row) throw notFound('That consent')
    return row
  }

  return {
    list(clientId: string): Consent[] {
      clients.requireExisting(clientId)
      return repo.listByClient(clientId).map(toConsent)
    },

    create(clientId: string, values: ConsentValues): Consent {
      clients.requireCurrent(clientId)
      const now = stamp()
      const id = ctx.newId()
      repo.insert({ ...values, id, clientId, revokedOn: null, createdAt: now, updatedAt: now })
      return toConsent(require(id))
    },

    revoke(id: string, revokedOn: string): Consent {
      const row = require(id)
      clients.requireCurrent(row.clientId)
      if (row.revokedOn) throw invalid('This consent is already revoked.')
      if (revokedOn < row.signedOn) {
        throw invalid('A consent cannot be revoked before it was signed.', {
          revokedOn: 'Revoked date cannot be before the date the consent was signed'
        })
      }
      repo.update(id, { revokedOn, updatedAt: stamp() })
      return toConsent(require(id))
    }
  }
}
export type ConsentsService = ReturnType<typeof createConsentsService>
