/** Corrections to a signed note: addenda in order, each signed when saved, and the form to add one. */
import { useEffect, useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import { toast } from 'sonner'
import { FilePlus2, PenLine, ShieldAlert } from 'lucide-react'
import { ADDENDUM_MAX, ADDENDUM_MISMATCH_MESSAGE, type Note } from '@shared/contracts/notes'
import { isStorableText } from '@shared/domain/session-kinds'
import { Button, FormError, TextareaField } from '@renderer/components'
import { applyServerErrors, useFormShortcuts, useUnsavedChangesGuard } from '@renderer/lib/forms'
import { formatTimestamp } from '@renderer/lib/format'
import { shortHash } from './body'
import { signerLine } from './NoteHeader'
import { useAddAddendum } from './queries'

/** The same rules notes:addAddendum checks. */
const addendumForm = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, { error: 'Write the addendum before signing it' })
    .max(ADDENDUM_MAX, { error: `Addendum must be ${ADDENDUM_MAX.toLocaleString('en-US')} characters or fewer` })
    .refine(isStorableText, { error: 'Addendum contains characters that cannot be stored' })
})
type AddendumValues = z.infer<typeof addendumForm>

export function Addenda({ note, canSign }: { note: Note; canSign: boolean }) {
  const [adding, setAdding] = useState(false)
  const addButton = useRef<HTMLButtonElement>(null)
  const addenda = [...note.addenda].sort((a, b) => a.position - b.position)

  return (
    <section aria-labelledby="addenda-title" className="mt-6">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-baseline gap-2">
          <h2 id="addenda-title" className="text-[15px] font-semibold text-ink">
            Addenda
          </h2>
          <span className="num text-[13px] text-ink-soft">{addenda.length}</span>
        </div>
        {canSign && !adding && (
          <Button ref={addButton} onClick={() => setAdding(true)}>
            <FilePlus2 aria-hidden="true" />
            Add addendum
          </Button>
        )}
      </div>
      {addenda.length === 0 && !adding && (
        <p className="rounded-lg border border-dashed border-line-strong bg-surface px-4 py-4 text-sm text-ink-soft">
          No addenda. A signed note never changes: to correct or add to it, write an addendum — it is signed and timestamped when saved.
        </p>
      )}
      {addenda.length > 0 && (
        <ol aria-label="Addenda, oldest first" className="space-y-3">
          {addenda.map((a) => (
            <li key={a.id} className="rounded-lg border border-line bg-surface">
              <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 border-b border-line px-4 py-2 text-[13px] text-ink-soft">
                <span className="font-semibold text-ink">Addendum {a.position}</span>
                {a.integrity === 'mismatch' ? (
                  <span role="alert" className="inline-flex items-center gap-1 font-semibold text-red-800">
                    <ShieldAlert aria-hidden="true" className="size-3.5" />
                    {ADDENDUM_MISMATCH_MESSAGE}
                  </span>
                ) : (
                  <span>
                    Signed by <span className="font-medium text-ink">{signerLine(a.signer)}</span> ·{' '}
                    <span className="num">{formatTimestamp(a.signedAt)}</span> ·{' '}
                    <span title={`SHA-256 ${a.contentHash}`}>
                      <code className="num rounded bg-sunken px-1 font-mono text-xs text-ink">{shortHash(a.contentHash)}</code>
                    </span>
                  </span>
                )}
              </div>
              <p className="px-4 py-3 text-sm leading-relaxed whitespace-pre-wrap text-ink">{a.text}</p>
            </li>
          ))}
        </ol>
      )}
      {adding && (
        <AddendumForm
          noteId={note.id}
          onDone={() => {
            setAdding(false)
            setTimeout(() => addButton.current?.focus(), 0)
          }}
        />
      )}
    </section>
  )
}

function AddendumForm({ noteId, onDone }: { noteId: string; onDone: () => void }) {
  const add = useAddAddendum()
  const [formError, setFormError] = useState<unknown>(null)
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isDirty }
  } = useForm<AddendumValues>({ resolver: zodResolver(addendumForm), defaultValues: { text: '' } })
  const guard = useUnsavedChangesGuard(isDirty)
  const ref = useFormShortcuts<HTMLFormElement>(onDone)
  useEffect(() => setFocus('text'), [setFocus])

  const onSubmit = handleSubmit((values) => {
    setFormError(null)
    add.mutate(
      { noteId, text: values.text },
      {
        onSuccess: () => {
          guard.release()
          toast.success('Addendum signed and added')
          onDone()
        },
        onError: (error) => {
          if (!applyServerErrors(setError, error, '')) setFormError(error)
        }
      }
    )
  })

  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="mt-3 space-y-3 rounded-lg border border-accent-200 bg-surface p-4">
      <FormError error={formError} />
      <TextareaField
        label="Addendum"
        required
        rows={5}
        hint="Saving signs the addendum with your name, credentials and the time. Like the note, it can never be changed afterwards."
        error={errors.text?.message}
        {...register('text')}
      />
      <div className="flex justify-end gap-2">
        <Button onClick={onDone} disabled={add.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={add.isPending}>
          <PenLine aria-hidden="true" />
          Sign and add addendum
        </Button>
      </div>
    </form>
  )
}
