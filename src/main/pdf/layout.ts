/**
 * What every document PDF shares: a US Letter pdfkit document with fixed info (so the same model
 * gives the same bytes: pdfkit derives the file ID from the info), the shipped fonts, one text
 * primitive that keeps names exact, rules and section headings, and the synchronous read-back.
 */
// oxlint-disable-next-line import/no-named-as-default -- @types/pdfkit declares only the default export
import PDFDocument from 'pdfkit'
import { finishPdf } from './bytes'
import { isAscii, shapingOf } from './shaping'
import type { PdfFonts } from './fonts'
import { splitRuns, type TextRun } from './runs'

export const PAGE = { width: 612, height: 792, margin: 48 }
export const CONTENT = PAGE.width - 2 * PAGE.margin
export const BOTTOM = PAGE.height - PAGE.margin
export const GREY = '#555555'
export const RULE = '#999999'

/** A table column: its width in points, 0 for the one column that takes what the others leave. */
export interface Column<K extends string> {
  key: K
  label: string
  width: number
  right?: boolean
}

/** Where each column starts and how wide it is, left to right across the content width. */
export function columnLayout<K extends string>(columns: readonly Column<K>[]): Record<K, { x: number; width: number; right: boolean }> {
  const xs = {} as Record<K, { x: number; width: number; right: boolean }>
  const rest = CONTENT - columns.reduce((s, c) => s + c.width, 0)
  let x = PAGE.margin
  for (const c of columns) {
    const width = c.width || rest
    xs[c.key] = { x, width, right: c.right === true }
    x += width
  }
  return xs
}

export interface PracticeBlock {
  name: string
  addressLines: string[]
  phone: string
  ein: string
  organizationNpi: string | null
}

export interface TextOptions {
  width?: number
  size?: number
  bold?: boolean
  color?: string
  align?: 'left' | 'right' | 'center'
  ellipsis?: boolean
}

/** `ccmp` off for non-ASCII, so "ị" stays one glyph and extracts as itself (TOOLCHAIN.md, § PDFs). */
const noCcmp = shapingOf

