/** Signing: what still stops it (blocked until fixed), or a last word that a signed note never changes. */
import { CircleAlert, Lock } from 'lucide-react'
import type { SigningProblem } from '@shared/domain/note-templates'
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
  signerName
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
      <FormError error={error} />
    </ConfirmDialog>
  )
}
