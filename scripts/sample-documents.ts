/**
 * Draws each kind of document from the test fixtures into a folder, each page as a PNG too
 * (`pdftoppm -png -r 80`), for a person to look at: `tsx scripts/sample-documents.ts <folder>`.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildGoodFaithEstimate } from '../src/main/documents/gfe'
import { buildStatement } from '../src/main/documents/statement'
import { buildSuperbill } from '../src/main/documents/superbill'
import { renderDocument } from '../src/main/documents/render'
import { fontsFolderBeside, loadFonts } from '../src/main/pdf/fonts'
import { gfeSource } from '../tests/main/documents/gfe-source'
import { charge, client, practice, source } from '../tests/main/documents/superbill-source'

const out = resolve(process.argv[2] ?? 'test-results/documents')
mkdirSync(out, { recursive: true })
const fonts = loadFonts(fontsFolderBeside(resolve('drizzle')))

const days = Array.from({ length: 15 }, (_, i) => `2026-02-${String(i + 1).padStart(2, '0')}`)
const bill = buildSuperbill(source({ charges: days.map((d, i) => charge({ dateOfService: d, paidCents: i % 3 === 0 ? 20000 : 0, pointers: i % 2 ? ['A', 'B'] : ['A'] })) }))
if (bill.kind !== 'ready') throw new Error(`sample superbill is not ready: ${bill.kind}`)
const gfe = buildGoodFaithEstimate(gfeSource())
if (gfe.kind !== 'ready') throw new Error(`sample estimate is not ready: ${gfe.kind}`)
const row = (date: string, type: 'charge' | 'payment' | 'adjustment', description: string, amountCents: number, balanceCents: number, code: string | null = null) =>
  ({ type, id: date + type, date, description, code, invoiceNumber: code ? 'INV-2026-0007' : null, method: null, amountCents, balanceCents })
const statement = buildStatement({
  practice: practice(), client: client(), from: '2026-03-01', to: '2026-03-31', generatedAt: '2026-04-02T15:00:00.000Z',
  ledger: [row('2026-02-10', 'charge', 'Psychotherapy, 60 min', 20000, 20000, '90837'), row('2026-03-05', 'payment', 'Payment · Card', -25050, -5050),
    row('2026-03-10', 'charge', 'Psychedelic session monitoring, per hour', 60000, 54950, '0820T'), row('2026-03-10', 'adjustment', 'Sliding scale', -12000, 42950, '0820T')]
})
if (statement.kind !== 'ready') throw new Error(`sample statement is not ready: ${statement.kind}`)
const samples: [string, Buffer][] = [
  ['statement-ST-2026-0001', renderDocument('statement', 'ST-2026-0001', statement.statement, fonts)],
  ['superbill-SB-2026-0001', renderDocument('superbill', 'SB-2026-0001', bill.superbill, fonts)],
  ['good-faith-estimate-GFE-2026-0001', renderDocument('gfe', 'GFE-2026-0001', gfe.estimate, fonts)]
]

for (const [name, pdf] of samples) {
  const path = join(out, `${name}.pdf`)
  writeFileSync(path, pdf)
  execFileSync('pdftoppm', ['-png', '-r', '80', path, join(out, name)])
  process.stdout.write(`${path}\n`)
}
