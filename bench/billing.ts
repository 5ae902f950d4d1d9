/**
 * Synthetic billing ledger for the billing benchmarks: 25 charges a client over 10,000 clients
 * (250,000 charges), invoiced five at a time and mostly paid, with sliding-scale adjustments and
 * the last two of each client's charges unbilled; plus fresh groups of 20 unbilled charges for
 * billing.invoice to take. Written with raw prepared statements in one transaction, deterministic
 * for a seed. Nothing here is a real person.
 */
import type { AppCore } from '../src/main/app'
import { formatInvoiceNumber } from '@shared/domain/billing'
import { REFRESH_ALL_OPEN_SQL } from '../src/main/features/billing/repository'
import { rng } from './clinical'

const FEE_90837 = '01900000-0000-7000-8000-000000000002'
const FEE_0820T = '01900000-0000-7000-8000-000000000003'
const NOW = '2026-03-08T15:00:00.000Z'

/** A v4-shaped UUID from a counter, in its own range per kind of row. */
const uuid = (kind: number, n: number) => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`

export interface BillingSeed {
  charges: number
  invoices: number
  /** Groups of 20 unbilled charges, one client each, for billing.invoice. */
  invoiceGroups: { clientId: string; chargeIds: string[] }[]
}

const isoDay = (base: number, offset: number) => new Date(base + offset * 86_400_000).toISOString().slice(0, 10)

export function seedBilling(app: AppCore, clientIds: readonly string[], options: { seed: number; perClient: number; groups: number }): BillingSeed {
  const sqlite = app.connection.sqlite
  const r = rng(options.seed)
  const insertCharge = sqlite.prepare(
    `INSERT INTO charges (id, client_id, session_id, fee_item_id, event, date_of_service, code, modifiers, description, units, unit_fee_cents, amount_cents,
       place_of_service, rendering_user_id, diagnosis_ids, held, invoice_id, voided_at, void_reason, created_at, created_by, updated_at)
     VALUES (?, ?, NULL, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, NULL, '[]', 0, NULL, NULL, NULL, ?, 'bench', ?)`
  )
  const insertInvoice = sqlite.prepare(
    `INSERT INTO invoices (id, client_id, number, year, seq, status, issued_on, total_cents, note, voided_at, void_reason, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, 'issued', ?, ?, NULL, NULL, NULL, ?, 'bench', ?)`
  )
  const insertLine = sqlite.prepare('INSERT INTO invoice_lines (id, invoice_id, charge_id, position, amount_cents) VALUES (?, ?, ?, ?, ?)')
  const setInvoice = sqlite.prepare('UPDATE charges SET invoice_id = ? WHERE id = ?')
  const setAdjustmentInvoice = sqlite.prepare('UPDATE adjustments SET invoice_id = ? WHERE id = ?')
  const insertAdjustment = sqlite.prepare(
    `INSERT INTO adjustments (id, client_id, charge_id, kind, amount_cents, date, reason, sliding_scale_id, invoice_id, voided_at, void_reason, created_at, created_by)
     VALUES (?, ?, ?, 'sliding_scale', ?, ?, 'Sliding scale', NULL, NULL, NULL, NULL, ?, 'bench')`
  )
  const insertPayment = sqlite.prepare(
    `INSERT INTO payments (id, client_id, kind, received_on, amount_cents, method, reference, note, voided_at, void_reason, created_at, created_by)
     VALUES (?, ?, 'payment', ?, ?, ?, NULL, NULL, NULL, NULL, ?, 'bench')`
  )
  const insertAllocation = sqlite.prepare(
    `INSERT INTO allocations (id, payment_id, invoice_id, charge_id, client_id, amount_cents, voided_at, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 'bench')`
  )
  const counter = sqlite.prepare('INSERT INTO invoice_counters (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = excluded.last')
  const methods = ['card', 'check', 'cash', 'hsa_fsa', 'bank_transfer']
  const base = Date.parse('2025-01-06T00:00:00Z')
  let charges = 0
  let invoices = 0
  let adjustments = 0
  let payments = 0
  let allocations = 0
  const seqByYear = new Map<number, number>()
  const groups: BillingSeed['invoiceGroups'] = []

  // billing.invoice needs clients still in care (an archived client's charges are not invoiced).
  const archived = new Set(sqlite.prepare('SELECT id FROM clients WHERE archived_at IS NOT NULL').pluck().all() as string[])
  const current = clientIds.filter((id) => !archived.has(id))
  sqlite.transaction(() => {
    for (const clientId of clientIds) {
      // One client's charges, a week or two apart, over about a year.
      let day = Math.floor(r() * 60)
      const rows: { id: string; amount: number; date: string; open: number; adjustmentId: string | null }[] = []
      for (let k = 0; k < options.perClient; k++) {
        day += 7 + Math.floor(r() * 10)
        const dosing = r() < 0.3
        const units = dosing ? 3 : 1
        const fee = 20000
        const id = uuid(0xc1, ++charges)
        const date = isoDay(base, day)
        insertCharge.run(id, clientId, dosing ? FEE_0820T : FEE_90837, dosing ? 'dosing' : 'integration', date, dosing ? '0820T' : '90837', dosing ? 'Monitoring' : 'Psychotherapy', units, fee, units * fee, '11', NOW, NOW)
        let open = units * fee
        let adjustmentId: string | null = null
        if (r() < 0.1) {
          const off = Math.round(open * 0.25)
          adjustmentId = uuid(0xad, ++adjustments)
          insertAdjustment.run(adjustmentId, clientId, id, off, date, NOW)
          open -= off
        }
        rows.push({ id, amount: units * fee, date, open, adjustmentId })
      }
      // Invoiced five at a time; the last two stay unbilled.
      const billable = rows.slice(0, Math.max(0, rows.length - 2))
      for (let i = 0; i < billable.length; i += 5) {
        const lines = billable.slice(i, i + 5)
        const issuedOn = isoDay(Date.parse(`${lines.at(-1)!.date}T00:00:00Z`), 3)
        const year = Number(issuedOn.slice(0, 4))
        const seq = (seqByYear.get(year) ?? 0) + 1
        seqByYear.set(year, seq)
        const invoiceId = uuid(0x1f, ++invoices)
        insertInvoice.run(invoiceId, clientId, formatInvoiceNumber(year, seq), year, seq, issuedOn, lines.reduce((s, l) => s + l.amount, 0), NOW, NOW)
        lines.forEach((l, p) => {
          insertLine.run(uuid(0x11, invoices * 8 + p), invoiceId, l.id, p, l.amount)
          setInvoice.run(invoiceId, l.id)
          if (l.adjustmentId) setAdjustmentInvoice.run(invoiceId, l.adjustmentId)
        })
        // 90 % paid in full, 5 % partly, 5 % open (a practice's accounts receivable).
        const roll = r()
        if (roll < 0.95) {
          const due = lines.reduce((s, l) => s + l.open, 0)
          const amount = roll < 0.9 ? due : Math.floor(due / 2)
          const paymentId = uuid(0x9a, ++payments)
          insertPayment.run(paymentId, clientId, isoDay(Date.parse(`${issuedOn}T00:00:00Z`), 5 + Math.floor(r() * 30)), amount, methods[Math.floor(r() * methods.length)]!, NOW)
          let left = amount
          for (const l of lines) {
            if (left === 0) break
            const take = Math.min(left, l.open)
            insertAllocation.run(uuid(0xa1, ++allocations), paymentId, invoiceId, l.id, clientId, take, NOW)
            left -= take
          }
        }
      }
    }
    for (const [year, last] of seqByYear) counter.run(year, last)
    // As the app's writes leave them: each issued invoice's settled flag and open amount from its rows.
    sqlite.exec(REFRESH_ALL_OPEN_SQL)
    // Fresh unbilled charges for billing.invoice: 20 a group, one client each.
    for (let g = 0; g < options.groups; g++) {
      const clientId = current[(g * 7919) % current.length]!
      const ids: string[] = []
      for (let k = 0; k < 20; k++) {
        const id = uuid(0xc2, g * 20 + k + 1)
        insertCharge.run(id, clientId, FEE_90837, 'integration', '2026-03-02', '90837', 'Psychotherapy', 1, 20000, 20000, '11', NOW, NOW)
        ids.push(id)
      }
      groups.push({ clientId, chargeIds: ids })
    }
  })()
  sqlite.pragma('optimize')
  return { charges, invoices, invoiceGroups: groups }
}

/**
 * billing.invoice's baseline: the same invoice written as raw better-sqlite3 — read the charges,
 * take the number, insert the invoice and its lines, point the charges at it — in one IMMEDIATE
 * transaction, as the app does.
 */
export function rawInvoice(app: AppCore) {
  const sqlite = app.connection.sqlite
  const charges = sqlite.prepare('SELECT id, client_id, amount_cents, invoice_id, voided_at, held FROM charges WHERE id IN (SELECT value FROM json_each(?))')
  const next = sqlite.prepare('INSERT INTO invoice_counters (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last').pluck()
  const insertInvoice = sqlite.prepare(
    `INSERT INTO invoices (id, client_id, number, year, seq, status, issued_on, total_cents, note, voided_at, void_reason, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, 'issued', ?, ?, NULL, NULL, NULL, ?, 'bench', ?)`
  )
  const insertLine = sqlite.prepare('INSERT INTO invoice_lines (id, invoice_id, charge_id, position, amount_cents) VALUES (?, ?, ?, ?, ?)')
  const setInvoice = sqlite.prepare('UPDATE charges SET invoice_id = ?, updated_at = ? WHERE id = ?')
  const setAdjustments = sqlite.prepare('UPDATE adjustments SET invoice_id = ? WHERE charge_id = ?')
  const readBack = sqlite.prepare('SELECT * FROM invoices WHERE id = ?')
  const lines = sqlite.prepare('SELECT c.* FROM charges c JOIN invoice_lines n ON n.charge_id = c.id WHERE n.invoice_id = ? ORDER BY n.position')
  let n = 0
  return (clientId: string, chargeIds: string[]) =>
    sqlite
      .transaction(() => {
        const rows = charges.all(JSON.stringify(chargeIds)) as { id: string; client_id: string; amount_cents: number; invoice_id: string | null }[]
        if (rows.length !== chargeIds.length || rows.some((c) => c.client_id !== clientId || c.invoice_id)) throw new Error('bad charges')
        const seq = next.get(2026) as number
        const id = uuid(0xba, ++n)
        insertInvoice.run(id, clientId, formatInvoiceNumber(2026, seq), 2026, seq, '2026-03-08', rows.reduce((s, c) => s + c.amount_cents, 0), NOW, NOW)
        rows.forEach((c, p) => {
          insertLine.run(uuid(0xbb, n * 32 + p), id, c.id, p, c.amount_cents)
          setInvoice.run(id, NOW, c.id)
          setAdjustments.run(id, c.id)
        })
        readBack.get(id)
        return lines.all(id)
      })
      .immediate()
}
