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
