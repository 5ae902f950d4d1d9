/**
 * Every script a US practice meets, on a superbill and a Good Faith Estimate: drawn with the
 * shipped fonts (fallback runs for CJK, Hangul, Arabic and Hebrew), and the text read back by
 * poppler's pdftotext and by pdf-parse equals the stored name (NFC). Each first page is drawn to PNG.
 *
 * Right to left inside a Latin name ("Ali محمد Khan"): pdf-parse reads it exactly; pdftotext wraps
 * the right-to-left word in embedding controls (U+202B … U+202C) and moves the space after it
 * inside them, however the line is drawn (six drawings tried: spaces as glyphs on either side, as
 * gaps) — a limit of poppler's line assembly. So for those its letters are checked, in logical order.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFParse } from 'pdf-parse'
import { afterAll, describe, expect, it } from 'vitest'
import { buildGoodFaithEstimate } from '../../../src/main/documents/gfe'
import { renderDocument } from '../../../src/main/documents/render'
import { buildSuperbill } from '../../../src/main/documents/superbill'
import { fontsFolderBeside, loadFonts } from '../../../src/main/pdf/fonts'
import { MIGRATIONS_FOLDER } from '../../factories/app'
import { gfeSource } from '../documents/gfe-source'
import { client, source } from '../documents/superbill-source'

const fonts = loadFonts(fontsFolderBeside(MIGRATIONS_FOLDER))
const dir = mkdtempSync(join(tmpdir(), 'kap-names-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** [script, first, middle, last]: the printed name is "first middle last". */
const NAMES: [string, string, string | null, string][] = [
  ['Vietnamese', 'Nguyễn', 'Thị', 'Ánh'],
  ['Polish', 'Łukasz', null, 'Żółć'],
  ['Nordic', 'Ægir', null, 'Þórsson'],
  ['Greek', 'Σωκράτης', null, 'Παπαδόπουλος'],
  ['Cyrillic', 'Жанна', null, 'Кузнецова'],
  ['Chinese', '秀英', null, '王'],
  ['Japanese', 'さくら', null, '髙橋'],
  ['Korean', '민준', null, '김'],
  ['Arabic', 'محمد', null, 'علي'],
  ['Hebrew', 'שרה', null, 'כהן'],
  ['Arabic within Latin', 'Ali', 'محمد', 'Khan'],
  ['Hebrew within Latin', 'David', 'בן', 'Levi']
]

const mixed = (script: string) => script.includes('within')
const lettersOf = (s: string) => s.replace(/[\u202a-\u202e\s]/gu, '')
const expectPoppler = (poppler: string, name: string, script: string) =>
  mixed(script) ? expect(lettersOf(poppler)).toContain(lettersOf(name)) : expect(poppler).toContain(name)

const readers = async (path: string) => {
  const parser = new PDFParse({ data: readFileSync(path) })
  try {
    return { poppler: execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).normalize('NFC'), parse: (await parser.getText()).text.normalize('NFC') }
  } finally {
    await parser.destroy()
  }
}

describe.each(NAMES)('%s name', (script, first, middle, last) => {
  const name = [first, middle, last].filter(Boolean).join(' ').normalize('NFC')
  const person = client({ legalFirstName: first.normalize('NFD'), legalMiddleName: middle?.normalize('NFD') ?? null, legalLastName: last.normalize('NFD') })
  const slug = script.toLowerCase().replace(/\W+/g, '-')

  it('prints exactly on a superbill, through pdftotext and pdf-parse', async () => {
    const built = buildSuperbill(source({ client: person }))
    if (built.kind !== 'ready') throw new Error(built.kind)
    const path = join(dir, `superbill-${slug}.pdf`)
    writeFileSync(path, renderDocument('superbill', 'SB-2026-0001', built.superbill, fonts))
    const text = await readers(path)
    expectPoppler(text.poppler, name, script)
    expect(text.parse).toContain(name)
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', path, join(dir, slug)])
    expect(statSync(join(dir, `${slug}-1.png`)).size).toBeGreaterThan(10_000)
  })

  it('prints exactly on a Good Faith Estimate', async () => {
    const built = buildGoodFaithEstimate(gfeSource({ client: person }))
    if (built.kind !== 'ready') throw new Error(built.kind)
    const path = join(dir, `gfe-${slug}.pdf`)
    writeFileSync(path, renderDocument('gfe', 'GFE-2026-0001', built.estimate, fonts))
    const text = await readers(path)
    expectPoppler(text.poppler, name, script)
    expect(text.parse).toContain(name)
  })
})
