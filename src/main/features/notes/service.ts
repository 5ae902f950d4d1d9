import type { Addendum, Note, NoteSearchHit, NoteSummary, Signer } from '@shared/contracts/notes'
import { NOTE_CONFLICT_MESSAGE, NOTE_SIGNED_MESSAGE } from '@shared/contracts/notes'
import type { NoteTemplate } from '@shared/domain/session-kinds'
import { defaultTemplateFor } from '@shared/domain/session-kinds'
import {
  canonicalBody, dosingBody, dosingWarnings, emptyBody, noteBodySchemas, noteSearchText, signingProblems
} from '@shared/domain/note-templates'
import { isClinical } from '@shared/domain/roles'
import { hasStarted, NOT_BEFORE_START_MESSAGE, SESSION_OUTCOME_MESSAGE, signingAsksOutcome, type SessionOutcome } from '@shared/domain/signing'
import type { ServiceContext } from '../../context'
import { AppFailure, conflict, fieldErrors, FORBIDDEN_MESSAGE, invalid, notFound } from '../../errors'
import type { AuditService } from '../audit/service'
import type { ContraindicationFlagsService } from '../screening/flags'
import type { SettingsService } from '../settings/service'
import type { SessionsService } from '../sessions/service'
import type { UsersService } from '../users/service'
import { addendumContentHash, noteContentHash } from './hash'
import { addendumSignatureCheck, noteSignatureCheck } from './integrity'
import { createDosingPrefill } from './prefill'
import { createNotesRepository, MATCH_END, MATCH_START, type AddendumRow, type NoteRow } from './repository'
import { clientKey, foldedWordsOf, ftsQuery } from './search-query'

export const ADDENDUM_DRAFT_MESSAGE = 'Addenda are for signed notes. Edit the draft instead.'
export const NOT_READY_MESSAGE = 'This note is not ready to sign. Fill in the fields marked.'
export const CONTRAINDICATIONS_PATH = 'contraindications'
export const ACKNOWLEDGE_MESSAGE = 'Acknowledge each contraindication flagged in screening before signing'

type Body = Record<string, unknown>

const toAddendum = (row: AddendumRow, noteHash: string | null): Addendum => ({
  id: row.id,
  noteId: row.noteId,
  position: row.position,
  text: row.text,
  signedAt: row.signedAt,
  signer: { userId: row.signedByUserId, name: row.signerName, credentials: row.signerCredentials },
  contentHash: row.contentHash,
  integrity: addendumSignatureCheck(noteHash, row)
})

/** Splits snippet() output into plain and matched parts; the renderer shows them as text, never HTML. */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = []
  for (const [i, piece] of snippet.split(MATCH_START).entries()) {
    if (i === 0) {
      if (piece) parts.push({ text: piece, match: false })
      continue
    }
    const end = piece.indexOf(MATCH_END)
    const matched = end === -1 ? piece : piece.slice(0, end)
    const rest = end === -1 ? '' : piece.slice(end + MATCH_END.length)
    if (matched) parts.push({ text: matched, match: true })
    if (rest) parts.push({ text: rest, match: false })
  }
  return parts
}

const bodyOf = (row: NoteRow): Body => JSON.parse(row.body) as Body

const searchTextOf = (row: NoteRow, body: Body, addenda: readonly { text: string }[]) =>
  [noteSearchText(row.template, body), ...addenda.map((a) => a.text)].filter((s) => s.trim() !== '').join('\n')

/** The body checked against its template: field errors under body.<path>, nothing saved. */
const validBody = (template: NoteTemplate, body: unknown): Body => {
  const parsed = noteBodySchemas[template].safeParse(body)
  if (!parsed.success) {
    const fields = Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([k, v]) => [k === '(input)' ? 'body' : `body.${k}`, v]))
    throw invalid('Some fields need attention. Nothing was saved.', fields)
  }
  return parsed.data as Body
}

const requireDraft = (row: NoteRow) => {
  if (row.signedAt !== null) throw conflict(NOTE_SIGNED_MESSAGE)
}

/**
 * Session notes. Drafts change by autosave with optimistic concurrency (`revision`); a signed note
 * never changes again — here, and in SQL (the `clinical_append_only` triggers) — and corrections are
 * signed, append-only addenda. Search text is kept in note_search, which the FTS5 index follows.
 */
