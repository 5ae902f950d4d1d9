import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useQuery } from '@tanstack/react-query'
import { useLocation, useNavigate } from 'react-router'
import type { z } from 'zod'
import { KeyRound, LogIn } from 'lucide-react'
import { authContracts } from '@shared/contracts/auth'
import { Button, FormError, TextField } from '@renderer/components'
import { applyServerErrors } from '@renderer/lib/forms'
import { AuthLayout, LinkButton } from './AuthLayout'
import { CooldownNotice } from './CooldownNotice'
import { retryAfterFrom, useCooldown } from './cooldown'
import { readLastLogin } from './last-login'
import { PassphraseField } from './PassphraseField'
import { authQueries, useSignIn } from './queries'
import { RecoverForm } from './RecoverForm'

const schema = authContracts.signIn.input
type FormValues = z.input<typeof schema>
type SubmitValues = z.output<typeof schema>

/** Signed out: user name (remembered) and passphrase — or, when forgotten, the recovery key. */
export function SignInScreen() {
  const [mode, setMode] = useState<'signIn' | 'recover'>('signIn')
  const navigate = useNavigate()
  const location = useLocation()

  // Whoever signs in next starts on the dashboard, not on the last person's page.
  useEffect(() => {
    if (location.pathname !== '/') void navigate('/', { replace: true })
  }, [location.pathname, navigate])

  if (mode === 'recover') {
    return (
      <AuthLayout
        title="Reset your passphrase"
        icon={<KeyRound />}
        intro={
          <>
            <p>
              Use the recovery key shown when the practice was set up to choose a new passphrase. If you are not the practice owner, ask the owner to
              reset your passphrase in Settings → Users instead.
            </p>
          </>
        }
      >
        <RecoverForm onCancel={() => setMode('signIn')} />
      </AuthLayout>
    )
  }

  return (
    <AuthLayout title="Sign in" intro={<p>Your practice’s records are encrypted on this computer.</p>} width="sm">
      <SignInForm onForgot={() => setMode('recover')} />
    </AuthLayout>
  )
}

function SignInForm({ onForgot }: { onForgot: () => void }) {
  const signIn = useSignIn()
  const status = useQuery(authQueries.status())
  const [formError, setFormError] = useState<unknown>(null)
  // Main says how long to wait in the refusal itself, and (once someone is signed in) in auth:status.
  const fromStatus = useCooldown(status.data?.retryAfterSeconds ?? 0, status.dataUpdatedAt)
  const fromRefusal = useCooldown(retryAfterFrom(formError), signIn.submittedAt)
  const remaining = Math.max(fromStatus, fromRefusal)
  const [lastLogin] = useState(readLastLogin)
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    setFocus,
    formState: { errors, isSubmitting }
  } = useForm<FormValues, unknown, SubmitValues>({
    resolver: zodResolver(schema),
    defaultValues: { login: lastLogin, passphrase: '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange'
  })
  // The remembered user name is filled in: start in the passphrase box.
  useEffect(() => setFocus(lastLogin ? 'passphrase' : 'login'), [lastLogin, setFocus])

  const submit = handleSubmit(async (values) => {
    setFormError(null)
    try {
      await signIn.mutateAsync(values)
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
    <form noValidate onSubmit={submit} aria-label="Sign in" className="space-y-4">
      {/* A "too many attempts" refusal is the countdown below, not a banner that goes stale. */}
      {retryAfterFrom(formError) === 0 && <FormError error={formError} />}
      {waiting && <CooldownNotice seconds={remaining} />}
      <TextField
        label="User name"
        autoComplete="username"
        autoCapitalize="off"
        spellCheck={false}
        {...register('login')}
        error={errors.login?.message}
      />
      <PassphraseField label="Passphrase" {...register('passphrase')} error={errors.passphrase?.message} />
      <Button type="submit" variant="primary" busy={isSubmitting} disabled={waiting} className="w-full">
        <LogIn aria-hidden="true" />
        Sign in
      </Button>
      <p className="text-center">
        <LinkButton onClick={onForgot}>Forgot your passphrase?</LinkButton>
      </p>
    </form>
  )
}
