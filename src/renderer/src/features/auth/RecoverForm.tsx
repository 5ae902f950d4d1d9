import { useEffect, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import type { z } from 'zod'
import { authContracts } from '@shared/contracts/auth'
import { Button, FormError, TextField } from '@renderer/components'
import { applyServerErrors, useFormShortcuts } from '@renderer/lib/forms'
import { readLastLogin } from './last-login'
import { NewPassphraseFields } from './PassphraseField'
import { useRecover } from './queries'

const schema = authContracts.recover.input
type FormValues = z.input<typeof schema>
type SubmitValues = z.output<typeof schema>

/**
 * The recovery key, a user name and a new passphrase: for a forgotten passphrase (from sign-in)
 * or a lost key file (keyringMissing). Signs in when it works.
 */
export function RecoverForm({ onCancel, submitLabel = 'Set new passphrase and sign in' }: { onCancel?: () => void; submitLabel?: string }) {
  const recover = useRecover()
  const [formError, setFormError] = useState<unknown>(null)
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    control,
    formState: { errors, isSubmitting }
  } = useForm<FormValues, unknown, SubmitValues>({
    resolver: zodResolver(schema),
    defaultValues: { recoveryKey: '', login: readLastLogin(), secret: { passphrase: '', passphraseConfirm: '' } },
    mode: 'onSubmit',
    reValidateMode: 'onChange'
  })
  const formRef = useFormShortcuts<HTMLFormElement>(onCancel)
  const [passphrase, login] = useWatch({ control, name: ['secret.passphrase', 'login'] })
  useEffect(() => setFocus('recoveryKey'), [setFocus])

  const submit = handleSubmit(async (values) => {
    setFormError(null)
    try {
      await recover.mutateAsync(values)
    } catch (error) {
      if (!applyServerErrors(setError, error, '')) setFormError(error)
    }
  })

  return (
    <form ref={formRef} noValidate onSubmit={submit} aria-label="Reset the passphrase with the recovery key" className="space-y-4">
      <FormError error={formError} />
      <TextField
        label="Recovery key"
        required
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="ABCD-EFGH-…"
        inputClassName="font-mono tracking-wider uppercase placeholder:normal-case"
        hint="32 letters and digits in groups of four. Dashes and spaces are optional."
        {...register('recoveryKey')}
        error={errors.recoveryKey?.message}
      />
      <TextField
        label="User name"
        required
        autoComplete="username"
        autoCapitalize="off"
        spellCheck={false}
        {...register('login')}
        error={errors.login?.message}
      />
      <NewPassphraseFields
        label="New passphrase"
        confirmLabel="Type the new passphrase again"
        value={passphrase}
        personal={[login]}
        passphrase={{ ...register('secret.passphrase'), error: errors.secret?.passphrase?.message }}
        confirm={{ ...register('secret.passphraseConfirm'), error: errors.secret?.passphraseConfirm?.message }}
      />
      <div className="flex items-center justify-end gap-2 border-t border-line pt-4">
        {onCancel && <Button onClick={onCancel}>Back to sign in</Button>}
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  )
}
