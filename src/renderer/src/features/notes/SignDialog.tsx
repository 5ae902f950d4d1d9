/** Signing: what still stops it (blocked until fixed), or a last word that a signed note never changes. */
import { CircleAlert, Lock } from 'lucide-react'
import type { SigningProblem } from '@shared/domain/note-templates'
import { SESSION_STATUS_LABELS, type SessionStatus } from '@shared/domain/session-kinds'
import type { SessionOutcome } from '@shared/domain/signing'
import { Button, ConfirmDialog, Dialog, FormError } from '@renderer/components'

export function SignDialog({
  open,
  onOpenChange,
  problems,
  labelFor,
  onGoTo,
  onSign,
  busy,
  error,
  signerName,
  outcome
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  problems: readonly SigningProblem[]
  labelFor: (path: string) => string | undefined
  /** Closes the dialog and puts the cursor in the field. */
  onGoTo: (path: string) => void
  onSign: () => void
  busy: boolean
  error: unknown
  signerName: string
  /** A cancelled or no-show session: the user says whether it stays so or becomes completed. */
  outcome: { status: SessionStatus; value: SessionOutcome | null; onChange: (value: SessionOutcome) => void } | null
}) {
  if (problems.length > 0) {
    return (
      <Dialog
        open={open}
        onOpenChange={onOpenChange}
        title="This note cannot be signed yet"
        description="Fix these first. The draft is saved as it is."
        size="md"
        footer={<Button onClick={() => onOpenChange(false)}>Back to the note</Button>}
      >
        <ul aria-label="What stops signing" className="space-y-2">
          {problems.map((p) => {
            const label = p.path ? labelFor(p.path) : undefined
            return (
              <li key={`${p.path}:${p.message}`} className="flex items-start justify-between gap-3 rounded-md border border-red-200 bg-red-50/60 px-3 py-2">
                <span className="flex items-start gap-2 text-sm text-red-800">
                  <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                  <span>
                    {label && <span className="font-medium">{label}: </span>}
                    {p.message}
                  </span>
                </span>
                {p.path && (
                  <Button size="sm" variant="ghost" onClick={() => onGoTo(p.path)} aria-label={`Go to ${label ?? 'the field'}`}>
                    Go to field
                  </Button>
                )}
              </li>
            )
          })}
        </ul>
      </Dialog>
    )
  }
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Sign this note?"
      body={
        <div className="space-y-2">
          <p>
            It will be signed as <span className="font-medium text-ink">{signerName}</span>, with the time and a content hash that seals it.
          </p>
          {!outcome && <p>The session will be marked completed.</p>}
          <p className="flex items-start gap-2 rounded-md bg-sunken px-3 py-2 text-ink">
            <Lock aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-ink-soft" />
            <span>A signed note can never be changed. Corrections are added as addenda, each signed and timestamped.</span>
          </p>
        </div>
      }
      confirmLabel="Sign note"
      busy={busy}
      onConfirm={onSign}
    >
      {outcome && <OutcomeChoice {...outcome} />}
      <FormError error={error} />
    </ConfirmDialog>
  )
}

/** No default: a cancelled or no-show session is never completed, or kept, without the user saying so. */
function OutcomeChoice({ status, value, onChange }: { status: SessionStatus; value: SessionOutcome | null; onChange: (value: SessionOutcome) => void }) {
  const label = SESSION_STATUS_LABELS[status]
  const options: { value: SessionOutcome; label: string }[] = [
    { value: 'keep', label: `Keep it as ${label.toLowerCase()}` },
    { value: 'completed', label: 'Mark it completed' }
  ]
  return (
    <fieldset className="rounded-md border border-amber-200 bg-amber-50/60 px-3 py-2.5" aria-describedby="outcome-help">
      <legend className="px-1 text-sm font-medium text-ink">This session is marked {label.toLowerCase()}</legend>
      <p id="outcome-help" className="mb-2 text-[13px] text-ink-soft">
        Choose what signing does to it.
      </p>
      <div className="space-y-1.5">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm text-ink">
            <input type="radio" name="session-outcome" value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      {value === null && <p className="mt-2 text-[13px] text-amber-800">Choose one to sign.</p>}
    </fieldset>
  )
}
