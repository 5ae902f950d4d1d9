/**
 * How every string reaches pdfkit, measured or drawn: NFC, and the `ccmp` feature off for
 * non-ASCII text, so "ị" stays one glyph and extracts as itself. The measuring calls need it as
 * much as the drawing ones: the parsed fonts are shared by every document of the process, and a
 * layout with `ccmp` on gives a shared glyph the code points of what it was composed from — a
 * later document then maps that glyph (a bold "u", say) to the wrong text, or to none.
 */
export const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s)

export const shapingOf = (value: string): { features?: PDFKit.Mixins.OpenTypeFeatures[] } =>
  isAscii(value) ? {} : { features: { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[] }
