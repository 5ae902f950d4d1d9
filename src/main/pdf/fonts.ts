/**
 * The PDF fonts: Noto Sans regular and bold (Latin incl. Vietnamese and Polish, Greek, Cyrillic),
 * shipped in resources/fonts beside the migrations. Each face is parsed once per process and the
 * parsed font handed to pdfkit: passing bytes would re-parse per document (TOOLCHAIN.md, § PDFs).
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import * as fontkit from 'fontkit'

/** What pdfkit needs of a fontkit font (pdfkit accepts any object with `layout`). */
export interface ParsedFont {
  layout(text: string, features?: Record<string, boolean>): unknown
  hasGlyphForCodePoint(codePoint: number): boolean
}
export interface PdfFonts {
  regular: ParsedFont
  bold: ParsedFont
}

export const FONT_FILES = { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } as const

/** resources/fonts is shipped next to drizzle/ (the repo root in tests, the app's folder when packaged). */
export const fontsFolderBeside = (migrationsFolder: string) => resolve(migrationsFolder, '..', 'resources', 'fonts')

const cache = new Map<string, PdfFonts>()

export function loadFonts(folder: string): PdfFonts {
  const known = cache.get(folder)
  if (known) return known
  const parse = (file: string) => fontkit.create(readFileSync(resolve(folder, file))) as unknown as ParsedFont
  const fonts = { regular: parse(FONT_FILES.regular), bold: parse(FONT_FILES.bold) }
  cache.set(folder, fonts)
  return fonts
}
