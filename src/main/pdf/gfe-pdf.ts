/**
 * Draws a Good Faith Estimate (documents/gfe.ts) on US Letter, black on white: the patient, the
 * provider with NPI, TIN and state, the primary service, the itemised services with codes and
 * expected charges (a range where the fee is one), what is estimated separately, and the
 * disclaimers 45 CFR 149.610 requires.
 */
import type { GoodFaithEstimate } from '../documents/gfe'
import { usDate } from '@shared/domain/dates'
import { formatCents } from '@shared/domain/money'
import type { PdfFonts } from './fonts'
import { CONTENT, GREY, PAGE, columnLayout, createPdf } from './layout'

export const centsRange = (low: number, high: number) => (low === high ? formatCents(low) : `${formatCents(low)} – ${formatCents(high)}`)

const COLUMNS = [
  { key: 'service', label: 'Service', width: 150 },
  { key: 'code', label: 'Code', width: 44 },
  { key: 'sessions', label: 'Sessions', width: 46, right: true },
  { key: 'units', label: 'Units each', width: 50, right: true },
  { key: 'fee', label: 'Per session', width: 110, right: true },
  { key: 'total', label: 'Expected charges', width: 0, right: true }
] as const
type ColumnKey = (typeof COLUMNS)[number]['key']
const colX = columnLayout(COLUMNS)

export function renderGfePdf(gfe: GoodFaithEstimate, fonts: PdfFonts, number: string): Buffer {
  const { text, rule, heading, header, room, finish } = createPdf(
    { title: `Good Faith Estimate ${number}`, author: gfe.practice.name, subject: 'Good Faith Estimate for health care items and services', at: gfe.generatedAt },
    fonts
  )
  let y = header(gfe.practice, 'GOOD FAITH ESTIMATE', [
    { text: 'For health care items and services (No Surprises Act)', grey: true },
    { text: `No. ${number}`, bold: true },
    { text: `Issued ${usDate(gfe.issuedOn)}` },
    { text: `Covers ${usDate(gfe.periodFrom)} – ${usDate(gfe.periodTo)}` }
  ])

  // ---- Patient and provider
  const half = CONTENT / 2 - 10
  const rightX = PAGE.margin + CONTENT / 2 + 10
  let ly = heading('Patient', y)
  ly = text(gfe.client.name, PAGE.margin, ly, { bold: true, size: 10, width: half })
  ly = text(`Date of birth ${usDate(gfe.client.dateOfBirth)}`, PAGE.margin, ly + 1, { width: half })
  const pr = gfe.provider
  text('PROVIDER', rightX, y, { size: 8, bold: true, color: GREY, width: half })
  let ry = text(`${pr.name}${pr.credentials ? `, ${pr.credentials}` : ''}`, rightX, y + 13, { bold: true, size: 10, width: half })
  ry = text(`NPI ${pr.npi}`, rightX, ry + 1, { width: half })
  ry = text(`TIN ${pr.tin}`, rightX, ry + 1, { width: half })
  ry = text(`Services furnished in ${pr.states.join(', ')}`, rightX, ry + 1, { width: half })
  y = Math.max(ly, ry) + 8
  rule(y)
  y += 10

  // ---- Primary service and diagnoses
  y = heading('Primary service', y)
  y = text(gfe.primaryService.description, PAGE.margin, y, { bold: true, width: CONTENT })
  y = text(gfe.primaryService.date ? `First session scheduled for ${usDate(gfe.primaryService.date)}` : 'Not yet scheduled', PAGE.margin, y + 1, { width: CONTENT }) + 8
  if (gfe.diagnoses.length > 0) {
    y = heading('Diagnoses (ICD-10-CM)', y)
    for (const d of gfe.diagnoses) {
      text(d.code, PAGE.margin, y, { bold: true, width: 50 })
      y = text(d.description ?? '', PAGE.margin + 54, y, { width: CONTENT - 54, color: GREY, ellipsis: true }) + 2
    }
    y += 6
  }

  // ---- Itemised services, one provider group
  y = heading(`Items and services expected — ${pr.name}`, y)
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
  for (const line of gfe.lines) {
    const before = y
    y = room(y, 30)
    if (y !== before) y = headerRow(y)
    const cell = (key: ColumnKey, value: string, bold = false) => {
      const cx = colX[key]
      return text(value, cx.x + 2, y, { width: cx.width - 4, align: cx.right ? 'right' : 'left', bold })
    }
    const below = cell('service', line.service, true)
    cell('code', line.code)
    cell('sessions', String(line.sessions))
    cell('units', String(line.units))
    cell('fee', centsRange(line.perSessionLowCents, line.perSessionHighCents))
    cell('total', centsRange(line.lowCents, line.highCents))
    const descBelow = line.description ? text(line.description, colX.service.x + 2, below, { width: colX.service.width + colX.code.width - 4, size: 7.5, color: GREY, ellipsis: true }) : below
    y = descBelow + 4
    rule(y - 2, 0.3)
  }
  y += 4
  text('Total estimated charges', colX.units.x - 60, y, { width: colX.units.width + colX.fee.width + 56, align: 'right', bold: true })
  y = text(centsRange(gfe.totals.lowCents, gfe.totals.highCents), colX.total.x, y, { width: colX.total.width - 2, align: 'right', bold: true, size: 10 }) + 10

  // ---- Estimated separately, and the disclaimers
  y = room(y, 60)
  y = heading('Items and services estimated or scheduled separately', y)
  for (const s of gfe.separately) y = text(`•  ${s}`, PAGE.margin, y, { width: CONTENT }) + 2
  y += 8
  y = room(y, 80)
  y = heading('Disclaimer', y)
  for (const d of gfe.disclaimers) {
    y = room(y, 30)
    y = text(d, PAGE.margin, y, { size: 7.5, width: CONTENT }) + 3
  }
  return finish()
}
