/** Draws a client Statement (documents/statement.ts) on US Letter, black on white. */
import type { Statement } from '../documents/statement'
import { usDate } from '@shared/domain/dates'
import { formatCents } from '@shared/domain/money'
import type { PdfFonts } from './fonts'
import { CONTENT, GREY, PAGE, columnLayout, createPdf } from './layout'

const COLUMNS = [
  { key: 'date', label: 'Date', width: 62 },
  { key: 'desc', label: 'Description', width: 0 },
  { key: 'code', label: 'Code', width: 44 },
  { key: 'invoice', label: 'Invoice', width: 92 },
  { key: 'amount', label: 'Amount', width: 70, right: true },
  { key: 'balance', label: 'Balance', width: 70, right: true }
] as const
type ColumnKey = (typeof COLUMNS)[number]['key']
const colX = columnLayout(COLUMNS)

export function renderStatementPdf(st: Statement, fonts: PdfFonts, number: string): Buffer {
  const { text, rule, heading, header, room, finish } = createPdf({ title: `Statement ${number}`, author: st.practice.name, subject: 'Account statement', at: st.generatedAt }, fonts)
  const s = st.summary
  const due = s.closingCents
  let y = header(st.practice, 'STATEMENT', [
    { text: 'Account statement', grey: true },
    { text: `No. ${number}`, bold: true },
    { text: `Period ${usDate(st.from)} – ${usDate(st.to)}` },
    { text: `Statement date ${usDate(st.generatedAt.slice(0, 10))}` }
  ])

  // ---- Client and the amount due
  const half = CONTENT / 2 - 10
  const rightX = PAGE.margin + CONTENT / 2 + 10
  let ly = heading('Statement for', y)
  ly = text(st.client.name, PAGE.margin, ly, { bold: true, size: 10, width: half })
  for (const line of st.client.addressLines) ly = text(line, PAGE.margin, ly + 1, { width: half })
  text(due >= 0 ? 'BALANCE DUE' : 'CREDIT ON ACCOUNT', rightX, y, { size: 8, bold: true, color: GREY, width: half, align: 'right' })
  const ry = text(formatCents(Math.abs(due)), rightX, y + 13, { size: 18, bold: true, width: half, align: 'right' })
  y = Math.max(ly, ry) + 8
  rule(y)
  y += 10

  // ---- Summary
  y = heading('Summary', y)
  const summaryRow = (label: string, cents: number, bold = false) => {
    text(label, PAGE.margin, y, { width: 200, bold })
    y = text(formatCents(cents), PAGE.margin + 200, y, { width: 90, align: 'right', bold }) + 2
  }
  summaryRow(`Previous balance (before ${usDate(st.from)})`, s.openingCents)
  summaryRow('Charges', s.chargesCents)
  if (s.adjustmentsCents !== 0) summaryRow('Adjustments', s.adjustmentsCents)
  summaryRow('Payments', s.paymentsCents)
  if (s.refundsCents !== 0) summaryRow('Refunds', s.refundsCents)
  summaryRow(due >= 0 ? 'Balance due' : 'Credit', due, true)
  y += 8

  // ---- Ledger rows
  y = heading('Account activity', y)
  const headerRow = (top: number) => {
    rule(top, 0.8, 'black')
    for (const col of COLUMNS) {
      const cx = colX[col.key]
      text(col.label, cx.x + 2, top + 4, { size: 8, bold: true, width: cx.width - 4, align: cx.right ? 'right' : 'left', ellipsis: true })
    }
    rule(top + 17, 0.8, 'black')
    return top + 21
  }
  y = headerRow(y)
  for (const r of st.rows) {
    const before = y
    y = room(y, 18)
    if (y !== before) y = headerRow(y)
    const cell = (key: ColumnKey, value: string) => {
      const cx = colX[key]
      text(value, cx.x + 2, y, { width: cx.width - 4, align: cx.right ? 'right' : 'left', ellipsis: true })
    }
    cell('date', usDate(r.date))
    cell('desc', r.description)
    cell('code', r.code ?? '')
    cell('invoice', r.invoiceNumber ?? '')
    cell('amount', formatCents(r.amountCents))
    cell('balance', formatCents(r.balanceCents))
    y += 13
    rule(y - 2, 0.3)
  }
  if (st.rows.length === 0) y = text('No activity in this period.', PAGE.margin, y, { color: GREY }) + 4
  y += 10

  // ---- How to pay
  y = room(y, 60)
  y = heading('How to pay', y)
  for (const line of st.howToPay) y = text(line, PAGE.margin, y, { width: CONTENT }) + 2
  return finish()
}
