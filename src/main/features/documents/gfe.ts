/**
 * documents:goodFaithEstimate — reads the client, their course and its sessions, the fee
 * schedule and the practice, builds the estimate (documents/gfe.ts) and stores it (GFE-YYYY-NNNN).
 * documents:disputes — the $400 rule over every estimate still in force: what was billed (issued
 * invoices) for the estimate's period against its high end.
 */
import type { DisputeRow, GoodFaithEstimateResult } from '@shared/contracts/documents'
import { localToday } from '@shared/domain/dates'
import { disputeFlag } from '@shared/domain/good-faith-estimate'
import { sumCents } from '@shared/domain/money'
import type { ServiceContext } from '../../context'
import { buildGoodFaithEstimate } from '../../documents/gfe'
import { conflict } from '../../errors'
import type { BillingService } from '../billing/service'
import type { ClientsService } from '../clients/service'
import type { CoursesService } from '../courses/service'
import type { DiagnosesService } from '../diagnoses/service'
import type { InsuranceService } from '../insurance/service'
import type { PracticeService } from '../practice/service'
import type { SessionsService } from '../sessions/service'
import type { DocumentsService } from './service'

export interface GfeDeps {
  billing: BillingService
  clients: ClientsService
  courses: CoursesService
  sessions: SessionsService
  insurance: InsuranceService
  diagnoses: DiagnosesService
  practice: PracticeService
  documents: DocumentsService
}

export function createGfeService(ctx: ServiceContext, deps: GfeDeps) {
  return {
    create(input: { clientId: string; courseId: string; selfPay: boolean; requestedOn: string | null }): GoodFaithEstimateResult {
      const { client } = deps.clients.get(input.clientId)
      const course = deps.courses.get(input.courseId)
      if (course.clientId !== input.clientId) throw conflict('That course belongs to another client.', { courseId: 'Choose one of this client’s courses' })
      const issuedOn = localToday(ctx.now())
      // The primary service's date: the course's first session still to come, booked on the day it was created.
      const first = deps.sessions
        .list(input.clientId)
        .filter((s) => s.courseId === course.id && s.status === 'scheduled' && s.date >= issuedOn)
        .toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0]
      const result = buildGoodFaithEstimate({
        practice: deps.practice.get(),
        client,
        payerOnFile: deps.insurance.list(input.clientId, false).find((p) => p.rank === 'primary')?.payerName ?? null,
        selfPay: input.selfPay,
        diagnoses: deps.diagnoses.list(input.clientId, false),
        course,
        fees: deps.billing.fees(),
        firstSession: first ? { date: first.date, scheduledOn: localToday(new Date(first.createdAt)) } : null,
        requestedOn: input.requestedOn,
        issuedOn,
        generatedAt: ctx.now().toISOString()
      })
      if (result.kind === 'invalid') throw conflict(`${result.message}.`, { [result.field]: result.message })
      if (result.kind === 'missing') {
        const n = result.missing.length
        throw conflict(`The Good Faith Estimate needs ${n} more item${n === 1 ? '' : 's'} first.`, Object.fromEntries(result.missing.map((m, i) => [`missing.${i}`, m])))
      }
      const gfe = result.estimate
      const file = deps.documents.store({ kind: 'gfe', clientId: input.clientId, periodFrom: gfe.periodFrom, periodTo: gfe.periodTo, totalCents: gfe.totals.highCents, data: gfe })
      return { ...file, deadline: gfe.deadline, timeliness: gfe.timeliness }
    },

    disputes(clientId: string | null): DisputeRow[] {
      const rows: DisputeRow[] = []
      for (const { document, data } of deps.documents.active('gfe', clientId)) {
        const account = deps.billing.account(document.clientId)
        const issued = new Map(account.invoices.filter((i) => i.status !== 'void' && i.status !== 'draft' && i.issuedOn).map((i) => [i.id, i.issuedOn!]))
        // Billed: services (not late-cancel fees) on an issued invoice, dated within the estimate's period, net of adjustments.
        const billed = account.charges.filter(
          (c) => c.state !== 'void' && c.reimbursable && c.invoiceId && issued.has(c.invoiceId) && c.dateOfService >= data.periodFrom && c.dateOfService <= data.periodTo
        )
        if (billed.length === 0) continue
        const billedCents = sumCents(billed.map((c) => c.amountCents - c.adjustedCents))
        const billedOn = billed.map((c) => issued.get(c.invoiceId!)!).toSorted().at(-1)!
        const flag = disputeFlag(data.totals.highCents, billedCents, billedOn)
        if (!flag) continue
        rows.push({
          documentId: document.id,
          number: document.number,
          clientId: document.clientId,
          clientName: data.client.name,
          estimateCents: data.totals.highCents,
          billedCents,
          overByCents: flag.overByCents,
          billedOn,
          windowEndsOn: flag.windowEndsOn
        })
      }
      return rows
    }
  }
}
export type GfeService = ReturnType<typeof createGfeService>
