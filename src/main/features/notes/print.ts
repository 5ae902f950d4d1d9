/**
 * notes:print and notes:printRange — reads the notes as notes:get does, lays them out
 * (documents/note-print.ts), draws them (pdf/note-pdf.ts) and writes the PDF into the exports folder.
 */
import type { NotePrintResult } from '@shared/contracts/notes'
import { formatDate } from '@shared/domain/dates'
import type { ServiceContext } from '../../context'
import { notePdfName, notesPdfName, printedNotes } from '../../documents/note-print'
import { loadFonts } from '../../pdf/fonts'
import { renderNotesPdf } from '../../pdf/note-pdf'
import type { DocumentWriter } from '../documents/service'
import type { ClientsService } from '../clients/service'
import type { PracticeService } from '../practice/service'
import type { SessionsService } from '../sessions/service'
import type { NotesService } from './service'

export interface NotePrintDeps {
  notes: NotesService
  sessions: SessionsService
  clients: ClientsService
  practice: PracticeService
  writeDocument: DocumentWriter
  fontsFolder: string
}

export function createNotePrintService(ctx: ServiceContext, deps: NotePrintDeps) {
  const write = (clientId: string, noteIds: string[], scope: string, fileName: string): NotePrintResult => {
    const { client } = deps.clients.get(clientId)
    const model = printedNotes({ practice: deps.practice.get(), client, notes: noteIds.map((id) => deps.notes.get(id)), scope, generatedAt: ctx.now().toISOString() })
    const written = deps.writeDocument(fileName, renderNotesPdf(model, loadFonts(deps.fontsFolder)))
    return { ...written, clientId, notes: noteIds.length }
  }
  return {
    note(id: string): NotePrintResult {
      const note = deps.notes.get(id)
      return write(note.clientId, [id], `Session of ${formatDate(note.session.date)}`, notePdfName(id))
    },

    /** Oldest session first (the timeline is newest first), each session's notes in the order written. */
    range(clientId: string, from: string, to: string): NotePrintResult {
      const ids = deps.sessions
        .list(clientId)
        .filter((s) => s.date >= from && s.date <= to)
        .toReversed()
        .flatMap((s) => s.notes.map((n) => n.id))
      return write(clientId, ids, `Notes ${formatDate(from)} – ${formatDate(to)}`, notesPdfName(clientId, from, to))
    }
  }
}
export type NotePrintService = ReturnType<typeof createNotePrintService>
