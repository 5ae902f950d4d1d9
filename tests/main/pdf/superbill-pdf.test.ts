/**
 * A superbill end to end: a practice built through the real app core on a real SQLite file,
 * billing:superbill, then the PDF read back with pdf-parse (and poppler's pdftotext) for every
 * required value, and its first page drawn to PNG for a person to look at.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { PDFParse } from 'pdf-parse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Charge, InvoiceDetail, SuperbillResult } from '@shared/contracts/billing'
import type { ClientInput } from '@shared/contracts/clients'
import { FIXED_NOW, openTestApp, type TestApp } from '../../factories/app'
import { FEE, PRACTICE_PROFILE as PROFILE } from '../../factories/billing'
import { createClient } from '../../factories/clients'
import { ADMIN, createSession, openAs, sessionInput } from '../../factories/clinical'

const NAMES: [string, Partial<ClientInput>][] = [
  ['Nguyễn Thị Ánh', { legalFirstName: 'Nguyễn', legalMiddleName: 'Thị', legalLastName: 'Ánh' }],
  ['Łukasz Żółć', { legalFirstName: 'Łukasz', legalLastName: 'Żółć' }],
  ['Ægir Þórsson', { legalFirstName: 'Ægir', legalLastName: 'Þórsson' }],
  ['Σωκράτης Παπαδόπουλος', { legalFirstName: 'Σωκράτης', legalLastName: 'Παπαδόπουλος' }],
  ['Жанна Кузнецова', { legalFirstName: 'Жанна', legalLastName: 'Кузнецова' }]
]

let app: TestApp
beforeEach(async () => {
  // One instant for every call, so the same request gives the same bytes.
  app = await openTestApp({ file: true, context: { now: () => new Date(FIXED_NOW) } })
  await app.ok('practice:save', { profile: PROFILE })
})
afterEach(() => app.close())

const pdfText = async (path: string) => {
  const parser = new PDFParse({ data: readFileSync(path) })
  try {
    return (await parser.getText()).text
  } finally {
    await parser.destroy()
  }
}
const superbill = (clientId: string, from: string, to: string) => app.ok<SuperbillResult>('billing:superbill', { clientId, from, to })

/** A client with two diagnoses, a policy, 14 charges over February and March 2026, a late cancel, a void, and one partial payment. */
async function practiceWithCharges(name: Partial<ClientInput>) {
  const client = await createClient(app, name)
  await app.ok('diagnoses:add', { clientId: client.id, diagnosis: { code: 'F33.2', description: 'Major depressive disorder, recurrent severe' } })
  await app.ok('diagnoses:add', { clientId: client.id, diagnosis: { code: 'F43.10', description: 'Post-traumatic stress disorder, unspecified' } })
  await app.ok('insurance:create', { clientId: client.id, policy: { rank: 'primary', payerName: 'Aetna', payerId: '60054', memberId: 'W123456789', groupNumber: 'G-0042', relationship: 'self', subscriberName: null, subscriberDateOfBirth: null } })
  const charge = (dateOfService: string, feeItemId: string, units: number, unitFeeCents: number, extra: Record<string, unknown> = {}) =>
    app.ok<Charge>('billing:createCharge', { clientId: client.id, charge: { dateOfService, feeItemId, units, unitFeeCents, modifiers: [], pointers: ['A'], placeOfService: '11', ...extra } })
  await charge('2026-02-02', FEE.intake, 1, 35000, { pointers: ['A', 'B'] })
  for (const [i, day] of ['03', '05', '10', '12', '17', '19'].entries()) {
    await (i % 2 === 0 ? charge(`2026-02-${day}`, FEE.dosing, 3, 20000, { pointers: ['A', 'B'] }) : charge(`2026-02-${day}`, FEE.therapy, 1, 22550, { placeOfService: '10' }))
  }
  for (const [i, day] of ['02', '04', '09', '11', '16', '18', '23'].entries()) {
    await (i % 2 === 0 ? charge(`2026-03-${day}`, FEE.therapy, 1, 22550, { modifiers: ['95'], placeOfService: '10', pointers: ['B'] }) : charge(`2026-03-${day}`, FEE.dosing, 3, 20000))
  }
  const spare = await charge('2026-03-05', FEE.therapy, 1, 99999)
  await app.ok('billing:voidCharge', { id: spare.id, reason: 'Entered twice' })
  const missed = await createSession(app, client.id, { date: '2026-03-25' })
  await app.ok('sessions:update', { id: missed.session.id, session: sessionInput({ date: '2026-03-25', status: 'late_cancelled' }) })
  await app.ok<InvoiceDetail>('billing:createInvoice', { clientId: client.id, issuedOn: '2026-03-31' })
  await app.ok('billing:recordPayment', { clientId: client.id, payment: { receivedOn: '2026-04-02', amountCents: 123456, method: 'card', reference: '4242' } })
  return client
}

