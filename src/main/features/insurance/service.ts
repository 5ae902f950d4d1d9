import type { z } from 'zod'
import type { InsurancePolicy, insurancePolicyInput } from '@shared/contracts/insurance'
import type { ServiceContext } from '../../context'
import { conflict, invalid, notFound } from '../../errors'
import type { ClientsService } from '../clients/service'
import { createInsuranceRepository, type InsuranceRow } from './repository'

export type InsurancePolicyValues = z.output<typeof insurancePolicyInput>

const NEXT_STEP: Record<InsuranceRow['rank'], string> = {
  primary: 'Archive it first, or choose secondary.',
  secondary: 'Archive it first, or choose tertiary.',
  tertiary: 'Archive it first.'
}

const toPolicy = (row: InsuranceRow): InsurancePolicy => row

export function createInsuranceService(ctx: ServiceContext, clients: ClientsService) {
  const repo = createInsuranceRepository(ctx.db)
  const stamp = () => ctx.now().toISOString()

  const require = (id: string): InsuranceRow => {
    const row = repo.findById(id)
    if (!row) throw notFound('That insurance policy')
    return row
  }

  // A claim goes to one payer per rank: two current "primary" policies would be ambiguous.
  const assertRankFree = (clientId: string, rank: InsuranceRow['rank'], exceptId?: string) => {
    if (repo.findCurrentOfRank(clientId, rank, exceptId)) {
      throw conflict(`This client already has a ${rank} policy.`, { 'policy.rank': `This client already has a ${rank} policy. ${NEXT_STEP[rank]}` })
    }
  }

  return {
    list(clientId: string, includeArchived: boolean): InsurancePolicy[] {
      clients.requireExisting(clientId)
      return repo.listByClient(clientId, includeArchived).map(toPolicy)
    },

    create(clientId: string, values: InsurancePolicyValues): InsurancePolicy {
      clients.requireCurrent(clientId)
      assertRankFree(clientId, values.rank)
      const now = stamp()
      const id = ctx.newId()
      repo.insert({ ...values, id, clientId, archivedAt: null, createdAt: now, updatedAt: now })
      return toPolicy(require(id))
    },

    update(id: string, values: InsurancePolicyValues): InsurancePolicy {
      const row = require(id)
      clients.requireCurrent(row.clientId)
      if (row.archivedAt) throw invalid('This policy is archived and can no longer be changed.')
      assertRankFree(row.clientId, values.rank, id)
      repo.update(id, { ...values, updatedAt: stamp() })
      return toPolicy(require(id))
    },

    archive(id: string): InsurancePolicy {
      const row = require(id)
      clients.requireCurrent(row.clientId)
      if (row.archivedAt) throw invalid('This policy is already archived.')
      const now = stamp()
      repo.update(id, { archivedAt: now, updatedAt: now })
      return toPolicy(require(id))
    }
  }
}
export type InsuranceService = ReturnType<typeof createInsuranceService>
