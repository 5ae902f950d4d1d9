/**
 * The PDF fonts, shipped in resources/fonts beside the migrations: Noto Sans (Latin incl.
 * Vietnamese and Polish, Greek, Cyrillic) first, then fallbacks for the scripts it lacks — Noto
 * Sans Arabic, Hebrew, KR (Hangul) and SC (Chinese ideographs and Japanese kana) — each regular
 * and bold. Each face is parsed once per process and the parsed font handed to pdfkit: passing
 * bytes would re-parse per document (TOOLCHAIN.md, § PDFs). pdfkit subsets what is drawn.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import * as fontkit from 'fontkit'

/** What pdfkit needs of a fontkit font (pdfkit accepts any object with `layout`). */
export interface ParsedFont {
  layout(text: string, features?: Record<string, boolean>): unknown
  hasGlyphForCodePoint(codePoint: number): boolean
  ascent: number
  unitsPerEm: number
}
export interface PdfFace {
  /** The name it is registered under in each document. */
  name: string
  regular: ParsedFont
  bold: ParsedFont
  /** Written right to left (fontkit shapes and orders each run itself). */
  rtl: boolean
  /** The characters it is tried for: its script's blocks (so a name in one script never loads another's font). */
  claims: RegExp
}
export interface PdfFonts {
  regular: ParsedFont
  bold: ParsedFont
  /** Tried in order for a character Noto Sans has no glyph for. */
  fallbacks: PdfFace[]
}

export const FONT_FILES = { regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' } as const
const FALLBACKS = [
  { name: 'arabic', file: 'NotoSansArabic', rtl: true, claims: /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u },
  { name: 'hebrew', file: 'NotoSansHebrew', rtl: true, claims: /[\u0590-\u05ff\ufb1d-\ufb4f]/u },
  { name: 'kr', file: 'NotoSansKR', rtl: false, claims: /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff]/u },
  // Chinese ideographs, Japanese kana and the rest of CJK: whatever the others do not claim.
  { name: 'sc', file: 'NotoSansSC', rtl: false, claims: /[^\u0590-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff]/u }
] as const

/** resources/fonts is shipped next to drizzle/ (the repo root in tests, the app's folder when packaged). */
export const fontsFolderBeside = (migrationsFolder: string) => resolve(migrationsFolder, '..', 'resources', 'fonts')

const cache = new Map<string, PdfFonts>()

export function loadFonts(folder: string): PdfFonts {
  const known = cache.get(folder)
  if (known) return known
  const parse = (file: string) => fontkit.create(readFileSync(resolve(folder, file))) as unknown as ParsedFont
  const fonts: PdfFonts = {
    regular: parse(FONT_FILES.regular),
    bold: parse(FONT_FILES.bold),
    // The fallbacks (33 MB, most of it CJK) are read the first time a character needs one.
    fallbacks: FALLBACKS.map((f) => {
      const faces = new Map<'Regular' | 'Bold', ParsedFont>()
      const face = (weight: 'Regular' | 'Bold') => {
        let font = faces.get(weight)
        if (!font) {
          font = parse(`${f.file}-${weight}.ttf`)
          faces.set(weight, font)
        }
        return font
      }
      return {
        name: f.name,
        rtl: f.rtl,
        claims: f.claims,
        get regular() {
          return face('Regular')
        },
        get bold() {
          return face('Bold')
        }
      }
    })
  }
  cache.set(folder, fonts)
  return fonts
}
