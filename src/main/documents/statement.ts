/**
 * A client's statement for a period: the balance brought forward, every ledger row of the period
 * (charges, adjustments, payments, refunds) with the running balance, what is due, and how to pay.
 * Pure: built from the account's chronological ledger (features/billing), no IO, no clock.
 */
import type { Client } from '@shared/contracts/clients'
import type { LedgerRow } from '@shared/contracts/billing'
import type { Practice } from '@shared/contracts/practice'
import { sumCents } from '@shared/domain/money'
import { SUPERBILL_FIX_PLACES } from '@shared/domain/superbill'

export interface StatementSource {
  practice: Practice | null
  client: Client
  /** The whole ledger, oldest first, each row with the running balance after it. */
  ledger: readonly LedgerRow[]
  from: string
  to: string
  generatedAt: string
}

export interface StatementRow {
  date: string
  type: LedgerRow['type']
  description: string
  code: string | null
  invoiceNumber: string | null
  amountCents: number
  balanceCents: number
}

export interface Statement {
  generatedAt: string
  from: string
  to: string
  practice: { name: string; addressLines: string[]; phone: string; ein: string; organizationNpi: string | null }
  client: { name: string; addressLines: string[] }
  rows: StatementRow[]
  summary: { openingCents: number; chargesCents: number; adjustmentsCents: number; paymentsCents: number; refundsCents: number; closingCents: number }
  howToPay: string[]
}

export type StatementResult = { kind: 'ready'; statement: Statement } | { kind: 'missing'; missing: string[] } | { kind: 'invalid'; field: 'to'; message: string }

const nfc = (s: string) => s.normalize('NFC').trim()
const blank = (s: string | null | undefined): boolean => !s || s.trim() === ''
const lines = (...parts: (string | null)[]) => parts.filter((s): s is string => !blank(s)).map(nfc)

export function buildStatement(src: StatementSource): StatementResult {
  const p = src.practice
  const missing: string[] = []
  if (!p || blank(p.practiceName)) missing.push(`Practice name — ${SUPERBILL_FIX_PLACES.practice}`)
  if (!p || blank(p.addressLine1) || blank(p.city) || blank(p.state) || blank(p.postalCode)) missing.push(`Practice address — ${SUPERBILL_FIX_PLACES.practice}`)
  if (!p || blank(p.phone)) missing.push(`Practice phone — ${SUPERBILL_FIX_PLACES.practice}`)
  if (missing.length > 0) return { kind: 'missing', missing }
  const before = src.ledger.filter((r) => r.date < src.from)
  const rows = src.ledger.filter((r) => r.date >= src.from && r.date <= src.to)
  if (rows.length === 0 && before.length === 0) return { kind: 'invalid', field: 'to', message: 'There is nothing on this client’s account up to the end of this period' }
  const openingCents = before.at(-1)?.balanceCents ?? 0
  const sum = (type: LedgerRow['type']) => sumCents(rows.filter((r) => r.type === type).map((r) => r.amountCents))
  const practice = p!
  const c = src.client
  return {
    kind: 'ready',
    statement: {
      generatedAt: src.generatedAt,
      from: src.from,
      to: src.to,
      practice: {
        name: nfc(practice.practiceName),
        addressLines: lines(practice.addressLine1, practice.addressLine2, `${practice.city}, ${practice.state} ${practice.postalCode}`),
        phone: practice.phone,
        ein: practice.ein,
        organizationNpi: practice.organizationNpi
      },
      client: {
        name: nfc([c.legalFirstName, c.legalMiddleName, c.legalLastName, c.suffix].filter((s) => !blank(s)).join(' ')),
        addressLines: c.addressLine1 ? lines(c.addressLine1, c.addressLine2, `${c.city ?? ''}, ${c.state ?? ''} ${c.postalCode ?? ''}`) : []
      },
      rows: rows.map((r) => ({ date: r.date, type: r.type, description: nfc(r.description), code: r.code, invoiceNumber: r.invoiceNumber, amountCents: r.amountCents, balanceCents: r.balanceCents })),
      summary: {
        openingCents,
        chargesCents: sum('charge'),
        adjustmentsCents: sum('adjustment'),
        paymentsCents: sum('payment'),
        refundsCents: sum('refund'),
        closingCents: rows.at(-1)?.balanceCents ?? openingCents
      },
      howToPay: [
        `Pay by card, HSA/FSA card, cash, or check payable to ${nfc(practice.practiceName)}; write the statement number on your check.`,
        `Mail checks to ${lines(practice.addressLine1, practice.addressLine2, `${practice.city}, ${practice.state} ${practice.postalCode}`).join(', ')}.`,
        `Questions about this statement: call ${practice.phone}.`
      ]
    }
  }
}
