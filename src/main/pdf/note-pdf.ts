/**
 * Draws printed notes (documents/note-print.ts) on US Letter with pdfkit, in the superbill's
 * manner (pdf/superbill-pdf.ts): black on white, the practice's letterhead, then each note with
 * its sections, vitals, signature block and addenda; every page names the client and its number.
 */
// oxlint-disable-next-line import/no-named-as-default -- @types/pdfkit declares only the default export
import PDFDocument from 'pdfkit'
import { usDate } from '@shared/domain/dates'
import { VITALS, type PrintedNote, type PrintedNotes, type PrintedSignature } from '../documents/note-print'
import type { PdfFonts } from './fonts'
import { shapingOf } from './shaping'

const PAGE = { width: 612, height: 792, margin: 54 }
const CONTENT = PAGE.width - 2 * PAGE.margin
const BOTTOM = PAGE.height - PAGE.margin - 14
const GREY = '#555555'
const RULE = '#999999'
const LABEL_W = 150
const VITAL_COLS = [
  { label: 'Time', width: 50 },
  { label: 'BP (mmHg)', width: 70 },
  { label: 'Heart rate', width: 60 },
  { label: 'SpO2', width: 50 },
  { label: 'Note', width: CONTENT - 230 }
] as const


type TextOptions = { width?: number; size?: number; bold?: boolean; color?: string; align?: 'left' | 'right' | 'center'; mono?: boolean }

