/**
 * documents:statement — a client's account for a period, from the ledger (features/billing),
 * stored as a numbered document (ST-YYYY-NNNN) and written as a PDF into the exports folder.
 */
import type { DocumentFile } from '@shared/contracts/documents'
import type { ServiceContext } from '../../context'
import { buildStatement } from '../../documents/statement'
import { conflict } from '../../errors'
import type { BillingService } from '../billing/service'
import type { ClientsService } from '../clients/service'
import type { PracticeService } from '../practice/service'
import type { DocumentsService } from './service'

export function createStatementService(ctx: ServiceContext, deps: { billing: BillingService; clients: ClientsService; practice: PracticeService; documents: DocumentsService }) {
  return {
    create(clientId: string, from: string, to: string): DocumentFile {
      const { client } = deps.clients.get(clientId)
      const result = buildStatement({ practice: deps.practice.get(), client, ledger: deps.billing.account(clientId).ledger, from, to, generatedAt: ctx.now().toISOString() })
      if (result.kind === 'invalid') throw conflict(`${result.message}.`, { [result.field]: result.message })
      if (result.kind === 'missing') {
        const n = result.missing.length
        throw conflict(`The statement needs ${n} more item${n === 1 ? '' : 's'} first.`, Object.fromEntries(result.missing.map((m, i) => [`missing.${i}`, m])))
      }
      const st = result.statement
      return deps.documents.store({ kind: 'statement', clientId, periodFrom: from, periodTo: to, totalCents: st.summary.closingCents, data: st })
    }
  }
}
export type StatementService = ReturnType<typeof createStatementService>
