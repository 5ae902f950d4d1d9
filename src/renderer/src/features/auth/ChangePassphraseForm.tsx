import { useEffect, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import type { z } from 'zod'
import { toast } from 'sonner'
import { authContracts } from '@shared/contracts/auth'
import { Button, Dialog, FormError } from '@renderer/components'
import { applyServerErrors, useFormShortcuts, useUnsavedChangesGuard } from '@renderer/lib/forms'
import { useCurrentUser } from './access'
import { NewPassphraseFields, PassphraseField } from './PassphraseField'
import { useChangePassphrase } from './queries'

const schema = authContracts.changePassphrase.input
type FormValues = z.input<typeof schema>
type SubmitValues = z.output<typeof schema>
const EMPTY: FormValues = { current: '', secret: { passphrase: '', passphraseConfirm: '' } }

/** The signed-in user's own passphrase: the current one, then the new one twice. */
export function ChangePassphraseForm({
  onDone,
  onCancel,
  guard = false,
  focusFirst = false
}: {
  onDone?: () => void
  onCancel?: () => void
  /** Ask before leaving the page with it half filled (Settings); a dialog's Esc is its own answer. */
  guard?: boolean
  /** Start in the first box (in the dialog). */
  focusFirst?: boolean
}) {
  const user = useCurrentUser()
  const change = useChangePassphrase()
  const [formError, setFormError] = useState<unknown>(null)
  const {
    register,
    handleSubmit,
    setError,
    reset,
    setFocus,
    control,
    formState: { errors, isSubmitting, isDirty }
  } = useForm<FormValues, unknown, SubmitValues>({ resolver: zodResolver(schema), defaultValues: EMPTY, mode: 'onSubmit', reValidateMode: 'onChange' })
  const leave = useUnsavedChangesGuard(guard && isDirty && !isSubmitting)
  const formRef = useFormShortcuts<HTMLFormElement>(onCancel)
  const passphrase = useWatch({ control, name: 'secret.passphrase' })
  useEffect(() => {
    if (focusFirst) setFocus('current')
  }, [focusFirst, setFocus])

  const submit = handleSubmit(async (values) => {
    setFormError(null)
    try {
      await change.mutateAsync(values)
      leave.release()
      reset(EMPTY)
      toast.success('Passphrase changed. Use the new one next time you sign in or unlock.')
      onDone?.()
    } catch (error) {
      if (!applyServerErrors(setError, error, '')) setFormError(error)
    }
  })

  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-label="Change my passphrase" className="max-w-md space-y-4">
      <FormError error={formError} />
      <PassphraseField label="Current passphrase" required {...register('current')} error={errors.current?.message} />
      <NewPassphraseFields
        label="New passphrase"
        confirmLabel="Type the new passphrase again"
        value={passphrase}
        personal={user ? [user.displayName, user.login] : []}
        passphrase={{ ...register('secret.passphrase'), error: errors.secret?.passphrase?.message }}
        confirm={{ ...register('secret.passphraseConfirm'), error: errors.secret?.passphraseConfirm?.message }}
      />
      <div className="flex justify-end gap-2 pt-1">
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
        <Button type="submit" variant="primary" busy={isSubmitting}>
          Change passphrase
        </Button>
      </div>
    </form>
  )
}

/** The same form in a dialog, from the user menu. */
export function ChangePassphraseDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Change your passphrase"
      description="You will use the new passphrase to sign in and to unlock. Other people’s passphrases do not change."
      size="sm"
    >
      {open && <ChangePassphraseForm focusFirst onDone={() => onOpenChange(false)} onCancel={() => onOpenChange(false)} />}
    </Dialog>
  )
}