export function createPdf(info: { title: string; author: string; subject: string; at: string }, fonts: PdfFonts) {
  const stamp = new Date(info.at)
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: PAGE.margin,
    autoFirstPage: true,
    bufferPages: false,
    info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: 'KAP Practice', Producer: 'KAP Practice', CreationDate: stamp, ModDate: stamp }
  })
  // pdfkit accepts a parsed fontkit font (anything with `layout`); its types only list bytes and paths.
  doc.registerFont('regular', fonts.regular as unknown as string)
  doc.registerFont('bold', fonts.bold as unknown as string)
  // A fallback face is registered (and read from disk, once per process) the first time a run needs it.
  const registered = new Set<string>()
  const fontName = (face: string | null, bold: boolean | undefined) => {
    if (!face) return bold ? 'bold' : 'regular'
    const name = `${face}-${bold ? 'bold' : 'regular'}`
    if (!registered.has(name)) {
      const fallback = fonts.fallbacks.find((f) => f.name === face)!
      doc.registerFont(name, (bold ? fallback.bold : fallback.regular) as unknown as string)
      registered.add(name)
    }
    return name
  }

  /**
   * Text in several scripts: one pdfkit call per run of one font (pdfkit has no per-glyph
   * fallback), placed side by side on one line; fontkit shapes and orders each right-to-left run.
   */
  const textRuns = (runs: TextRun[], x: number, y: number, o: TextOptions) => {
    const size = o.size ?? 9
    const widths = runs.map((r) => doc.font(fontName(r.face, o.bold)).fontSize(size).widthOfString(r.text, noCcmp(r.text)))
    const total = widths.reduce((a, b) => a + b, 0)
    const width = o.width ?? PAGE.width - PAGE.margin - x
    let at = o.align === 'right' ? x + width - total : o.align === 'center' ? x + (width - total) / 2 : x
    // Every run on Noto Sans's baseline: pdfkit would hang each from its own font's ascender.
    const latin = o.bold ? fonts.bold : fonts.regular
    const baseline = -((latin.ascent / latin.unitsPerEm) * size)
    for (const [i, r] of runs.entries()) {
      doc.font(fontName(r.face, o.bold)).fontSize(size).fillColor(o.color ?? 'black')
      doc.text(r.text, at, y, { lineBreak: false, baseline, ...noCcmp(r.text) } as PDFKit.Mixins.TextOptions)
      at += widths[i]!
    }
    doc.font('regular').fontSize(size)
    return y + doc.currentLineHeight(true)
  }

  /** One run of text: NFC, and `ccmp` off for non-ASCII so "ị" stays one glyph and extracts as itself. Returns the y below it. */
  const text = (s: string, x: number, y: number, o: TextOptions = {}) => {
    const value = s.normalize('NFC')
    const runs = isAscii(value) ? null : splitRuns(value, fonts)
    if (runs && (runs.length > 1 || runs[0]!.face !== null)) return textRuns(runs, x, y, o)
    doc.font(o.bold ? 'bold' : 'regular').fontSize(o.size ?? 9).fillColor(o.color ?? 'black')
    doc.text(value, x, y, {
      // Always a width: without one pdfkit neither wraps nor moves doc.y down reliably.
      width: o.width ?? PAGE.width - PAGE.margin - x,
      align: o.align ?? 'left',
      lineBreak: !o.ellipsis,
      ...(o.ellipsis ? { ellipsis: true, height: (o.size ?? 9) * 1.3 } : {}),
      ...noCcmp(value)
    })
    return doc.y
  }
  const rule = (y: number, weight = 0.5, color = RULE) => doc.moveTo(PAGE.margin, y).lineTo(PAGE.width - PAGE.margin, y).lineWidth(weight).strokeColor(color).stroke()
  const heading = (s: string, y: number) => {
    text(s.toUpperCase(), PAGE.margin, y, { size: 8, bold: true, color: GREY })
    return y + 13
  }
  /** The largest size (down to `min`) at which `s` fits `width` on one line. */
  const fitSize = (s: string, width: number, sizes: number[]) => {
    doc.font('bold')
    const value = s.normalize('NFC')
    return sizes.find((size) => doc.fontSize(size).widthOfString(value, noCcmp(value)) <= width) ?? sizes.at(-1)!
  }
  /** A new page when fewer than `need` points are left below `y`; returns where to go on. */
  const room = (y: number, need: number) => {
    if (y + need <= BOTTOM) return y
    doc.addPage()
    return PAGE.margin
  }

  const finish = (): Buffer => finishPdf(doc)
  /**
   * The practice on the left (name shrinking to stay on one line, address, phone, EIN), the
   * document's title and its lines on the right, a heavy rule under both. Returns the y below.
   */
  const header = (p: PracticeBlock, title: string, lines: { text: string; bold?: boolean; grey?: boolean }[]) => {
    const nameSize = fitSize(p.name, CONTENT * 0.6, [15, 14, 13, 12, 11])
    let left = text(p.name, PAGE.margin, PAGE.margin, { size: nameSize, bold: true, width: CONTENT * 0.6 })
    for (const line of p.addressLines) left = text(line, PAGE.margin, left + 1, { width: CONTENT * 0.6 })
    left = text(`Phone ${p.phone}`, PAGE.margin, left + 1)
    left = text(`EIN ${p.ein}${p.organizationNpi ? `    Organization NPI ${p.organizationNpi}` : ''}`, PAGE.margin, left + 1)
    const rightX = PAGE.margin + CONTENT * 0.55
    const rightW = CONTENT * 0.45
    let right = text(title, rightX, PAGE.margin, { size: 18, bold: true, width: rightW, align: 'right' })
    for (const line of lines) right = text(line.text, rightX, right + 1.5, { width: rightW, align: 'right', bold: line.bold, color: line.grey ? GREY : 'black' })
    const y = Math.max(left, right) + 10
    rule(y, 1.2, 'black')
    return y + 10
  }

  return { doc, text, rule, heading, fitSize, room, header, finish }
}
