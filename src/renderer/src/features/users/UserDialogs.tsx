import { useCallback, useEffect, useId, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { z } from 'zod'
import { toast } from 'sonner'
import { passphrase, role, type User, userInput, userProfileInput } from '@shared/contracts/users'
import type { Role } from '@shared/domain/roles'
import { Button, ConfirmDialog, Dialog, FormError, RequiredLegend, SelectField, TextField } from '@renderer/components'
import { applyServerErrors } from '@renderer/lib/forms'
import { NewPassphraseFields } from '@renderer/features/auth/PassphraseField'
import { useCreateUser, useDeactivateUser, useResetPassphrase, useUpdateUser } from './queries'
import { ROLE_DESCRIPTIONS, ROLE_OPTIONS } from './roles'

const matching = (v: { passphrase: string; passphraseConfirm: string }) => v.passphrase === v.passphraseConfirm
const mismatch = { path: ['passphraseConfirm'], error: 'The two passphrases do not match' }

const addSchema = z
  .strictObject({ user: userInput, passphrase: passphrase('First passphrase'), passphraseConfirm: z.string() })
  .refine(matching, mismatch)
type AddValues = z.input<typeof addSchema>
type AddOutput = z.output<typeof addSchema>

const editSchema = z.strictObject({ user: userProfileInput.extend({ role }) })
type EditValues = z.input<typeof editSchema>
type EditOutput = z.output<typeof editSchema>

const resetSchema = z.strictObject({ passphrase: passphrase('New passphrase'), passphraseConfirm: z.string() }).refine(matching, mismatch)
type ResetValues = z.input<typeof resetSchema>
type ResetOutput = z.output<typeof resetSchema>

/**
 * Runs `run` once the dialog's content is mounted (it renders in a portal, a render after the
 * dialog itself): focus lands in the first field instead of on the close button.
 */
function OnMount({ run }: { run: () => void }) {
  useEffect(() => run(), [run])
  return null
}

/** Dialog footers sit outside the form: their submit button names the form by id. */
function Footer({ formId, busy, label, onCancel }: { formId: string; busy: boolean; label: string; onCancel: () => void }) {
  return (
    <>
      <Button onClick={onCancel}>Cancel</Button>
      <Button type="submit" form={formId} variant="primary" busy={busy}>
        {label}
      </Button>
    </>
  )
}

/** Settings → Users → Add user: who they are, their role, and a first passphrase to hand them. */
export function AddUserDialog({ onClose }: { onClose: () => void }) {
  const formId = useId()
  const create = useCreateUser()
  const [formError, setFormError] = useState<unknown>(null)
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    control,
    formState: { errors, isSubmitting }
  } = useForm<AddValues, unknown, AddOutput>({
    resolver: zodResolver(addSchema),
    defaultValues: { user: { displayName: '', credentials: '', login: '', role: 'clinician' }, passphrase: '', passphraseConfirm: '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange'
  })
  const [first, chosenRole, displayName, login] = useWatch({ control, name: ['passphrase', 'user.role', 'user.displayName', 'user.login'] })
  const focusFirst = useCallback(() => setFocus('user.displayName'), [setFocus])

  const submit = handleSubmit(async (values) => {
    setFormError(null)
    try {
      const created = await create.mutateAsync({ user: values.user, passphrase: values.passphrase })
      toast.success(`${created.displayName} can now sign in as “${created.login}”.`)
      onClose()
    } catch (error) {
      if (!applyServerErrors(setError, error, '')) setFormError(error)
    }
  })

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="Add a user"
      description="Someone who works in the practice and signs in on this computer."
      footer={<Footer formId={formId} busy={isSubmitting} label="Add user" onCancel={onClose} />}
    >
      <form id={formId} noValidate onSubmit={submit} aria-label="Add a user" className="space-y-4">
        <OnMount run={focusFirst} />
        <RequiredLegend />
        <FormError error={formError} />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label="Name" required autoComplete="off" className="sm:col-span-2" {...register('user.displayName')} error={errors.user?.displayName?.message} />
          <TextField label="Credentials" placeholder="LCSW, MD…" autoComplete="off" {...register('user.credentials')} error={errors.user?.credentials?.message} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="User name"
            required
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            hint="What they type to sign in."
            {...register('user.login')}
            error={errors.user?.login?.message}
          />
          <SelectField label="Role" required options={ROLE_OPTIONS} {...register('user.role')} error={errors.user?.role?.message} />
        </div>
        <p className="-mt-1 rounded-md bg-sunken px-3 py-2 text-[13px] leading-snug text-ink-soft" data-testid="role-description">
          {ROLE_DESCRIPTIONS[chosenRole as Role] ?? ''}
        </p>
        <div className="space-y-4 border-t border-line pt-4">
          <NewPassphraseFields
            label="First passphrase"
            confirmLabel="Type the first passphrase again"
            value={first}
            personal={[displayName, login]}
            hint="Give it to them in person. They should change it from their menu (Change passphrase) after they first sign in."
            passphrase={{ ...register('passphrase'), error: errors.passphrase?.message }}
            confirm={{ ...register('passphraseConfirm'), error: errors.passphraseConfirm?.message }}
          />
        </div>
      </form>
    </Dialog>
  )
}

