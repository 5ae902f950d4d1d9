/**
 * A Good Faith Estimate through the real app core on a real SQLite file: made from a course and
 * the seeded fee schedule, stored as GFE-YYYY-NNNN, its PDF read back for every required value;
 * refused for an insured client who bills insurance; and the $400 rule once more is billed.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { PDFParse } from 'pdf-parse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DisputeRow, DocumentFile, GoodFaithEstimateResult, StoredDocument } from '@shared/contracts/documents'
import type { GoodFaithEstimate } from '../../../src/main/documents/gfe'
import { openTestApp, type TestApp } from '../../factories/app'
import { chargeFor, FEE, PRACTICE_PROFILE } from '../../factories/billing'
import { createClient } from '../../factories/clients'
import { createCourse, createSession } from '../../factories/clinical'

let app: TestApp
let now = '2026-03-08T15:00:00.000Z'
beforeEach(async () => {
  now = '2026-03-08T15:00:00.000Z'
  app = await openTestApp({ file: true, context: { now: () => new Date(now) } })
  await app.ok('practice:save', { profile: PRACTICE_PROFILE })
})
afterEach(() => app.close())

const pdfText = async (path: string) => {
  const parser = new PDFParse({ data: readFileSync(path) })
  try {
    return (await parser.getText()).text.normalize('NFC')
  } finally {
    await parser.destroy()
  }
}

async function courseClient() {
  const client = await createClient(app, { legalFirstName: 'Małgorzata', legalLastName: 'Wójcik-Nowak', dateOfBirth: '1979-11-30' })
  await app.ok('diagnoses:add', { clientId: client.id, diagnosis: { code: 'F33.2', description: 'Major depressive disorder, recurrent severe' } })
  const course = await createCourse(app, client.id, 'induction', '2026-03-01')
  // Booked on Sunday Mar 8 for Friday Mar 20: ten business days ahead → due within 3 business days (Wed Mar 11).
  await createSession(app, client.id, { date: '2026-03-20', kind: 'preparation', durationMinutes: 60, courseId: course.id })
  return { client, course }
}
const estimate = (clientId: string, courseId: string, extra: Record<string, unknown> = {}) =>
  app.ok<GoodFaithEstimateResult>('documents:goodFaithEstimate', { clientId, courseId, selfPay: true, ...extra })

describe('Good Faith Estimate, stored', () => {
  it('prints every required element with its value, is stored as GFE-2026-0001 and downloads again byte for byte', async () => {
    const { client, course } = await courseClient()
    const out = await estimate(client.id, course.id)
    expect(out).toMatchObject({ number: 'GFE-2026-0001', fileName: 'good-faith-estimate-GFE-2026-0001.pdf', deadline: '2026-03-11', timeliness: 'on_time' })
    const gfe = app.services.documents.snapshot(out.id) as GoodFaithEstimate
    // Seeded fees: preparation and integration 90837 $200.00; dosing 0820T 3 × $200.00, usual range $400–$800 a session.
    expect(gfe.totals).toEqual({ lowCents: 400_000, highCents: 640_000 })

    const text = await pdfText(out.path)
    const poppler = execFileSync('pdftotext', ['-layout', out.path, '-'], { encoding: 'utf8' })
    const required = [
      'GOOD FAITH ESTIMATE', 'No. GFE-2026-0001', 'Issued 03/08/2026', 'Covers 03/08/2026 – 03/07/2027',
      'Małgorzata Wójcik-Nowak', 'Date of birth 11/30/1979',
      'Dana Whitfield-Nakamura, PhD, LMFT', 'NPI 1234567893', 'TIN 45-3456789', 'Services furnished in OR',
      'Ketamine-assisted psychotherapy: Induction', 'First session scheduled for 03/20/2026', 'F33.2',
      'Preparation sessions', 'Dosing sessions', 'Integration sessions', '90837', '0820T',
      '$400.00 – $800.00', '$2,400.00 – $4,800.00', '$1,200.00', '$4,000.00 – $6,400.00',
      'not a contract and does not require you to obtain', 'within 120 calendar days', 'www.cms.gov/nosurprises',
      'estimated separately'
    ]
    expect(required.filter((v) => !text.includes(v))).toEqual([])
    expect(required.filter((v) => !poppler.replace(/\s+/g, ' ').includes(v))).toEqual([])
    expect(text).toMatch(/Total estimated charges\s+\$4,000\.00 – \$6,400\.00/)

    const [listed] = await app.ok<StoredDocument[]>('documents:list', { clientId: client.id })
    expect(listed).toMatchObject({ number: 'GFE-2026-0001', kind: 'gfe', periodFrom: '2026-03-08', periodTo: '2027-03-07', totalCents: 640_000, remark: 'Issued on time (due 03/11/2026)' })
    const first = readFileSync(out.path)
    const again = await app.ok<DocumentFile>('documents:download', { id: out.id })
    expect(readFileSync(again.path).equals(first)).toBe(true)
    // Its own counter: a superbill now would still be SB-2026-0001.
    expect(app.connection.sqlite.prepare("SELECT kind, last FROM document_counters").all()).toEqual([{ kind: 'gfe', last: 1 }])
    // About thirty calls build the ledger and two readers parse the PDF: a generous limit for a shared, loaded machine (no speed is asserted).
  }, 30_000)

  it('is refused for an insured client whose insurance is billed, with why, and nothing is stored', async () => {
    const { client, course } = await courseClient()
    await app.ok('insurance:create', { clientId: client.id, policy: { rank: 'primary', payerName: 'Aetna', payerId: '60054', memberId: 'W123456789', groupNumber: null, relationship: 'self', subscriberName: null, subscriberDateOfBirth: null } })
    const entries = app.count('audit_log')
    const error = await app.fail('documents:goodFaithEstimate', { clientId: client.id, courseId: course.id, selfPay: false })
    expect(error.code).toBe('conflict')
    expect(error.fields).toEqual({ selfPay: "A Good Faith Estimate is for clients who are uninsured or not having these services billed to insurance; Aetna is on file and will be billed, so the plan's own estimate applies instead" })
    expect(app.count('documents')).toBe(0)
    expect(app.count('document_counters')).toBe(0)
    expect(app.count('audit_log')).toBe(entries)
    // The same client paying themselves gets one.
    expect((await estimate(client.id, course.id)).number).toBe('GFE-2026-0001')
  })

  it('the $400 rule: billed $400.00 or more over the estimate is flagged with the dispute window end, 120 days after the bill', async () => {
    const { client, course } = await courseClient()
    const out = await estimate(client.id, course.id)
    expect(await app.ok<DisputeRow[]>('documents:disputes', { clientId: client.id })).toEqual([])
    // $6,400.00 estimated at most. Seven dosing sessions billed on Apr 1 come to less than that.
    for (const [i, day] of ['03-10', '03-13', '03-17', '03-20', '03-24', '03-27', '03-31'].entries()) {
      await chargeFor(app, client.id, `2026-${day}`, { feeItemId: FEE.dosing, units: 1, unitFeeCents: i === 0 ? 83_999 : 84_000 })
    }
    await app.ok('billing:createInvoice', { clientId: client.id, issuedOn: '2026-04-01' })
    // 7 × 840.00 − 0.01 = 5,879.99: under the estimate.
    expect(await app.ok<DisputeRow[]>('documents:disputes', {})).toEqual([])
    await chargeFor(app, client.id, '2026-04-03', { feeItemId: FEE.dosing, units: 1, unitFeeCents: 92_002 })
    // Not billed until invoiced.
    expect(await app.ok<DisputeRow[]>('documents:disputes', {})).toEqual([])
    await app.ok('billing:createInvoice', { clientId: client.id, issuedOn: '2026-04-06' })
    // 5,879.99 + 920.02 = 6,800.01 → $400.01 over.
    expect(await app.ok<DisputeRow[]>('documents:disputes', {})).toEqual([
      { documentId: out.id, number: 'GFE-2026-0001', clientId: client.id, clientName: 'Małgorzata Wójcik-Nowak', estimateCents: 640_000, billedCents: 680_001, overByCents: 40_001, billedOn: '2026-04-06', windowEndsOn: '2026-08-04' }
    ])
    // A void estimate no longer counts.
    await app.ok('documents:void', { id: out.id, reason: 'Replaced by a new estimate' })
    expect(await app.ok<DisputeRow[]>('documents:disputes', { clientId: client.id })).toEqual([])
  })
})
