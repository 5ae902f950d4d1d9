/**
 * Ends a pdfkit document and returns its bytes. pdfkit pushes every chunk into the stream's buffer
 * as it draws: read it all back at once, synchronously (handlers run inside dispatch's
 * transaction), and check it is whole.
 */
export function finishPdf(doc: PDFKit.PDFDocument): Buffer {
  doc.end()
  const chunks: Buffer[] = []
  for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) chunks.push(chunk)
  const pdf = Buffer.concat(chunks)
  if (!pdf.subarray(-8).toString('latin1').includes('%%EOF')) throw new Error('The PDF was not written in full')
  return pdf
}
