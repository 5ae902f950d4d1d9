/**
 * Draws a Superbill (documents/superbill.ts) on US Letter with pdfkit: black on white, so it
 * faxes and photocopies cleanly. The same model gives the same bytes: the PDF's dates come from
 * `generatedAt` and its info is fixed (pdfkit derives the file ID from the info).
 */
import type { Superbill } from '../documents/superbill'
import { formatCents } from '@shared/domain/money'
import { usDate } from '@shared/domain/dates'
import type { PdfFonts } from './fonts'
import { BOTTOM, CONTENT, GREY, PAGE, columnLayout, createPdf } from './layout'

/** Service-line columns (points); the description takes what is left. */
const COLUMNS = [
  { key: 'date', label: 'Date', width: 56 },
  { key: 'pos', label: 'POS', width: 28 },
  { key: 'code', label: 'Code', width: 40 },
  { key: 'mod', label: 'Modifiers', width: 44 },
  { key: 'desc', label: 'Service', width: 0 },
  { key: 'dx', label: 'Dx', width: 46 },
  { key: 'units', label: 'Units', width: 28, right: true },
  { key: 'fee', label: 'Fee', width: 58, right: true },
  { key: 'paid', label: 'Paid', width: 58, right: true }
] as const
type ColumnKey = (typeof COLUMNS)[number]['key']
const colX = columnLayout(COLUMNS)