describe('superbill PDF', () => {
  it('prints every required value of a 14-line superbill over two months, and the stored document downloads again byte for byte', async () => {
    const client = await practiceWithCharges(NAMES[0]![1])
    const out = await superbill(client.id, '2026-02-01', '2026-03-31')
    expect(out.number).toBe('SB-2026-0001')
    expect(out.fileName).toBe('superbill-SB-2026-0001.pdf')
    expect(basename(out.path)).toBe(out.fileName)
    expect(statSync(out.path).mode & 0o777).toBe(0o600)
    expect(statSync(out.path).size).toBe(out.bytes)
    expect(out.warnings).toEqual([])

    const text = (await pdfText(out.path)).normalize('NFC')
    const poppler = execFileSync('pdftotext', ['-layout', out.path, '-'], { encoding: 'utf8' })
    const required = [
      'Nguyễn Thị Ánh', 'Date of birth 03/08/1985', '1200 SW Main St', 'Apt 4', 'Portland, OR 97205', '(503) 555-0142', 'Aetna', 'W123456789', 'G-0042',
      'Cascade Ketamine-Assisted Therapy, PLLC', 'Suite 300', '(503) 555-0100', 'EIN 45-3456789', 'Organization NPI 1245319599',
      'Dana Whitfield-Nakamura, PhD, LMFT', 'Individual NPI 1234567893', 'License T1234 (OR)',
      'F33.2', 'F43.10', 'Services 02/01/2026 – 03/31/2026', 'No. SB-2026-0001', '02/02/2026', '03/23/2026', '90791', '0820T', '90837', '95'
    ]
    // Each value that either reader does not give back, listed (none should be).
    expect(required.filter((v) => !text.includes(v))).toEqual([])
    expect(required.filter((v) => !poppler.includes(v))).toEqual([])
    // 14 lines: intake 350.00 + 6 dosing × 600.00 + 7 therapy × 225.50 = 5,528.50; the late cancel and the void left off.
    expect(text.match(/^\d{2}\/\d{2}\/2026 \d{2} [0-9A-Z]{5} /gm) ?? []).toHaveLength(14)
    expect(['$350.00', '$600.00', '$225.50', '$5,528.50', '$1,234.56', '$4,293.94'].filter((a) => !text.includes(a))).toEqual([])
    expect(text).toMatch(/Total charges\s+\$5,528\.50/)
    expect(text).toMatch(/Total paid\s+\$1,234\.56/)
    expect(text).toMatch(/Balance due\s+\$4,293\.94/)
    expect(text).toContain('1 late-cancellation or no-show fee is not reimbursable and left off this superbill.')
    expect(text).not.toContain('$999.99')
    expect(text).not.toContain('$100.00')

    // Made again, it is a new document with the next number; the first downloads again byte for byte.
    const first = readFileSync(out.path)
    const again = await superbill(client.id, '2026-02-01', '2026-03-31')
    expect(again.number).toBe('SB-2026-0002')
    expect(again.path).not.toBe(out.path)
    const redo = await app.ok<{ path: string }>('documents:download', { id: out.id })
    expect(redo.path).toBe(out.path)
    expect(readFileSync(redo.path).equals(first)).toBe(true)
    // poppler draws it too (the page was looked at by eye when the layout was made).
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', out.path, `${out.path}.page`])
    expect(statSync(`${out.path}.page-1.png`).size).toBeGreaterThan(10_000)
    // About thirty calls build the ledger and two readers parse the PDF: a generous limit for a shared, loaded machine (no speed is asserted).
  }, 30_000)

  it.each(NAMES.slice(1))('prints %s exactly as typed (NFC), through both readers', async (name, input) => {
    const client = await createClient(app, Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === 'string' ? v.normalize('NFD') : v])))
    await app.ok('diagnoses:add', { clientId: client.id, diagnosis: { code: 'F33.2' } })
    await app.ok('billing:createCharge', { clientId: client.id, charge: { dateOfService: '2026-02-10', feeItemId: FEE.therapy, units: 1, unitFeeCents: 20000, modifiers: [], pointers: ['A'], placeOfService: '11' } })
    const out = await superbill(client.id, '2026-02-01', '2026-02-28')
    expect(out.warnings).toEqual(['No insurance on file: payer and member ID are left blank — client’s Insurance tab'])
    expect(await pdfText(out.path)).toContain(name.normalize('NFC'))
    expect(execFileSync('pdftotext', [out.path, '-'], { encoding: 'utf8' })).toContain(name.normalize('NFC'))
  })

  it('prints a client with one legal name, and the claim convention for it', async () => {
    const client = await createClient(app, { legalFirstName: '', legalMiddleName: null, legalLastName: 'Madonna', singleLegalName: true })
    await app.ok('diagnoses:add', { clientId: client.id, diagnosis: { code: 'F33.2' } })
    await app.ok('billing:createCharge', { clientId: client.id, charge: { dateOfService: '2026-02-10', feeItemId: FEE.therapy, units: 1, unitFeeCents: 20000, modifiers: [], pointers: ['A'], placeOfService: '11' } })
    const out = await superbill(client.id, '2026-02-01', '2026-02-28')
    const text = execFileSync('pdftotext', ['-layout', out.path, '-'], { encoding: 'utf8' })
    expect(text).toContain('Madonna')
    expect(text.replace(/\s+/g, ' ')).toContain('One legal name: on a claim it goes in the last-name field')
  })

  it('refuses with every missing item as a field message, writing no file and no audit entry', async () => {
    const client = await createClient(app)
    await app.ok('billing:createCharge', { clientId: client.id, charge: { dateOfService: '2026-02-10', feeItemId: FEE.therapy, units: 1, unitFeeCents: 20000, modifiers: [], pointers: [], placeOfService: '11' } })
    const entries = app.count('audit_log')
    const error = await app.fail('billing:superbill', { clientId: client.id, from: '2026-02-01', to: '2026-02-28' })
    expect(error).toEqual({
      code: 'conflict',
      message: 'The superbill needs 2 more items first.',
      fields: { 'missing.0': 'At least one diagnosis — client’s Diagnoses tab', 'missing.1': 'Line 1 has no diagnosis pointer — client’s Billing tab' }
    })
    expect(JSON.stringify(error)).not.toContain('Maria')
    expect(app.count('audit_log')).toBe(entries)
    expect((await app.fail('billing:superbill', { clientId: client.id, from: '2026-02-01', to: '2027-02-01' })).fields).toEqual({ to: 'A superbill covers at most 12 months' })
    expect((await app.fail('billing:superbill', { clientId: client.id, from: '2026-03-01', to: '2026-03-31' })).fields).toEqual({ to: 'There are no billable services in this date range' })
  })

  it('the administrator may make one; a clinician may not', async () => {
    const client = await createClient(app)
    await app.ok('diagnoses:add', { clientId: client.id, diagnosis: { code: 'F33.2' } })
    await app.ok('billing:createCharge', { clientId: client.id, charge: { dateOfService: '2026-02-10', feeItemId: FEE.therapy, units: 1, unitFeeCents: 20000, modifiers: [], pointers: ['A'], placeOfService: '11' } })
    const input = { clientId: client.id, from: '2026-02-01', to: '2026-02-28' }
    const admin = await openAs(app, ADMIN)
    const clinician = await openAs(app, { id: null, label: 'Clinician', role: 'clinician' }, 20_000)
    try {
      expect((await admin.ok<SuperbillResult>('billing:superbill', input)).bytes).toBeGreaterThan(5_000)
      expect((await clinician.fail('billing:superbill', input)).code).toBe('forbidden')
    } finally {
      admin.close()
      clinician.close()
    }
  })
})
