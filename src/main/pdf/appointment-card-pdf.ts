/**
 * Draws an appointment card (documents/appointments.ts) on a 6 × 4 in index card: black on white,
 * large enough to read on a fridge door. Up to 7 appointments a card; more continue on a second.
 * The same card gives the same bytes (dates from `generatedAt`, fixed info).
 */
// oxlint-disable-next-line import/no-named-as-default -- @types/pdfkit declares only the default export
import PDFDocument from 'pdfkit'
import type { AppointmentCard } from '../documents/appointments'
import { finishPdf } from './bytes'
import type { PdfFonts } from './fonts'
import { shapingOf } from './shaping'

const PAGE = { width: 432, height: 288, margin: 24 }
const CONTENT = PAGE.width - 2 * PAGE.margin
const PER_PAGE = 7
const GREY = '#555555'


export function renderAppointmentCardPdf(card: AppointmentCard, fonts: PdfFonts): Buffer {
  const at = new Date(card.generatedAt)
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    // A small bottom margin, so the footer line never makes pdfkit start a new page.
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: 4 },
    autoFirstPage: false,
    info: { Title: 'Appointment card', Creator: 'KAP Practice', Producer: 'KAP Practice', CreationDate: at, ModDate: at }
  })
  doc.registerFont('regular', fonts.regular as unknown as string)
  doc.registerFont('bold', fonts.bold as unknown as string)

  /** NFC, and `ccmp` off for non-ASCII so an accented letter stays one glyph and extracts as itself (as superbill-pdf.ts). */
  const text = (s: string, x: number, y: number, o: { size?: number; bold?: boolean; color?: string; width?: number; align?: 'left' | 'right' } = {}) => {
    const value = s.normalize('NFC')
    doc.font(o.bold ? 'bold' : 'regular').fontSize(o.size ?? 10).fillColor(o.color ?? 'black')
    doc.text(value, x, y, {
      width: o.width ?? CONTENT - (x - PAGE.margin),
      align: o.align ?? 'left',
      lineBreak: false,
      ellipsis: true,
      ...shapingOf(value)
    })
    return y + (o.size ?? 10) * 1.3
  }

  const pages = Math.max(1, Math.ceil(card.rows.length / PER_PAGE))
  for (let page = 0; page < pages; page++) {
    doc.addPage()
    let y = PAGE.margin
    if (card.practiceName) y = text(card.practiceName, PAGE.margin, y, { size: 12, bold: true })
    if (card.practicePhone) y = text(`Phone ${card.practicePhone}`, PAGE.margin, y, { size: 9, color: GREY })
    y += 4
    y = text(`Appointments for ${card.firstName}`, PAGE.margin, y, { size: 14, bold: true }) + 2
    doc.moveTo(PAGE.margin, y).lineTo(PAGE.width - PAGE.margin, y).lineWidth(0.8).strokeColor('black').stroke()
    y += 6
    const rows = card.rows.slice(page * PER_PAGE, (page + 1) * PER_PAGE)
    if (rows.length === 0) text('No upcoming appointments.', PAGE.margin, y, { color: GREY })
    for (const row of rows) {
      text(row.date, PAGE.margin, y, { bold: true, width: CONTENT * 0.58 })
      text(row.time, PAGE.margin + CONTENT * 0.58, y, { width: CONTENT * 0.42, align: 'right' })
      y += 13
      if (row.detail) y = text(row.detail, PAGE.margin + 8, y, { size: 9, color: GREY })
      y += 3
    }
    const foot = PAGE.height - PAGE.margin - 6
    text(card.practicePhone ? `To change an appointment, please call ${card.practicePhone}.` : 'To change an appointment, please call the practice.', PAGE.margin, foot, { size: 8, color: GREY, width: CONTENT * 0.8 })
    if (pages > 1) text(`${page + 1} of ${pages}`, PAGE.margin, foot, { size: 8, color: GREY, align: 'right' })
  }

  return finishPdf(doc)
}
