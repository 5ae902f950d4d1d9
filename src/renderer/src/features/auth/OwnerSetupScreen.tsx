import { useEffect, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import type { z } from 'zod'
import { ShieldCheck } from 'lucide-react'
import { authContracts } from '@shared/contracts/auth'
import { Button, FormError, RequiredLegend, TextField } from '@renderer/components'
import { applyServerErrors, useFormShortcuts } from '@renderer/lib/forms'
import { AuthLayout } from './AuthLayout'
import { NewPassphraseFields } from './PassphraseField'
import { useSetupOwner } from './queries'

const schema = authContracts.setup.input
type FormValues = z.input<typeof schema>
type SubmitValues = z.output<typeof schema>
export type SetupResult = z.output<typeof authContracts.setup.output>

const EMPTY: FormValues = {
  owner: { displayName: '', credentials: '', login: '' },
  secret: { passphrase: '', passphraseConfirm: '' }
}

/**
 * First run: the owner's account. The passphrase also unlocks the practice's encrypted records,
 * so the next screen is the recovery key — shown once.
 */
export function OwnerSetupScreen({ onCreated }: { onCreated: (result: SetupResult) => void }) {
  const setup = useSetupOwner()
  const [formError, setFormError] = useState<unknown>(null)
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    control,
    formState: { errors, isSubmitting }
  } = useForm<FormValues, unknown, SubmitValues>({ resolver: zodResolver(schema), defaultValues: EMPTY, mode: 'onSubmit', reValidateMode: 'onChange' })
  const formRef = useFormShortcuts<HTMLFormElement>()
  const [passphrase, displayName, login] = useWatch({ control, name: ['secret.passphrase', 'owner.displayName', 'owner.login'] })
  useEffect(() => setFocus('owner.displayName'), [setFocus])

  const submit = handleSubmit(async (values) => {
    setFormError(null)
    try {
      onCreated(await setup.mutateAsync(values))
    } catch (error) {
      if (!applyServerErrors(setError, error, '')) setFormError(error)
    }
  })

  return (
    <AuthLayout
      title="Create the owner account"
      icon={<ShieldCheck />}
      intro={
        <p>
          Welcome to KAP Practice. The owner runs the practice: adds the people who work with you and looks after backups and the audit log. Your
          passphrase unlocks the practice’s records, which are kept encrypted on this computer.
        </p>
      }
    >
      <form ref={formRef} noValidate onSubmit={submit} aria-label="Create the owner account" className="space-y-4">
        <RequiredLegend />
        <FormError error={formError} />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label="Your name"
            required
            autoComplete="name"
            className="sm:col-span-2"
            {...register('owner.displayName')}
            error={errors.owner?.displayName?.message}
          />
          <TextField label="Credentials" placeholder="LMFT" {...register('owner.credentials')} error={errors.owner?.credentials?.message} />
        </div>
        <TextField
          label="User name"
          required
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          hint="What you type to sign in, like “dana” or “d.whitfield”. Letters, digits, dots or dashes — no spaces."
          {...register('owner.login')}
          error={errors.owner?.login?.message}
        />
        <NewPassphraseFields
          value={passphrase}
          personal={[displayName, login]}
          passphrase={{ ...register('secret.passphrase'), error: errors.secret?.passphrase?.message }}
          confirm={{ ...register('secret.passphraseConfirm'), error: errors.secret?.passphraseConfirm?.message }}
        />
        <div className="flex justify-end border-t border-line pt-4">
          <Button type="submit" variant="primary" busy={isSubmitting}>
            Create owner account
          </Button>
        </div>
      </form>
    </AuthLayout>
  )
}
