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

interface Primable {
  glyphsForString(text: string): unknown[]
}
/** Latin (ASCII, Latin-1, Extended-A and -B, Vietnamese), Greek and Cyrillic: the letters of names a US practice meets. */
const PRIMED = [
  [0x20, 0x7e], [0xa0, 0x24f], [0x370, 0x3ff], [0x400, 0x4ff], [0x1e00, 0x1eff]
].map(([from, to]) => Array.from({ length: to! - from! + 1 }, (_, i) => String.fromCodePoint(from! + i)).join('')).join('')

/**
 * fontkit keeps one glyph object per glyph for the life of the font, with the code points it was
 * first met with — and a glyph first met through a substitution (a letter decomposed by `ccmp`,
 * say) is met with none. pdfkit writes each glyph's text from those code points, so once that
 * happens every later document of the process draws that letter and extracts nothing for it (a
 * bold "u" vanished from "Nguyễn" after a note was printed). Meeting every letter through its own
 * code point first, once per process, fixes each glyph's text before anything else can.
 */
function primed<F extends ParsedFont & Primable>(font: F): ParsedFont {
  font.glyphsForString(PRIMED)
  return font
}

export function loadFonts(folder: string): PdfFonts {
  const known = cache.get(folder)
  if (known) return known
  const parse = (file: string) => primed(fontkit.create(readFileSync(resolve(folder, file))) as unknown as ParsedFont & Primable)
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
