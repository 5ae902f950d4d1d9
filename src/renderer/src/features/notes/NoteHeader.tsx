/** The note's header: whose note, which session, which template, and where it stands. */
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { ChevronLeft, CircleAlert, CircleCheck, Lock, Search, ShieldAlert } from 'lucide-react'
import type { Note } from '@shared/contracts/notes'
import { SIGNATURE_MISMATCH_MESSAGE } from '@shared/contracts/notes'
import { MEASURES } from '@shared/domain/measures'
import { NOTE_TEMPLATE_LABELS, SESSION_KIND_LABELS, SESSION_STATUS_LABELS } from '@shared/domain/session-kinds'
import { Badge } from '@renderer/components'
import { formatDate, formatTimestamp } from '@renderer/lib/format'
import { shortHash } from './body'
import { noteSearchPath } from './queries'

/** "2:30 PM" for a 24-hour "14:30". */
export function formatClock(time: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(time)
  if (!m) return time
  const d = new Date(2000, 0, 1, Number(m[1]), Number(m[2]))
  return new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(d)
}

export const signerLine = (signer: { name: string; credentials: string | null } | null) =>
  signer ? (signer.credentials ? `${signer.name}, ${signer.credentials}` : signer.name) : 'Unknown'

export function NoteHeader({ note, clientName, status, actions }: { note: Note; clientName: string | null; status?: ReactNode; actions?: ReactNode }) {
  const { session } = note
  const signed = note.status === 'signed'
  const tampered = note.integrity === 'mismatch'
  return (
    <header className="pb-4">
      <div className="mb-1 flex items-center justify-between gap-4 text-[13px]">
        <Link to={`/clients/${note.clientId}/overview`} className="inline-flex items-center gap-0.5 rounded text-ink-soft hover:text-ink">
          <ChevronLeft aria-hidden="true" className="size-3.5" />
          {clientName ?? 'Client chart'}
        </Link>
        <Link to={noteSearchPath()} className="inline-flex items-center gap-1 rounded text-ink-soft hover:text-ink">
          <Search aria-hidden="true" className="size-3.5" />
          Search notes
        </Link>
      </div>
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-x-2.5 gap-y-1">
            <h1 className="text-xl font-semibold tracking-tight text-ink">{NOTE_TEMPLATE_LABELS[note.template]} note</h1>
            {tampered ? (
              <Badge tone="danger">
                <ShieldAlert aria-hidden="true" />
                Signature does not match
              </Badge>
            ) : signed ? (
              <Badge tone="success">
                <Lock aria-hidden="true" />
                Signed
              </Badge>
            ) : (
              <Badge>Draft</Badge>
            )}
          </div>
          <p className="mt-1 text-sm text-ink-soft">
            {clientName && <span className="font-medium text-ink">{clientName} · </span>}
            <span className="num">
              {formatDate(session.date)} at {formatClock(session.startTime)}
            </span>{' '}
            · {SESSION_KIND_LABELS[session.kind]} session · <span className="num">{session.durationMinutes} min</span>
            {session.status !== 'scheduled' && <span data-testid="session-status"> · {SESSION_STATUS_LABELS[session.status]}</span>}
          </p>
          {signed && !tampered && (
            <p className="mt-1 flex flex-wrap items-center gap-x-1.5 text-[13px] text-ink-soft" data-testid="signature">
              <CircleCheck aria-hidden="true" className="size-3.5 text-emerald-700" />
              <span>
                Signed by <span className="font-medium text-ink">{signerLine(note.signer)}</span>
              </span>
              <span aria-hidden="true">·</span>
              <span className="num">{formatTimestamp(note.signedAt)}</span>
              {note.contentHash && (
                <>
                  <span aria-hidden="true">·</span>
                  <span title={`SHA-256 ${note.contentHash}`}>
                    Content hash <code className="num rounded bg-sunken px-1 font-mono text-xs text-ink">{shortHash(note.contentHash)}</code>
                  </span>
                </>
              )}
            </p>
          )}
        </div>
        <div className="flex shrink-0 items-center gap-3">
          {status}
          {actions}
        </div>
      </div>
      {tampered && <MismatchBanner note={note} />}
      <SafetyBanner note={note} />
    </header>
  )
}

/** In place of the signature line: the stored text is not what was signed, so no one's signature vouches for it. */
function MismatchBanner({ note }: { note: Note }) {
  return (
    <div role="alert" data-testid="signature-mismatch" className="mt-3 flex items-start gap-2.5 rounded-md border border-red-300 bg-red-50 px-3 py-2.5 text-sm text-red-800">
      <ShieldAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div>
        <p className="font-semibold">{SIGNATURE_MISMATCH_MESSAGE}</p>
        <p className="mt-0.5 text-[13px]">
          The text below was changed outside KAP Practice after {signerLine(note.signer)} signed it on{' '}
          <span className="num">{formatTimestamp(note.signedAt)}</span>. Do not rely on it; this read is recorded in the audit log. Restore a backup
          from before the change to get the signed text back.
        </p>
      </div>
    </div>
  )
}

function SafetyBanner({ note }: { note: Note }) {
  if (note.safetyFlags.length === 0) return null
  const signed = note.status === 'signed'
  return (
    <div role="alert" className="mt-3 flex items-start gap-2.5 rounded-md border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800">
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div>
        <p className="font-semibold">Safety flag: thoughts of death or self-harm</p>
        <ul className="mt-0.5 space-y-0.5 text-[13px]">
          {note.safetyFlags.map((f) => (
            <li key={f.measureId}>
              {MEASURES[f.kind].label} of <span className="num">{formatDate(f.administeredOn)}</span>: the self-harm item was answered above “Not
              at all”.{' '}
              {f.acknowledgedAt ? (
                <span>Followed up {formatTimestamp(f.acknowledgedAt)}.</span>
              ) : signed ? (
                <span>Not marked as followed up yet (Measures tab). Anything to add to this signed note goes in an addendum.</span>
              ) : (
                <span>Assess risk and record it under Risk assessment before signing.</span>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}
