/** Stored documents: their kinds and how each is numbered (SB-2026-0001). */
export const DOCUMENT_KINDS = ['superbill', 'gfe', 'statement'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export const DOCUMENT_PREFIX: Record<DocumentKind, string> = { superbill: 'SB', gfe: 'GFE', statement: 'ST' }

export const DOCUMENT_LABEL: Record<DocumentKind, string> = { superbill: 'Superbill', gfe: 'Good Faith Estimate', statement: 'Statement' }

export const documentNumber = (kind: DocumentKind, year: number, seq: number): string => `${DOCUMENT_PREFIX[kind]}-${year}-${String(seq).padStart(4, '0')}`

/** `superbill-SB-2026-0001.pdf`: the number only, never the client's name or record ID. */
export const documentFileName = (kind: DocumentKind, number: string): string => `${kind === 'gfe' ? 'good-faith-estimate' : kind}-${number}.pdf`
