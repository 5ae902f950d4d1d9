import type { SignedNotesCheck } from '@shared/contracts/audit'
import type { SignatureCheck } from '@shared/contracts/notes'
import { addendumContentHash, noteContentHash } from './hash'
import type { AddendumRow, NoteRow } from './repository'

/**
 * Whether a signed note's stored content still gives the hash taken when it was signed — the
 * same function as at signing. A draft has no signature to check (null). A signed note or
 * addendum edited in the file (triggers dropped, row updated) no longer matches.
 */
export function noteSignatureCheck(row: Pick<NoteRow, 'template' | 'sessionId' | 'body' | 'signedAt' | 'contentHash'>): SignatureCheck | null {
  if (row.signedAt === null) return null
  if (row.contentHash === null) return 'mismatch'
  let body: unknown
  try {
    body = JSON.parse(row.body)
  } catch {
    return 'mismatch'
  }
  return noteContentHash(row.template, row.sessionId, body) === row.contentHash ? 'matches' : 'mismatch'
}

/** An addendum against its own hash, bound to the note's stored hash as it was when the addendum was signed. */
export const addendumSignatureCheck = (noteHash: string | null, a: AddendumRow): SignatureCheck =>
  noteHash !== null &&
  addendumContentHash({
    noteId: a.noteId,
    noteHash,
    position: a.position,
    text: a.text,
    signedAt: a.signedAt,
    signer: { userId: a.signedByUserId, name: a.signerName, credentials: a.signerCredentials }
  }) === a.contentHash
    ? 'matches'
    : 'mismatch'

type Reader = { prepare(sql: string): { iterate(...params: unknown[]): IterableIterator<unknown> } }

/**
 * Every signed note and addendum in the database re-hashed, one cursor each (for audit:verify).
 * Only IDs come back, never content.
 */
export function checkSignedNotes(sqlite: Reader): SignedNotesCheck {
  const mismatched: SignedNotesCheck['mismatched'] = []
  let notes = 0
  let addenda = 0
  const noteRows = sqlite
    .prepare('SELECT id, template, session_id AS sessionId, body, signed_at AS signedAt, content_hash AS contentHash FROM notes WHERE signed_at IS NOT NULL ORDER BY id')
    .iterate() as IterableIterator<Pick<NoteRow, 'id' | 'template' | 'sessionId' | 'body' | 'signedAt' | 'contentHash'>>
  for (const row of noteRows) {
    notes++
    if (noteSignatureCheck(row) === 'mismatch') mismatched.push({ entity: 'note', id: row.id, noteId: row.id })
  }
  const addendumRows = sqlite
    .prepare(
      `SELECT a.id, a.note_id AS noteId, a.position, a.text, a.signed_at AS signedAt, a.signed_by_user_id AS signedByUserId,
         a.signer_name AS signerName, a.signer_credentials AS signerCredentials, a.content_hash AS contentHash, n.content_hash AS noteHash
       FROM note_addenda a LEFT JOIN notes n ON n.id = a.note_id ORDER BY a.note_id, a.position`
    )
    .iterate() as IterableIterator<AddendumRow & { noteHash: string | null }>
  for (const row of addendumRows) {
    addenda++
    if (addendumSignatureCheck(row.noteHash, row) === 'mismatch') mismatched.push({ entity: 'addendum', id: row.id, noteId: row.noteId })
  }
  return { notes, addenda, mismatched }
}