/** `number` is the stored document's (SB-2026-0001), printed under the title. */
export function renderSuperbillPdf(bill: Superbill, fonts: PdfFonts, number: string): Buffer {
  const { doc, text, rule, heading, header, finish } = createPdf(
    { title: `Superbill ${number}`, author: bill.practice.name, subject: 'Statement for insurance reimbursement', at: bill.generatedAt },
    fonts
  )
  const bottom = BOTTOM

  // ---- Header: the practice, and what this document is
  let y = header(bill.practice, 'SUPERBILL', [
    { text: 'Statement for insurance reimbursement', grey: true },
    { text: `No. ${number}`, bold: true },
    { text: `Services ${usDate(bill.from)} – ${usDate(bill.to)}` },
    { text: `Prepared ${usDate(bill.generatedAt.slice(0, 10))}` }
  ])

  // ---- Provider(s) and client, side by side
  const half = CONTENT / 2 - 10
  const clientX = PAGE.margin + CONTENT / 2 + 10
  let py = heading(bill.providers.length > 1 ? 'Rendering providers' : 'Rendering provider', y)
  const several = bill.providers.length > 1
  for (const [i, pr] of bill.providers.entries()) {
    py = text(`${several ? `P${i + 1}  ` : ''}${pr.name}, ${pr.credentials}`, PAGE.margin, py, { bold: true, size: 10, width: half })
    py = text(`Individual NPI ${pr.npi}`, PAGE.margin, py + 1, { width: half })
    py = text(`License ${pr.licenseNumber} (${pr.licenseState})`, PAGE.margin, py + 1, { width: half }) + 5
  }
  const c = bill.client
  let cy = y
  text('CLIENT', clientX, cy, { size: 8, bold: true, color: GREY, width: half })
  cy += 13
  cy = text(c.name, clientX, cy, { bold: true, size: 10, width: half })
  if (c.nameNote) cy = text(c.nameNote, clientX, cy + 1, { size: 8, color: GREY, width: half })
  cy = text(`Date of birth ${usDate(c.dateOfBirth)}`, clientX, cy + 1, { width: half })
  for (const line of c.addressLines) cy = text(line, clientX, cy + 1, { width: half })
  if (c.phone) cy = text(`Phone ${c.phone}`, clientX, cy + 1, { width: half })
  if (c.payerName) cy = text(`Insurer ${c.payerName}`, clientX, cy + 4, { width: half })
  if (c.memberId) cy = text(`Member ID ${c.memberId}${c.groupNumber ? `    Group ${c.groupNumber}` : ''}`, clientX, cy + 1, { width: half })
  y = Math.max(py, cy) + 8
  rule(y)
  y += 10

  // ---- Diagnoses
  y = heading('Diagnoses (ICD-10-CM)', y)
  for (const d of bill.diagnoses) {
    text(d.letter, PAGE.margin, y, { bold: true, width: 16 })
    text(d.code, PAGE.margin + 18, y, { bold: true, width: 50 })
    y = text(d.description ?? '', PAGE.margin + 72, y, { width: CONTENT - 72, ellipsis: true, color: GREY }) + 2
  }
  y += 6

  // ---- Service lines
  const headerRow = (top: number) => {
    rule(top, 0.8, 'black')
    for (const col of COLUMNS) {
      const cx = colX[col.key]
      text(col.label, cx.x + 2, top + 4, { size: 8, bold: true, width: cx.width - 4, align: cx.right ? 'right' : 'left', ellipsis: true })
    }
    rule(top + 17, 0.8, 'black')
    return top + 21
  }
  y = heading('Services', y)
  y = headerRow(y)
  for (const line of bill.lines) {
    if (y + 16 > bottom - 20) {
      doc.addPage()
      y = headerRow(PAGE.margin)
    }
    const cell = (key: ColumnKey, value: string) => {
      const cx = colX[key]
      text(value, cx.x + 2, y, { width: cx.width - 4, align: cx.right ? 'right' : 'left', ellipsis: true })
    }
    cell('date', usDate(line.dateOfService))
    cell('pos', line.placeOfService)
    cell('code', line.code)
    cell('mod', line.modifiers.join(' '))
    // With several providers, each line names its own (P1, P2 as listed above).
    cell('desc', several ? `P${line.provider + 1} · ${line.description}` : line.description)
    cell('dx', line.pointers.join(' '))
    cell('units', String(line.units))
    cell('fee', formatCents(line.feeCents))
    cell('paid', formatCents(line.paidCents))
    y += 13
    rule(y - 2, 0.3)
  }

  // ---- Totals, right-aligned under the money columns
  if (y + 70 > bottom) {
    doc.addPage()
    y = PAGE.margin
  }
  y += 4
  const labelX = colX.units.x - 120
  const totalRow = (label: string, cents: number, bold = false) => {
    text(label, labelX, y, { width: 150 + colX.units.width - 30, align: 'right', bold })
    text(formatCents(cents), colX.fee.x, y, { width: colX.fee.width + colX.paid.width - 2, align: 'right', bold })
    y += 13
  }
  const t = bill.totals
  totalRow('Total charges', t.chargesCents)
  if (t.adjustedCents !== 0) totalRow('Adjustments', -t.adjustedCents)
  totalRow('Total paid', t.paidCents)
  doc.moveTo(labelX, y).lineTo(PAGE.width - PAGE.margin, y).lineWidth(0.8).strokeColor('black').stroke()
  y += 3
  totalRow('Balance due', t.balanceCents, true)

  // ---- Footnotes and signature
  y += 8
  for (const note of ['Place of service: 02/10 telehealth, 11 office, 12 home. Paid is what was applied to each line.', ...bill.footnotes]) {
    y = text(note, PAGE.margin, y, { size: 8, color: GREY, width: CONTENT }) + 2
  }
  if (y + 60 > bottom) {
    doc.addPage()
    y = PAGE.margin
  }
  const signer = bill.providers[0]!
  y += 30
  doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + 260, y).lineWidth(0.6).strokeColor('black').stroke()
  doc.moveTo(PAGE.margin + 300, y).lineTo(PAGE.margin + 420, y).stroke()
  text(`${signer.name}, ${signer.credentials}`, PAGE.margin, y + 4, { width: 260 })
  text(usDate(bill.generatedAt.slice(0, 10)), PAGE.margin + 300, y + 4, { width: 120 })
  text('Provider signature', PAGE.margin, y + 16, { size: 7, color: GREY })
  text('Date', PAGE.margin + 300, y + 16, { size: 7, color: GREY })

  return finish()
}