/** Name, credentials and role. The user name stays: it is how they sign in and how the audit log knows them. */
export function EditUserDialog({ user, isSelf, onClose }: { user: User; isSelf: boolean; onClose: () => void }) {
  const formId = useId()
  const update = useUpdateUser()
  const [formError, setFormError] = useState<unknown>(null)
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    control,
    formState: { errors, isSubmitting }
  } = useForm<EditValues, unknown, EditOutput>({
    resolver: zodResolver(editSchema),
    defaultValues: { user: { displayName: user.displayName, credentials: user.credentials ?? '', role: user.role } },
    mode: 'onSubmit',
    reValidateMode: 'onChange'
  })
  const chosenRole = useWatch({ control, name: 'user.role' })
  const focusFirst = useCallback(() => setFocus('user.displayName'), [setFocus])

  const submit = handleSubmit(async (values) => {
    setFormError(null)
    try {
      await update.mutateAsync({ id: user.id, user: values.user })
      toast.success('User saved')
      onClose()
    } catch (error) {
      if (!applyServerErrors(setError, error, '')) setFormError(error)
    }
  })

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Edit ${user.displayName}`}
      description={
        <>
          Signs in as <span className="font-mono text-[13px]">{user.login}</span>.
        </>
      }
      footer={<Footer formId={formId} busy={isSubmitting} label="Save user" onCancel={onClose} />}
    >
      <form id={formId} noValidate onSubmit={submit} aria-label={`Edit ${user.displayName}`} className="space-y-4">
        <OnMount run={focusFirst} />
        <FormError error={formError} />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label="Name" required className="sm:col-span-2" {...register('user.displayName')} error={errors.user?.displayName?.message} />
          <TextField label="Credentials" {...register('user.credentials')} error={errors.user?.credentials?.message} />
        </div>
        <SelectField
          label="Role"
          required
          options={ROLE_OPTIONS}
          hint={isSelf ? 'The practice always needs an active owner: make someone else an owner before giving up the role.' : undefined}
          {...register('user.role')}
          error={errors.user?.role?.message}
        />
        <p className="-mt-1 rounded-md bg-sunken px-3 py-2 text-[13px] leading-snug text-ink-soft">{ROLE_DESCRIPTIONS[chosenRole as Role] ?? ''}</p>
      </form>
    </Dialog>
  )
}

/** A new passphrase for someone who forgot theirs; they change it after signing in. */
export function ResetPassphraseDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const formId = useId()
  const reset = useResetPassphrase()
  const [formError, setFormError] = useState<unknown>(null)
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    control,
    formState: { errors, isSubmitting }
  } = useForm<ResetValues, unknown, ResetOutput>({
    resolver: zodResolver(resetSchema),
    defaultValues: { passphrase: '', passphraseConfirm: '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange'
  })
  const value = useWatch({ control, name: 'passphrase' })
  const focusFirst = useCallback(() => setFocus('passphrase'), [setFocus])

  const submit = handleSubmit(async (values) => {
    setFormError(null)
    try {
      await reset.mutateAsync({ id: user.id, passphrase: values.passphrase })
      toast.success(`New passphrase set for ${user.displayName}.`)
      onClose()
    } catch (error) {
      if (!applyServerErrors(setError, error, '')) setFormError(error)
    }
  })

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`New passphrase for ${user.displayName}`}
      description="Their old passphrase stops working at once. Give them the new one in person; they should change it from their menu after signing in."
      footer={<Footer formId={formId} busy={isSubmitting} label="Set new passphrase" onCancel={onClose} />}
    >
      <form id={formId} noValidate onSubmit={submit} aria-label={`New passphrase for ${user.displayName}`} className="space-y-4">
        <OnMount run={focusFirst} />
        <FormError error={formError} />
        <NewPassphraseFields
          label="New passphrase"
          confirmLabel="Type the new passphrase again"
          value={value}
          personal={[user.displayName, user.login]}
          passphrase={{ ...register('passphrase'), error: errors.passphrase?.message }}
          confirm={{ ...register('passphraseConfirm'), error: errors.passphraseConfirm?.message }}
        />
      </form>
    </Dialog>
  )
}

/** Deactivating keeps everything they wrote and signed; they just cannot sign in any more. */
export function DeactivateUserDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const deactivate = useDeactivateUser()
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Deactivate ${user.displayName}?`}
      body={
        <>
          <p>They will no longer be able to sign in or unlock KAP Practice.</p>
          <p className="mt-2">
            Nothing they did is removed: their signatures, notes and history stay in the records under their name, and the audit log keeps
            every entry.
          </p>
          <FormError error={deactivate.error} className="mt-3" />
        </>
      }
      confirmLabel="Deactivate"
      tone="danger"
      busy={deactivate.isPending}
      onConfirm={() =>
        deactivate.mutate(
          { id: user.id },
          {
            onSuccess: () => {
              toast.success(`${user.displayName} was deactivated.`)
              onClose()
            }
          }
        )
      }
    />
  )
}
