/**
 * A client statement through the real app core: the balance brought forward, the period's ledger
 * rows and the balance due, exact to the cent in the PDF's text; stored as ST-2026-0001 and
 * downloaded again byte for byte; bad ranges refused with nothing written.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DocumentFile } from '@shared/contracts/documents'
import type { Statement } from '../../../src/main/documents/statement'
import { openTestApp, type TestApp } from '../../factories/app'
import { billableClient, chargeFor, PRACTICE_PROFILE } from '../../factories/billing'

let app: TestApp
beforeEach(async () => {
  app = await openTestApp({ file: true, context: { now: () => new Date('2026-04-02T15:00:00.000Z') } })
  await app.ok('practice:save', { profile: PRACTICE_PROFILE })
})
afterEach(() => app.close())

describe('client statement', () => {
  it('brings the balance forward, lists the period’s rows with running balances, and says what is due and how to pay', async () => {
    const client = await billableClient(app, ['2026-02-10', '2026-02-24'], { legalFirstName: 'Zoë', legalLastName: 'O’Brien-Nakamura', addressLine1: '12 Lotus Lane', city: 'Salem', state: 'OR', postalCode: '97301' })
    await app.ok('billing:createInvoice', { clientId: client.id, issuedOn: '2026-02-28' })
    await chargeFor(app, client.id, '2026-03-10', { unitFeeCents: 22_550 })
    await app.ok('billing:recordPayment', { clientId: client.id, payment: { receivedOn: '2026-03-05', amountCents: 25_050, method: 'card', reference: '4242' } })
    const out = await app.ok<DocumentFile>('documents:statement', { clientId: client.id, from: '2026-03-01', to: '2026-03-31' })
    expect(out).toMatchObject({ number: 'ST-2026-0001', fileName: 'statement-ST-2026-0001.pdf' })
    const st = app.services.documents.snapshot(out.id) as Statement
    // Feb: 2 × $200.00 brought forward; March: a $250.50 payment, then a $225.50 charge → $375.00 due.
    expect(st.summary).toEqual({ openingCents: 40_000, chargesCents: 22_550, adjustmentsCents: 0, paymentsCents: -25_050, refundsCents: 0, closingCents: 37_500 })
    expect(st.rows.map((r) => [r.date, r.type, r.amountCents, r.balanceCents])).toEqual([['2026-03-05', 'payment', -25_050, 14_950], ['2026-03-10', 'charge', 22_550, 37_500]])

    const text = execFileSync('pdftotext', ['-layout', out.path, '-'], { encoding: 'utf8' })
    const values = ['STATEMENT', 'No. ST-2026-0001', 'Period 03/01/2026 – 03/31/2026', 'Zoë O’Brien-Nakamura', '12 Lotus Lane', 'Salem, OR 97301', 'BALANCE DUE', '$375.00', '03/05/2026', '03/10/2026', '-$250.50', '$149.50', '$225.50', 'INV-2026-0001', 'How to pay'.toUpperCase(), 'payable to Cascade Ketamine-Assisted Therapy, PLLC', '(503) 555-0100']
    expect(values.filter((v) => !text.includes(v))).toEqual([])
    expect(text).toMatch(/Previous balance \(before 03\/01\/2026\)\s+\$400\.00/)
    expect(text).toMatch(/Balance due\s+\$375\.00/)
    const first = readFileSync(out.path)
    expect(readFileSync((await app.ok<DocumentFile>('documents:download', { id: out.id })).path).equals(first)).toBe(true)
  })

  it('refuses a backwards or over-long range, or a client with nothing on account, and stores nothing', async () => {
    const client = await billableClient(app, [])
    expect((await app.fail('documents:statement', { clientId: client.id, from: '2026-03-31', to: '2026-03-01' })).fields).toEqual({ to: 'The end date cannot be before the start date' })
    expect((await app.fail('documents:statement', { clientId: client.id, from: '2026-01-01', to: '2027-01-01' })).fields).toEqual({ to: 'A statement covers at most 12 months' })
    expect((await app.fail('documents:statement', { clientId: client.id, from: '2026-03-01', to: '2026-03-31' })).fields).toEqual({ to: 'There is nothing on this client’s account up to the end of this period' })
    expect(app.count('documents')).toBe(0)
  })
})
