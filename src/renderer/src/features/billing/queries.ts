import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { AdjustmentInput, ChargeEdit, FeeInput, PaymentInput, ProviderInput, RefundInput, SlidingScaleInput } from '@shared/contracts/billing'
import type { BillingEvent } from '@shared/domain/billing'
import { api, unwrap } from '@renderer/lib/api'
import { documentsKey, useInvalidateDocuments } from '../documents/queries'

/** Every billing query lives under ['billing']: any ledger write invalidates them all (the ledger is one source). */
export const billingKey = ['billing'] as const

export const billingQueries = {
  account: (clientId: string) => queryOptions({ queryKey: [...billingKey, 'account', clientId], queryFn: () => unwrap(api().billing.account({ clientId })) }),
  fees: () => queryOptions({ queryKey: [...billingKey, 'fees'], queryFn: () => unwrap(api().billing.fees({})) }),
  settings: () => queryOptions({ queryKey: [...billingKey, 'settings'], queryFn: () => unwrap(api().billing.settings({})) }),
  providers: () => queryOptions({ queryKey: [...billingKey, 'providers'], queryFn: () => unwrap(api().billing.providers({})) }),
  unbilled: () => queryOptions({ queryKey: [...billingKey, 'unbilled'], queryFn: () => unwrap(api().billing.unbilled({})) }),
  invoices: (openOnly: boolean) => queryOptions({ queryKey: [...billingKey, 'invoices', openOnly], queryFn: () => unwrap(api().billing.invoices({ openOnly })) }),
  payments: (from: string, to: string) => queryOptions({ queryKey: [...billingKey, 'payments', from, to], queryFn: () => unwrap(api().billing.payments({ from, to })) }),
  aging: () => queryOptions({ queryKey: [...billingKey, 'aging'], queryFn: () => unwrap(api().billing.aging({})) }),
  monthTotals: (asOf: string) => queryOptions({ queryKey: [...billingKey, 'months', asOf], queryFn: () => unwrap(api().billing.monthTotals({ asOf })) })
}

/**
 * A billing write: afterwards every billing view (and the agenda, which shows charged sessions)
 * refreshes, and the documents' $400 rule, which reads what was billed.
 */
function useBillingMutation<TIn, TOut>(fn: (input: TIn) => Promise<TOut>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: billingKey }), queryClient.invalidateQueries({ queryKey: documentsKey })])
  })
}

export const useCreateInvoice = () =>
  useBillingMutation((input: { clientId: string; chargeIds?: string[]; issue?: boolean; issuedOn?: string }) => unwrap(api().billing.createInvoice(input)))
export const useInvoiceMonth = () => useBillingMutation((input: { month: string }) => unwrap(api().billing.invoiceMonth(input)))
export const useVoidInvoice = () => useBillingMutation((input: { id: string; reason: string }) => unwrap(api().billing.voidInvoice(input)))
export const useIssueInvoice = () => useBillingMutation((input: { id: string }) => unwrap(api().billing.issueInvoice(input)))
export const useSetSlidingScale = () =>
  useBillingMutation(({ clientId, scale }: { clientId: string; scale: SlidingScaleInput }) => unwrap(api().billing.setSlidingScale({ clientId, scale })))
export const useEndSlidingScale = () => useBillingMutation((input: { id: string; endedOn: string }) => unwrap(api().billing.endSlidingScale(input)))
export const useRecordPayment = () =>
  useBillingMutation(({ clientId, payment }: { clientId: string; payment: PaymentInput }) => unwrap(api().billing.recordPayment({ clientId, payment })))
export const useRefund = () => useBillingMutation(({ clientId, refund }: { clientId: string; refund: RefundInput }) => unwrap(api().billing.refund({ clientId, refund })))
export const useApplyCredit = () => useBillingMutation((input: { clientId: string; invoiceId?: string }) => unwrap(api().billing.applyCredit(input)))
export const useUpdateCharge = () => useBillingMutation(({ id, charge }: { id: string; charge: ChargeEdit }) => unwrap(api().billing.updateCharge({ id, charge })))
export const useAdjust = () =>
  useBillingMutation(({ chargeId, adjustment }: { chargeId: string; adjustment: AdjustmentInput }) => unwrap(api().billing.adjust({ chargeId, adjustment })))
export const useSaveFee = () =>
  useBillingMutation(({ id, fee }: { id: string | null; fee: FeeInput }) => unwrap(id ? api().billing.updateFee({ id, fee }) : api().billing.createFee({ fee })))
export const useSaveDefaults = () =>
  useBillingMutation((input: { event: BillingEvent; lines: { feeItemId: string; units: number }[] }) => unwrap(api().billing.saveDefaults(input)))
export const useSaveBillingSettings = () => useBillingMutation((input: { holdUntilSigned: boolean }) => unwrap(api().billing.saveSettings(input)))
export const useSaveProvider = () =>
  useBillingMutation(({ userId, provider }: { userId: string; provider: ProviderInput }) => unwrap(api().billing.saveProvider({ userId, provider })))
export const useExportCsv = () => useBillingMutation((input: { from: string; to: string }) => unwrap(api().billing.exportCsv(input)))
/** Stores a document and writes its file; no ledger row changes, so only the documents list refreshes. */
export const useSuperbill = () => {
  const refreshDocuments = useInvalidateDocuments()
  return useMutation({ mutationFn: (input: { clientId: string; from: string; to: string }) => unwrap(api().billing.superbill(input)), onSuccess: refreshDocuments })
}