export function createNotesService(
  ctx: ServiceContext,
  deps: { sessions: SessionsService; settings: SettingsService; users: UsersService; audit: Pick<AuditService, 'append'>; contraindications: ContraindicationFlagsService }
) {
  const signedListeners: ((sessionId: string) => void)[] = []
  const repo = createNotesRepository(ctx.db, ctx.sqlite)
  const prefillDosing = createDosingPrefill(ctx.sqlite)
  const stamp = () => ctx.now().toISOString()

  const require = (id: string): NoteRow => {
    const row = repo.findById(id)
    if (!row) throw notFound('That note')
    return row
  }

  /** Who signs: the signed-in user's name and credentials, or the actor's label without a user row. */
  const currentSigner = (): Signer => {
    const actor = ctx.actor()
    if (!isClinical(actor.role)) throw new AppFailure('forbidden', FORBIDDEN_MESSAGE)
    const user = actor.id ? deps.users.get(actor.id) : null
    return user ? { userId: user.id, name: user.displayName, credentials: user.credentials } : { userId: actor.id, name: actor.label, credentials: null }
  }

  /** Writes what search reads for a note, and records its words (both columns') for prefix expansion. */
  const index = (noteId: string, clientId: string, text: string) => {
    const folded = foldedWordsOf(text)
    repo.writeSearchText(noteId, text, clientKey(clientId), folded)
    repo.recordTerms(folded ? `${text} ${folded}` : text)
  }

  /** Every read of a signed note re-checks its hashes; a mismatch goes into the audit log (IDs only). */
  const checked = (row: NoteRow) => {
    const integrity = noteSignatureCheck(row)
    const addenda = repo.addenda(row.id).map((a) => toAddendum(a, row.contentHash))
    const tampered = [
      ...(integrity === 'mismatch' ? [{ entity: 'note' as const, entityId: row.id }] : []),
      ...addenda.filter((a) => a.integrity === 'mismatch').map((a) => ({ entity: 'addendum' as const, entityId: a.id }))
    ]
    for (const t of tampered) deps.audit.append({ channel: 'notes:integrity', action: 'signature_mismatch', ...t, clientId: row.clientId })
    return { integrity, addenda }
  }

  /** The template's minimum, the risk assessment a PHQ-9 self-harm flag asks for, and a dosing note's contraindication acknowledgements. */
  const problemsOf = (row: NoteRow, body: Body, flagged: boolean) => {
    const problems = signingProblems(row.template, body, { riskAssessment: flagged })
    if (row.template === 'dosing' && deps.contraindications.unacknowledged(row.clientId, { kind: 'note', id: row.id }).length > 0) {
      problems.push({ path: CONTRAINDICATIONS_PATH, message: ACKNOWLEDGE_MESSAGE })
    }
    return problems
  }

  const toNote = (row: NoteRow): Note => {
    const body = bodyOf(row)
    const session = deps.sessions.require(row.sessionId)
    const signed = row.signedAt !== null
    const { integrity, addenda } = checked(row)
    const safetyFlags = repo.safetyFlags(row.id, row.sessionId)
    let warnings: Note['dosingWarnings'] = []
    if (row.template === 'dosing') {
      const parsed = dosingBody.safeParse(body)
      if (parsed.success) warnings = dosingWarnings(parsed.data, deps.settings.vitalThresholds())
    }
    return {
      id: row.id,
      sessionId: row.sessionId,
      clientId: row.clientId,
      template: row.template,
      body,
      revision: row.revision,
      status: signed ? 'signed' : 'draft',
      signedAt: row.signedAt,
      signer: signed ? { userId: row.signedByUserId, name: row.signerName ?? '', credentials: row.signerCredentials } : null,
      contentHash: row.contentHash,
      integrity,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      session: {
        id: session.id,
        date: session.date,
        startTime: session.startTime,
        durationMinutes: session.durationMinutes,
        kind: session.kind,
        status: session.status,
        placeOfService: session.placeOfService as Note['session']['placeOfService']
      },
      addenda,
      signingProblems: signed ? [] : problemsOf(row, body, safetyFlags.length > 0),
      dosingWarnings: warnings,
      safetyFlags
    }
  }

  return {
    list(sessionId: string): NoteSummary[] {
      deps.sessions.require(sessionId)
      return repo.listBySession(sessionId).map(({ note: n, addendaCount }) => ({
        id: n.id,
        sessionId: n.sessionId,
        template: n.template,
        revision: n.revision,
        status: n.signedAt ? 'signed' : 'draft',
        signedAt: n.signedAt,
        signerName: n.signerName,
        addendaCount,
        createdAt: n.createdAt,
        updatedAt: n.updatedAt
      }))
    },

    get(id: string): Note {
      return toNote(require(id))
    },

    create(sessionId: string, template?: NoteTemplate): Note {
      const session = deps.sessions.require(sessionId)
      deps.sessions.requireCurrentClient(session.clientId)
      const chosen = template ?? defaultTemplateFor(session.kind)
      const empty: Body = emptyBody(chosen)
      const body = chosen === 'dosing' ? prefillDosing(empty, { clientId: session.clientId, date: session.date, startTime: session.startTime }) : empty
      const now = stamp()
      const id = ctx.newId()
      repo.insert({ id, sessionId, clientId: session.clientId, template: chosen, body: JSON.stringify(body), revision: 1, createdAt: now, updatedAt: now })
      const row = require(id)
      index(id, row.clientId, searchTextOf(row, body, []))
      return toNote(row)
    },

    /**
     * Autosave of the whole body. The same body again is a no-op (a retried save succeeds even with
     * the revision it started from); a different body needs the stored revision.
     */
    save(id: string, revision: number, body: unknown): Note {
      const row = require(id)
      requireDraft(row)
      deps.sessions.requireCurrentClient(row.clientId)
      const next = validBody(row.template, body)
      if (canonicalBody(next) === canonicalBody(bodyOf(row))) return toNote(row)
      if (revision !== row.revision) throw conflict(NOTE_CONFLICT_MESSAGE)
      const saved = repo.updateDraft(id, revision, { body: JSON.stringify(next), revision: revision + 1, updatedAt: stamp() })
      if (!saved) throw conflict(NOTE_CONFLICT_MESSAGE)
      const updated = require(id)
      index(id, updated.clientId, searchTextOf(updated, next, []))
      return toNote(updated)
    },

    /** Seals the note and completes its session; a cancelled or no-show session keeps its status only when told so. */
    sign(id: string, revision: number, sessionOutcome?: SessionOutcome): Note {
      const row = require(id)
      if (row.signedAt !== null) throw conflict('This note is already signed.')
      deps.sessions.requireCurrentClient(row.clientId)
      if (revision !== row.revision) throw conflict(NOTE_CONFLICT_MESSAGE)
      const session = deps.sessions.require(row.sessionId)
      if (!hasStarted(session, ctx.now())) throw invalid(NOT_BEFORE_START_MESSAGE)
      const asks = signingAsksOutcome(session.status)
      if (asks && !sessionOutcome) throw invalid(SESSION_OUTCOME_MESSAGE, { sessionOutcome: 'Choose to keep the session’s status or mark it completed' })
      const body = bodyOf(row)
      const problems = problemsOf(row, body, repo.safetyFlags(id, row.sessionId).length > 0)
      if (problems.length > 0) {
        const fields: Record<string, string> = {}
        for (const p of problems) fields[p.path === CONTRAINDICATIONS_PATH ? p.path : p.path ? `body.${p.path}` : 'body'] ??= p.message
        throw invalid(NOT_READY_MESSAGE, fields)
      }
      const signer = currentSigner()
      const saved = repo.updateDraft(id, revision, {
        signedAt: stamp(),
        signedByUserId: signer.userId,
        signerName: signer.name,
        signerCredentials: signer.credentials,
        contentHash: noteContentHash(row.template, row.sessionId, body)
      })
      if (!saved) throw conflict(NOTE_CONFLICT_MESSAGE)
      if (!asks || sessionOutcome === 'completed') deps.sessions.markCompleted(row.sessionId)
      for (const listener of signedListeners) listener(row.sessionId)
      return toNote(require(id))
    },

    /** Billing listens here to release a session's held charges; runs in the signing transaction. */
    onSigned(listener: (sessionId: string) => void): void {
      signedListeners.push(listener)
    },

    addAddendum(noteId: string, text: string): Note {
      const row = require(noteId)
      if (row.signedAt === null || row.contentHash === null) throw invalid(ADDENDUM_DRAFT_MESSAGE)
      deps.sessions.requireCurrentClient(row.clientId)
      const signer = currentSigner()
      const existing = repo.addenda(noteId)
      const position = existing.length + 1
      const signedAt = stamp()
      repo.insertAddendum({
        id: ctx.newId(),
        noteId,
        clientId: row.clientId,
        position,
        text,
        signedAt,
        signedByUserId: signer.userId,
        signerName: signer.name,
        signerCredentials: signer.credentials,
        contentHash: addendumContentHash({ noteId, noteHash: row.contentHash, position, text, signedAt, signer })
      })
      index(noteId, row.clientId, searchTextOf(row, bodyOf(row), [...existing, { text }]))
      return toNote(row)
    },

    search(query: string, limit: number, clientId?: string): NoteSearchHit[] {
      const match = ftsQuery(query, clientId, repo.expandPrefix)
      if (match === null) return []
      return repo.search(match, limit, clientId).map((r) => ({
        noteId: r.noteId,
        sessionId: r.sessionId,
        clientId: r.clientId,
        clientName: r.clientName,
        date: r.date,
        kind: r.kind as NoteSearchHit['kind'],
        template: r.template as NoteSearchHit['template'],
        status: r.signedAt ? 'signed' : 'draft',
        snippet: snippetParts(r.snippet)
      }))
    },

    /** For the dashboard. */
    unsigned: () => repo.unsigned(),

    /** Rebuilds the prefix-expansion words from the index (after a bulk load). */
    rebuildTerms: () => repo.rebuildTerms()
  }
}
export type NotesService = ReturnType<typeof createNotesService>
