/**
 * One place that turns a stored document's snapshot into its PDF: the same snapshot and number
 * give the same bytes (pdfkit's dates and file ID come from the snapshot), so a document is
 * downloaded again by drawing it again and checking the bytes against the stored SHA-256.
 */
import type { DocumentKind } from '@shared/domain/documents'
import type { PdfFonts } from '../pdf/fonts'
import { renderGfePdf } from '../pdf/gfe-pdf'
import { renderStatementPdf } from '../pdf/statement-pdf'
import { renderSuperbillPdf } from '../pdf/superbill-pdf'
import type { GoodFaithEstimate } from './gfe'
import type { Statement } from './statement'
import type { Superbill } from './superbill'

/** What each kind stores as its snapshot. */
export interface DocumentData {
  superbill: Superbill
  gfe: GoodFaithEstimate
  statement: Statement
}

export function renderDocument<K extends DocumentKind>(kind: K, number: string, data: DocumentData[K], fonts: PdfFonts): Buffer {
  switch (kind) {
    case 'superbill':
      return renderSuperbillPdf(data as Superbill, fonts, number)
    case 'gfe':
      return renderGfePdf(data as GoodFaithEstimate, fonts, number)
    case 'statement':
      return renderStatementPdf(data as Statement, fonts, number)
    default:
      throw new Error(`No renderer for ${kind} documents`)
  }
}
