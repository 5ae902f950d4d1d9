/**
 * Stored documents. `store` takes the next number of its kind in the caller's transaction, draws
 * the PDF from the snapshot it keeps, records the bytes' SHA-256 and writes the file: a failure at
 * any step rolls the number back with the row, so numbers stay gap-free. `download` draws the
 * same snapshot again and refuses bytes that differ from the stored hash.
 */
import { createHash } from 'node:crypto'
import type { DocumentFile, StoredDocument } from '@shared/contracts/documents'
import { localToday, usDate } from '@shared/domain/dates'
import { GFE_TIMELINESS_LABELS } from '@shared/domain/good-faith-estimate'
import { documentFileName, documentNumber, type DocumentKind } from '@shared/domain/documents'
import type { ServiceContext } from '../../context'
import { renderDocument, type DocumentData } from '../../documents/render'
import { AppFailure, conflict, notFound } from '../../errors'
import { loadFonts } from '../../pdf/fonts'
import { createDocumentsRepository, type DocumentRow } from './repository'

export type DocumentWriter = (fileName: string, content: Buffer) => { path: string; fileName: string; bytes: number }

export interface DocumentsDeps {
  writeDocument: DocumentWriter
  /** resources/fonts (see pdf/fonts.ts). */
  fontsFolder: string
}

export interface NewDocument<K extends DocumentKind> {
  kind: K
  clientId: string
  periodFrom: string
  periodTo: string
  totalCents: number
  data: DocumentData[K]
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** A line the list shows beside a document: for an estimate, whether it was given in time. */
function remarkOf(r: DocumentRow): string | null {
  if (r.kind !== 'gfe') return null
  const gfe = JSON.parse(r.snapshot) as DocumentData['gfe']
  return gfe.deadline ? `${GFE_TIMELINESS_LABELS[gfe.timeliness]} (due ${usDate(gfe.deadline)})` : GFE_TIMELINESS_LABELS[gfe.timeliness]
}

const toStored = (r: DocumentRow): StoredDocument => ({
  id: r.id,
  number: r.number,
  kind: r.kind,
  clientId: r.clientId,
  periodFrom: r.periodFrom,
  periodTo: r.periodTo,
  totalCents: r.totalCents,
  sha256: r.sha256,
  fileName: documentFileName(r.kind, r.number),
  remark: remarkOf(r),
  createdAt: r.createdAt,
  createdBy: r.createdByName,
  voidedAt: r.voidedAt,
  voidedBy: r.voidedByName,
  voidReason: r.voidReason
})

export function createDocumentsService(ctx: ServiceContext, deps: DocumentsDeps) {
  const repo = createDocumentsRepository(ctx.sqlite)
  const by = () => ctx.actor().id ?? ctx.actor().label
  const fonts = () => loadFonts(deps.fontsFolder)
  const found = (id: string): DocumentRow => {
    const row = repo.get(id)
    if (!row) throw notFound('The document')
    return row
  }

  return {
    /** Runs inside the caller's transaction (dispatch's). */
    store<K extends DocumentKind>(doc: NewDocument<K>): DocumentFile {
      const year = Number(localToday(ctx.now()).slice(0, 4))
      const seq = repo.nextSeq(doc.kind, year)
      const number = documentNumber(doc.kind, year, seq)
      const snapshot = JSON.stringify(doc.data)
      // Drawn from the parsed snapshot, exactly as a later download will draw it.
      const pdf = renderDocument(doc.kind, number, JSON.parse(snapshot) as DocumentData[K], fonts())
      const id = ctx.newId()
      repo.insert({ id, number, kind: doc.kind, year, seq, clientId: doc.clientId, periodFrom: doc.periodFrom, periodTo: doc.periodTo, snapshot, sha256: sha256(pdf), totalCents: doc.totalCents, createdAt: ctx.now().toISOString(), createdBy: by() })
      return { id, number, ...deps.writeDocument(documentFileName(doc.kind, number), pdf) }
    },

    list: (clientId: string): StoredDocument[] => repo.ofClient(clientId).map(toStored),

    /** The documents of a kind still in force (not void), with the data each showed. */
    active<K extends DocumentKind>(kind: K, clientId: string | null): { document: StoredDocument; data: DocumentData[K] }[] {
      return repo.activeOfKind(kind, clientId).map((r) => ({ document: toStored(r), data: JSON.parse(r.snapshot) as DocumentData[K] }))
    },

    /** The snapshot a document was drawn from (tests compare it with the PDF's text). */
    snapshot: (id: string): unknown => JSON.parse(found(id).snapshot),

    /** The same PDF again, byte for byte; a void one too (marked void in the list, not on the page). */
    download(id: string): DocumentFile {
      const row = found(id)
      const pdf = renderDocument(row.kind, row.number, JSON.parse(row.snapshot) as DocumentData[typeof row.kind], fonts())
      // Fonts or the layout changed since: never hand out a document that differs from what was given.
      if (sha256(pdf) !== row.sha256) throw new AppFailure('conflict', `${row.number} cannot be drawn exactly as it was made (this version of the app draws it differently). Nothing was written.`)
      return { id: row.id, number: row.number, ...deps.writeDocument(documentFileName(row.kind, row.number), pdf) }
    },

    void(id: string, reason: string): StoredDocument {
      const row = found(id)
      if (row.voidedAt) throw conflict(`${row.number} is already void.`, { reason: 'This document is already void' })
      repo.void(id, ctx.now().toISOString(), by(), reason)
      return toStored(found(id))
    }
  }
}
export type DocumentsService = ReturnType<typeof createDocumentsService>
