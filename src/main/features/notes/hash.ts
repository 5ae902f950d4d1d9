import { createHash } from 'node:crypto'
import { canonicalBody } from '@shared/domain/note-templates'
import type { NoteTemplate } from '@shared/domain/session-kinds'

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * A signed note's content hash: SHA-256 over the canonical JSON (sorted keys) of its body, its
 * template and its session ID — so the same words moved to another session or template differ.
 */
export const noteContentHash = (template: NoteTemplate, sessionId: string, body: unknown): string =>
  sha256(canonicalBody({ body, sessionId, template }))

export interface AddendumHashInput {
  noteId: string
  /** The note's own content hash, so an addendum is bound to the exact note it corrects. */
  noteHash: string
  position: number
  text: string
  signedAt: string
  signer: { userId: string | null; name: string; credentials: string | null }
}

/** An addendum's hash: its note (and that note's hash), position, text, signer and time. */
export const addendumContentHash = (a: AddendumHashInput): string => sha256(canonicalBody(a))
