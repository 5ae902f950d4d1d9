/**
 * billing:superbill — reads a client's ledger and chart, builds the superbill (documents/superbill.ts)
 * and stores it as a numbered document (features/documents), which draws the PDF and writes it into
 * the exports folder. A superbill that cannot be complete is refused with every missing item as a
 * field message, so nothing is numbered, written or audited; the messages name fields and screens,
 * never the client.
 */
import type { SuperbillResult } from '@shared/contracts/billing'
import type { ServiceContext } from '../../context'
import { buildSuperbill } from '../../documents/superbill'
import { conflict } from '../../errors'
import type { ClientsService } from '../clients/service'
import type { DocumentsService } from '../documents/service'
import type { DiagnosesService } from '../diagnoses/service'
import type { InsuranceService } from '../insurance/service'
import type { PracticeService } from '../practice/service'
import type { BillingService } from './service'

export interface SuperbillDeps {
  billing: BillingService
  clients: ClientsService
  insurance: InsuranceService
  diagnoses: DiagnosesService
  practice: PracticeService
  documents: DocumentsService
}

export function createSuperbillService(ctx: ServiceContext, deps: SuperbillDeps) {
  return {
    create(clientId: string, from: string, to: string): SuperbillResult {
      const { client } = deps.clients.get(clientId)
      const result = buildSuperbill({
        practice: deps.practice.get(),
        providers: deps.billing.providers(),
        client,
        policy: deps.insurance.list(clientId, false).find((p) => p.rank === 'primary') ?? null,
        diagnoses: deps.diagnoses.list(clientId, false),
        charges: deps.billing.account(clientId).charges,
        from,
        to,
        generatedAt: ctx.now().toISOString()
      })
      // The contract has already refused a bad range; what is left (nothing billable) is about the data.
      if (result.kind === 'invalid') throw conflict(`${result.message}.`, { [result.field]: result.message })
      if (result.kind === 'missing') {
        const n = result.missing.length
        throw conflict(`The superbill needs ${n} more item${n === 1 ? '' : 's'} first.`, Object.fromEntries(result.missing.map((m, i) => [`missing.${i}`, m])))
      }
      const bill = result.superbill
      const file = deps.documents.store({ kind: 'superbill', clientId, periodFrom: from, periodTo: to, totalCents: bill.totals.chargesCents, data: bill })
      return { ...file, warnings: result.warnings }
    }
  }
}
export type SuperbillService = ReturnType<typeof createSuperbillService>
