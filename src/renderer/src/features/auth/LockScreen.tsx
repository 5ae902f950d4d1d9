import { useCallback, useState } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import * as RadixDialog from '@radix-ui/react-dialog'
import type { z } from 'zod'
import { Lock, LogOut, TriangleAlert } from 'lucide-react'
import { authContracts } from '@shared/contracts/auth'
import type { User } from '@shared/contracts/users'
import { ROLE_LABELS } from '@shared/domain/roles'
import { Button, FormError } from '@renderer/components'
import { applyServerErrors, unsavedChanges } from '@renderer/lib/forms'
import { CooldownNotice } from './CooldownNotice'
import { retryAfterFrom, useCooldown } from './cooldown'
import { PassphraseField } from './PassphraseField'
import { authQueries, savePendingEdits, useSignOut, useUnlock } from './queries'
import { UserAvatar } from './UserAvatar'

const schema = authContracts.unlock.input
type FormValues = z.input<typeof schema>

/**
 * Marks every other child of <body> inert while the lock screen is up — the app root and any
 * dialog or popover it had open (those live in portals outside the root) — and undoes exactly
 * that when it goes. A ref callback with cleanup (React 19): it runs once the portal is mounted.
 */
function useInertOthers() {
  return useCallback((node: HTMLElement | null) => {
    if (!node) return
    const marked = [...document.body.children].filter((el) => !el.contains(node) && !el.hasAttribute('inert'))
    for (const el of marked) el.setAttribute('inert', '')
    return () => {
      for (const el of marked) el.removeAttribute('inert')
    }
  }, [])
}

/**
 * The lock screen: opaque, over the whole window, while the app stays mounted (inert, invisible)
 * behind it — so unlocking returns to the same page with every draft as it was. Nothing from
 * the records shows here: only who is signed in.
 */
export function LockScreen({ user }: { user: User }) {
  const inertOthers = useInertOthers()
  return (
    <RadixDialog.Root open modal>
      <RadixDialog.Portal>
        <RadixDialog.Content
          ref={inertOthers}
          data-testid="lock-screen"
          onEscapeKeyDown={(e) => e.preventDefault()}
          onPointerDownOutside={(e) => e.preventDefault()}
          onInteractOutside={(e) => e.preventDefault()}
          // Focus goes back to where it was by the session (see Session), not to <body>.
          onCloseAutoFocus={(e) => e.preventDefault()}
          // Keys typed here stay here: the app's own shortcuts (Ctrl/Cmd+K …) must not act behind the lock.
          onKeyDown={(e) => e.stopPropagation()}
          className="fixed inset-0 z-[100] overflow-y-auto bg-canvas focus:outline-none [animation:kap-fade-in_120ms_ease-out]"
        >
          <div className="mx-auto flex min-h-full max-w-sm flex-col justify-center px-6 py-12">
            <div className="mb-6 flex flex-col items-center text-center">
              <div aria-hidden="true" className="mb-4 flex size-11 items-center justify-center rounded-full bg-accent-50 text-accent-700">
                <Lock className="size-5" />
              </div>
              <RadixDialog.Title className="text-xl font-semibold tracking-tight text-ink">KAP Practice is locked</RadixDialog.Title>
              <RadixDialog.Description className="mt-1.5 text-sm leading-relaxed text-ink-soft">
                Enter your passphrase to pick up where you left off.
              </RadixDialog.Description>
            </div>
            <div className="rounded-lg border border-line bg-surface px-6 py-5 shadow-xs">
              <div className="mb-4 flex items-center gap-3">
                <UserAvatar name={user.displayName} />
                <div className="min-w-0">
                  <div className="truncate text-sm font-medium text-ink">
                    {user.displayName}
                    {user.credentials && <span className="font-normal text-ink-soft">, {user.credentials}</span>}
                  </div>
                  <div className="text-xs text-ink-soft">{ROLE_LABELS[user.role]}</div>
                </div>
              </div>
              <UnlockForm />
            </div>
            <SignOutInstead name={user.displayName} />
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}

function UnlockForm() {
  const unlock = useUnlock()
  const status = useQuery(authQueries.status())
  const [formError, setFormError] = useState<unknown>(null)
  // Main says how long to wait in the refusal itself, and (once someone is signed in) in auth:status.
  const fromStatus = useCooldown(status.data?.retryAfterSeconds ?? 0, status.dataUpdatedAt)
  const fromRefusal = useCooldown(retryAfterFrom(formError), unlock.submittedAt)
  const remaining = Math.max(fromStatus, fromRefusal)
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    setFocus,
    formState: { errors, isSubmitting }
  } = useForm<FormValues>({ resolver: zodResolver(schema), defaultValues: { passphrase: '' }, mode: 'onSubmit', reValidateMode: 'onChange' })

  const submit = handleSubmit(async (values) => {
    setFormError(null)
    try {
      await unlock.mutateAsync(values)
    } catch (error) {
      resetField('passphrase')
      if (!applyServerErrors(setError, error, '')) {
        setFormError(error)
        setFocus('passphrase')
      }
    }
  })

  const waiting = remaining > 0
  return (
    <form noValidate onSubmit={submit} aria-label="Unlock" className="space-y-4">
      {/* A "too many attempts" refusal is the countdown below, not a banner that goes stale. */}
      {retryAfterFrom(formError) === 0 && <FormError error={formError} />}
      {waiting && <CooldownNotice seconds={remaining} />}
      <PassphraseField label="Passphrase" {...register('passphrase')} error={errors.passphrase?.message} />
      <Button type="submit" variant="primary" busy={isSubmitting} disabled={waiting} className="w-full">
        Unlock
      </Button>
    </form>
  )
}

/** "Not you? Sign out" — and when a form behind holds unsaved edits, a plain warning first. */
function SignOutInstead({ name }: { name: string }) {
  const signOut = useSignOut()
  const [confirming, setConfirming] = useState(false)

  if (confirming) {
    return (
      <div role="alert" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        <p className="flex gap-2 font-medium">
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          Unsaved changes will be lost
        </p>
        <p className="mt-1 pl-6 text-amber-900/90">A form behind this screen has changes that were not saved. Signing out discards them.</p>
        <FormError error={signOut.error} className="mt-2" />
        <div className="mt-3 flex justify-end gap-2">
          <Button size="sm" onClick={() => setConfirming(false)} disabled={signOut.isPending}>
            Keep them
          </Button>
          <Button size="sm" variant="danger" busy={signOut.isPending} onClick={() => signOut.mutate()}>
            Sign out and discard
          </Button>
        </div>
      </div>
    )
  }

  return (
    <div className="mt-4 text-center text-sm text-ink-soft">
      <p>
        Not {name}?{' '}
        <Button
          variant="ghost"
          size="sm"
          busy={signOut.isPending}
          onClick={() => void savePendingEdits().then(() => (unsavedChanges.any() ? setConfirming(true) : signOut.mutate()))}
          className="align-baseline"
        >
          <LogOut aria-hidden="true" />
          Sign out
        </Button>
      </p>
      <p className="mt-1 text-xs text-ink-faint">Signing out discards anything not yet saved.</p>
      <FormError error={signOut.error} className="mt-2 text-left" />
    </div>
  )
}
