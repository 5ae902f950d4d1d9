/**
 * superbill.pdf: one 15-line superbill rendered to PDF bytes (the real model and renderer, fonts
 * parsed once as the app does), against a baseline of the same pdfkit document with the same
 * fonts drawing the same strings one per line with no layout — so the ratio is what our layout
 * (columns, ellipses, bidi-free runs, the footer) costs on top of pdfkit itself.
 */
// oxlint-disable-next-line import/no-named-as-default -- @types/pdfkit declares only the default export
import PDFDocument from 'pdfkit'
import { buildSuperbill, type Superbill } from '../src/main/documents/superbill'
import { fontsFolderBeside, loadFonts, type PdfFonts } from '../src/main/pdf/fonts'
import { renderSuperbillPdf } from '../src/main/pdf/superbill-pdf'
import { charge, source } from '../tests/main/documents/superbill-source'
import type { BenchResult } from './run'
import { round, summarize } from './stats'

function fifteenLines(): Superbill {
  const days = Array.from({ length: 15 }, (_, i) => `2026-02-${String(i + 1).padStart(2, '0')}`)
  const built = buildSuperbill(source({ charges: days.map((d, i) => charge({ dateOfService: d, paidCents: i % 3 === 0 ? 20000 : 0, pointers: i % 2 ? ['A', 'B'] : ['A'] })) }))
  if (built.kind !== 'ready') throw new Error(`bench superbill is not ready: ${built.kind}`)
  return built.superbill
}

/** The same strings as plain lines: pdfkit's own cost for this much text in these fonts. */
function plainPdf(bill: Superbill, fonts: PdfFonts): Buffer {
  const doc = new PDFDocument({ size: 'LETTER', margin: 54 })
  doc.registerFont('regular', fonts.regular as unknown as string)
  doc.font('regular').fontSize(9)
  doc.text(`${bill.practice.name} ${bill.client.name}`)
  for (const line of bill.lines) doc.text(`${line.dateOfService} ${line.code} ${line.units} ${line.feeCents} ${line.pointers.join(' ')}`)
  doc.end()
  // Read back synchronously, as the renderer does.
  const chunks: Buffer[] = []
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) chunks.push(chunk)
  return Buffer.concat(chunks)
}

export function runSuperbillPdfCase(migrationsFolder: string, iterations: number): BenchResult {
  const fonts = loadFonts(fontsFolderBeside(migrationsFolder))
  const bill = fifteenLines()
  for (let i = 0; i < 10; i++) {
    renderSuperbillPdf(bill, fonts, 'SB-2026-0001')
    plainPdf(bill, fonts)
  }
  const ours: number[] = []
  const base: number[] = []
  for (let i = 0; i < iterations; i++) {
    let t = performance.now()
    renderSuperbillPdf(bill, fonts, 'SB-2026-0001')
    ours.push(performance.now() - t)
    t = performance.now()
    plainPdf(bill, fonts)
    base.push(performance.now() - t)
  }
  const a = summarize(ours)
  const b = summarize(base)
  return { name: 'superbill.pdf', n: bill.lines.length, p50_ms: round(a.p50, 3), p95_ms: round(a.p95, 3), baseline_p95_ms: round(b.p95, 3), ratio: round(a.p95 / b.p95, 2) }
}
