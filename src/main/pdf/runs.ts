/**
 * Splits text into runs of one font each: a character goes to Noto Sans (face null) if it has a
 * glyph, else to the first fallback that does. Spaces, punctuation and combining marks stay in the
 * run they follow when its font has them, so a right-to-left name of several words ("محمد علي")
 * is one run that fontkit lays out right to left as a whole. Where a right-to-left run meets a
 * left-to-right one, the space between them stays on the left-to-right side ("Ali " + "محمد" +
 * " Khan"): drawn so, pdf-parse reads the name back in logical order with its spaces (spaces
 * inside the right-to-left run were read as missing).
 */
import type { PdfFonts } from './fonts'

export interface TextRun {
  face: string | null
  text: string
}

const NEUTRAL = /[\p{Z}\p{P}\p{M}\p{S}\p{N}]/u

export function splitRuns(value: string, fonts: PdfFonts): TextRun[] {
  const faceOf = (cp: number): string | null => {
    if (fonts.regular.hasGlyphForCodePoint(cp)) return null
    return fonts.fallbacks.find((f) => f.claims.test(String.fromCodePoint(cp)) && f.regular.hasGlyphForCodePoint(cp))?.name ?? null
  }
  const fontOf = (face: string | null) => (face === null ? fonts.regular : fonts.fallbacks.find((f) => f.name === face)!.regular)
  const rtl = new Set(fonts.fallbacks.filter((f) => f.rtl).map((f) => f.name))
  const runs: TextRun[] = []
  for (const ch of value) {
    const cp = ch.codePointAt(0)!
    const current = runs.at(-1)
    if (current && NEUTRAL.test(ch) && fontOf(current.face).hasGlyphForCodePoint(cp)) {
      current.text += ch
      continue
    }
    const face = faceOf(cp)
    if (current && current.face === face) {
      current.text += ch
      continue
    }
    // Leaving a right-to-left run: its trailing spaces start the next run.
    let carried = ''
    if (current && rtl.has(current.face ?? '')) {
      const trailing = /\s+$/u.exec(current.text)?.[0] ?? ''
      if (trailing && trailing.length < current.text.length) {
        current.text = current.text.slice(0, -trailing.length)
        carried = trailing
      }
    }
    runs.push({ face, text: carried + ch })
  }
  return runs
}
