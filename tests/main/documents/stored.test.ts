/**
 * Stored documents on a real SQLite file: a superbill made is numbered gap-free per kind and year,
 * kept with its snapshot and SHA-256, listed, downloaded again byte for byte, voided with a reason
 * (never changed or deleted, whatever path writes), and audited.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { PDFParse } from 'pdf-parse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SuperbillResult } from '@shared/contracts/billing'
import type { DocumentFile, StoredDocument } from '@shared/contracts/documents'
import type { Superbill } from '../../../src/main/documents/superbill'
import { openTestApp, type TestApp } from '../../factories/app'
import { billableClient, chargeFor, PRACTICE_PROFILE } from '../../factories/billing'
import { createClient } from '../../factories/clients'
import { openAs } from '../../factories/clinical'

let app: TestApp
let now = '2026-03-08T15:00:00.000Z'
beforeEach(async () => {
  now = '2026-03-08T15:00:00.000Z'
  app = await openTestApp({ file: true, context: { now: () => new Date(now) } })
  await app.ok('practice:save', { profile: PRACTICE_PROFILE })
})
afterEach(() => app.close())

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const superbill = (clientId: string, from = '2026-02-01', to = '2026-02-28') => app.ok<SuperbillResult>('billing:superbill', { clientId, from, to })
const list = (clientId: string) => app.ok<StoredDocument[]>('documents:list', { clientId })
const sql = (source: string, ...params: unknown[]) => app.connection.sqlite.prepare(source).run(...params)
const auditOf = (entityId: string) =>
  app.connection.sqlite.prepare('SELECT action, entity, client_id AS clientId, channel FROM audit_log WHERE entity_id = ? ORDER BY seq').all(entityId)
const pdfText = async (path: string) => {
  const parser = new PDFParse({ data: readFileSync(path) })
  try {
    return (await parser.getText()).text.normalize('NFC')
  } finally {
    await parser.destroy()
  }
}

describe('stored documents', () => {
  it('numbers superbills SB-YYYY-NNNN without gaps: a refused one takes no number, a new year starts at 0001', async () => {
    const a = await billableClient(app)
    const b = await createClient(app, { legalFirstName: 'Zoë', legalLastName: 'O’Brien-Nakamura' })
    await chargeFor(app, b.id, '2026-02-11', { pointers: [] })
    expect((await superbill(a.id)).number).toBe('SB-2026-0001')
    // b has no diagnosis: refused, nothing stored, no number burned.
    expect((await app.fail('billing:superbill', { clientId: b.id, from: '2026-02-01', to: '2026-02-28' })).code).toBe('conflict')
    expect(app.count('documents')).toBe(1)
    const second = await superbill(a.id)
    expect(second.number).toBe('SB-2026-0002')
    expect(second.fileName).toBe('superbill-SB-2026-0002.pdf')
    now = '2027-01-04T15:00:00.000Z'
    expect((await superbill(a.id)).number).toBe('SB-2027-0001')
    expect((await list(a.id)).map((d) => d.number)).toEqual(['SB-2027-0001', 'SB-2026-0002', 'SB-2026-0001'])
    expect(await list(b.id)).toEqual([])
  })

  it('keeps the snapshot and the SHA-256 of the file; the snapshot is what the PDF shows; download again is byte-identical', async () => {
    const client = await billableClient(app, ['2026-02-10', '2026-02-17'], { legalFirstName: 'Nguyễn', legalMiddleName: 'Thị', legalLastName: 'Ánh' })
    const made = await superbill(client.id)
    const first = readFileSync(made.path)
    const [stored] = await list(client.id)
    expect(stored).toMatchObject({ id: made.id, number: 'SB-2026-0001', kind: 'superbill', clientId: client.id, periodFrom: '2026-02-01', periodTo: '2026-02-28', totalCents: 40000, fileName: made.fileName, createdBy: 'local', voidedAt: null })
    expect(stored!.sha256).toBe(sha(made.path))

    const snapshot = app.services.documents.snapshot(made.id) as Superbill
    expect(snapshot.client.name).toBe('Nguyễn Thị Ánh')
    expect(snapshot.lines.map((l) => [l.dateOfService, l.code, l.feeCents])).toEqual([['2026-02-10', '90837', 20000], ['2026-02-17', '90837', 20000]])
    const text = await pdfText(made.path)
    for (const value of [snapshot.client.name, snapshot.practice.name, '02/10/2026', '02/17/2026', '$400.00', 'No. SB-2026-0001']) expect(text).toContain(value)

    // The chart changes afterwards; the stored document does not.
    await chargeFor(app, client.id, '2026-02-24')
    now = '2026-06-01T09:00:00.000Z'
    const again = await app.ok<DocumentFile>('documents:download', { id: made.id })
    expect(again).toEqual({ id: made.id, number: 'SB-2026-0001', path: made.path, fileName: made.fileName, bytes: first.length })
    expect(readFileSync(again.path).equals(first)).toBe(true)
    expect(auditOf(made.id)).toEqual([
      { action: 'create', entity: 'document', clientId: client.id, channel: 'billing:superbill' },
      { action: 'export', entity: 'document', clientId: client.id, channel: 'documents:download' }
    ])
  })

  it('refuses to hand out bytes that differ from the stored hash', async () => {
    const client = await billableClient(app)
    const made = await superbill(client.id)
    // A copy whose stored hash is not its bytes' (as if this version of the app drew it differently).
    sql(`INSERT INTO documents (id, number, kind, year, seq, client_id, period_from, period_to, snapshot, sha256, total_cents, created_at, created_by)
         SELECT '01900000-0000-7000-8000-00000000d0c2', 'SB-2026-0099', kind, year, 99, client_id, period_from, period_to, snapshot, ?, total_cents, created_at, created_by FROM documents WHERE id = ?`, '0'.repeat(64), made.id)
    const entries = app.count('audit_log')
    const error = await app.fail('documents:download', { id: '01900000-0000-7000-8000-00000000d0c2' })
    expect(error.code).toBe('conflict')
    expect(error.message).toContain('SB-2026-0099 cannot be drawn exactly as it was made')
    expect(app.count('audit_log')).toBe(entries)
  })

  it('voids with a reason, once; a void document stays listed and downloadable', async () => {
    const client = await billableClient(app)
    const made = await superbill(client.id)
    expect((await app.fail('documents:void', { id: made.id, reason: '  ' })).fields).toEqual({ reason: 'Reason is required' })
    now = '2026-03-09T10:00:00.000Z'
    const voided = await app.ok<StoredDocument>('documents:void', { id: made.id, reason: 'Wrong date range' })
    expect(voided).toMatchObject({ voidedAt: '2026-03-09T10:00:00.000Z', voidedBy: 'local', voidReason: 'Wrong date range' })
    expect(await app.fail('documents:void', { id: made.id, reason: 'Again' })).toMatchObject({ code: 'conflict', fields: { reason: 'This document is already void' } })
    expect((await list(client.id))[0]).toEqual(voided)
    expect(readFileSync((await app.ok<DocumentFile>('documents:download', { id: made.id })).path).equals(readFileSync(made.path))).toBe(true)
    expect(auditOf(made.id).map((e) => (e as { action: string }).action)).toEqual(['create', 'void', 'export'])
    expect((await app.fail('documents:download', { id: '01900000-0000-7000-8000-0000000000ff' })).code).toBe('not_found')
  })

  it('the database itself refuses to change, delete or replace a document or to move a counter back', async () => {
    const client = await billableClient(app)
    const { id } = await superbill(client.id)
    const refused = (source: string, ...params: unknown[]) => expect(() => sql(source, ...params)).toThrow(/document/)
    refused("UPDATE documents SET snapshot = '{}' WHERE id = ?", id)
    refused("UPDATE documents SET total_cents = 1, voided_at = 'x', voided_by = 'x', void_reason = 'x' WHERE id = ?", id)
    refused("UPDATE documents SET voided_at = 'x', voided_by = 'x', void_reason = ' ' WHERE id = ?", id)
    refused('DELETE FROM documents WHERE id = ?', id)
    refused("INSERT OR REPLACE INTO documents SELECT * FROM documents WHERE id = ?", id)
    refused("UPDATE document_counters SET last = 0 WHERE kind = 'superbill'")
    refused('DELETE FROM document_counters')
    sql("UPDATE documents SET voided_at = 'x', voided_by = 'x', void_reason = 'Duplicate' WHERE id = ?", id)
    refused("UPDATE documents SET void_reason = 'Changed my mind' WHERE id = ?", id)
    refused('UPDATE documents SET voided_at = NULL, voided_by = NULL, void_reason = NULL WHERE id = ?', id)
  })

  it('the administrator lists, downloads and voids; a clinician may not', async () => {
    const client = await billableClient(app)
    const { id } = await superbill(client.id)
    const admin = await openAs(app)
    const clinician = await openAs(app, { id: null, label: 'Clinician', role: 'clinician' }, 20_000)
    try {
      expect(await admin.ok<StoredDocument[]>('documents:list', { clientId: client.id })).toHaveLength(1)
      expect((await admin.ok<DocumentFile>('documents:download', { id })).number).toBe('SB-2026-0001')
      for (const [channel, input] of [['documents:list', { clientId: client.id }], ['documents:download', { id }], ['documents:void', { id, reason: 'x' }]] as const) {
        expect((await clinician.fail(channel, input)).code).toBe('forbidden')
      }
    } finally {
      admin.close()
      clinician.close()
    }
  })
})