export function renderNotesPdf(doc_: PrintedNotes, fonts: PdfFonts): Buffer {
  const at = new Date(doc_.generatedAt)
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: PAGE.margin,
    autoFirstPage: true,
    bufferPages: true,
    info: { Title: 'Clinical note', Author: doc_.practice.name, Subject: 'Session notes', Creator: 'KAP Practice', Producer: 'KAP Practice', CreationDate: at, ModDate: at }
  })
  doc.registerFont('regular', fonts.regular as unknown as string)
  doc.registerFont('bold', fonts.bold as unknown as string)

  /** One run of text: NFC, and `ccmp` off for non-ASCII so accented letters stay one glyph and extract as themselves. */
  const text = (s: string, x: number, y: number, o: TextOptions = {}) => {
    const value = s.normalize('NFC')
    doc.font(o.bold ? 'bold' : 'regular').fontSize(o.size ?? 9.5).fillColor(o.color ?? 'black')
    doc.text(value, x, y, {
      width: o.width ?? PAGE.width - PAGE.margin - x,
      align: o.align ?? 'left',
      ...shapingOf(value)
    })
    return doc.y
  }
  const heightOf = (s: string, width: number, o: TextOptions = {}) => {
    doc.font(o.bold ? 'bold' : 'regular').fontSize(o.size ?? 9.5)
    const value = s.normalize('NFC')
    return doc.heightOfString(value, { width, ...shapingOf(value) })
  }
  const rule = (y: number, weight = 0.5, color = RULE) => doc.moveTo(PAGE.margin, y).lineTo(PAGE.width - PAGE.margin, y).lineWidth(weight).strokeColor(color).stroke()

  let y = PAGE.margin
  /** Starts a new page when `needed` points do not fit; returns the y to draw at. */
  const room = (needed: number) => {
    if (y + needed > BOTTOM) {
      doc.addPage()
      y = PAGE.margin
    }
    return y
  }

  // ---- Letterhead
  const p = doc_.practice
  // A long practice name shrinks (down to 11 pt) to stay on one line before it wraps, as on the superbill.
  doc.font('bold')
  const practiceName = p.name.normalize('NFC')
  const nameSize = [15, 14, 13, 12, 11].find((size) => doc.fontSize(size).widthOfString(practiceName, shapingOf(practiceName)) <= CONTENT * 0.6) ?? 11
  let left = text(p.name, PAGE.margin, y, { size: nameSize, bold: true, width: CONTENT * 0.6 })
  for (const line of p.lines) left = text(line, PAGE.margin, left + 1, { width: CONTENT * 0.6, color: GREY })
  const rightX = PAGE.margin + CONTENT * 0.55
  const rightW = CONTENT * 0.45
  let right = text('CLINICAL RECORD', rightX, y, { size: 14, bold: true, width: rightW, align: 'right' })
  right = text(doc_.client.name, rightX, right + 2, { width: rightW, align: 'right', bold: true })
  right = text(`Date of birth ${usDate(doc_.client.dateOfBirth)}`, rightX, right + 1, { width: rightW, align: 'right' })
  right = text(doc_.scope, rightX, right + 1, { width: rightW, align: 'right', color: GREY })
  y = Math.max(left, right) + 8
  rule(y, 1.2, 'black')
  y += 12

  const signatureBlock = (title: string, s: PrintedSignature) => {
    room(48)
    text(title, PAGE.margin, y, { size: 8, bold: true, color: GREY })
    y += 12
    y = text(`Signed by ${s.signer}`, PAGE.margin, y, { bold: true }) + 1
    y = text(`Signed at ${s.signedAt}`, PAGE.margin, y) + 1
    y = text(`Content hash (SHA-256) ${s.contentHash}`, PAGE.margin, y, { size: 7.5, color: GREY }) + 6
  }

  const drawNote = (n: PrintedNote, first: boolean) => {
    if (!first) {
      room(80)
      rule(y, 0.8, 'black')
      y += 12
    }
    y = text(n.title, PAGE.margin, y, { size: 13, bold: true })
    y = text(n.sessionLine, PAGE.margin, y + 1, { color: GREY }) + 2
    if (!n.signed) y = text('DRAFT — NOT SIGNED. This note may still change.', PAGE.margin, y + 2, { bold: true }) + 2
    y += 8
    for (const section of n.sections) {
      if (section.title === VITALS) {
        drawVitals(n)
        continue
      }
      room(30)
      text(section.title.toUpperCase(), PAGE.margin, y, { size: 8, bold: true, color: GREY })
      y += 13
      for (const f of section.fields) {
        const valueX = f.label ? PAGE.margin + LABEL_W : PAGE.margin
        const valueW = CONTENT - (valueX - PAGE.margin)
        room(Math.min(heightOf(f.value, valueW), 60) + 4)
        const top = y
        if (f.label) text(f.label, PAGE.margin, top, { width: LABEL_W - 10, color: GREY })
        const end = text(f.value, valueX, top, { width: valueW })
        y = Math.max(end, f.label ? top + heightOf(f.label, LABEL_W - 10) : end) + 3
      }
      y += 6
    }
    if (n.signature) signatureBlock('SIGNATURE', n.signature)
    for (const a of n.addenda) {
      room(60)
      rule(y, 0.4)
      y += 8
      text(`ADDENDUM ${a.position}`, PAGE.margin, y, { size: 8, bold: true, color: GREY })
      y += 12
      y = text(a.text, PAGE.margin, y, { width: CONTENT }) + 4
      signatureBlock('ADDENDUM SIGNATURE', a)
    }
    y += 10
  }

  const drawVitals = (n: PrintedNote) => {
    room(50)
    text('VITALS', PAGE.margin, y, { size: 8, bold: true, color: GREY })
    y += 13
    const header = () => {
      let x = PAGE.margin
      for (const c of VITAL_COLS) {
        text(c.label, x, y, { size: 8, bold: true, width: c.width - 4 })
        x += c.width
      }
      y += 12
      rule(y - 1, 0.6, 'black')
      y += 2
    }
    header()
    for (const r of n.vitals) {
      const h = Math.max(12, heightOf(r.note, VITAL_COLS[4].width - 4) + 2)
      if (y + h > BOTTOM) {
        doc.addPage()
        y = PAGE.margin
        header()
      }
      let x = PAGE.margin
      const cells = [r.time, r.bp, r.heartRate, r.spo2, r.note]
      cells.forEach((value, i) => {
        text(value, x, y, { width: VITAL_COLS[i]!.width - 4 })
        x += VITAL_COLS[i]!.width
      })
      y += h
      rule(y - 1, 0.3)
      y += 1
    }
    y += 8
  }

  doc_.notes.forEach((n, i) => drawNote(n, i === 0))
  if (doc_.notes.length === 0) y = text('No notes in this range.', PAGE.margin, y, { color: GREY })

  // ---- Footer on every page: the client, when printed, and the page number.
  const range = doc.bufferedPageRange()
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i)
    const footY = PAGE.height - PAGE.margin + 6
    // Writing below the bottom margin would add a page: lift the margin while the footer is drawn.
    const margins = doc.page.margins
    doc.page.margins = { ...margins, bottom: 0 }
    text(`${doc_.client.name} · Printed ${usDate(doc_.generatedAt.slice(0, 10))} · Confidential`, PAGE.margin, footY, { size: 7.5, color: GREY, width: CONTENT * 0.7 })
    text(`Page ${i + 1} of ${range.count}`, PAGE.margin + CONTENT * 0.7, footY, { size: 7.5, color: GREY, width: CONTENT * 0.3, align: 'right' })
    doc.page.margins = margins
  }

  doc.end()
  const chunks: Buffer[] = []
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) chunks.push(chunk)
  const pdf = Buffer.concat(chunks)
  if (!pdf.subarray(-8).toString('latin1').includes('%%EOF')) throw new Error('The PDF was not written in full')
  return pdf
}
