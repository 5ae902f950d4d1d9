import { Leaf, LogOut } from 'lucide-react'
import { Button, FormError } from '@renderer/components'
import { useCurrentUser, can } from '@renderer/features/auth/access'
import { useSignOut } from '@renderer/features/auth/queries'
import { PracticeProfileForm } from './PracticeProfileForm'

/** First run: a calm welcome and the practice profile, before anything else. */
export function PracticeSetupScreen() {
  const user = useCurrentUser()
  if (user && !can(user.role, 'editPracticeProfile')) return <WaitingForOwner />
  return (
    <main className="h-full overflow-y-auto">
      <div className="mx-auto max-w-4xl px-8 pt-14 pb-10">
        <div className="mb-8">
          <div aria-hidden="true" className="mb-4 flex size-10 items-center justify-center rounded-full bg-accent-50 text-accent-700">
            <Leaf className="size-5" />
          </div>
          <h1 className="text-2xl font-semibold tracking-tight text-ink">Set up your practice</h1>
          <p className="mt-2 max-w-2xl text-[15px] leading-relaxed text-ink-soft">
            Welcome to KAP Practice. Your records stay on this computer. Start with the details that appear on superbills and Good
            Faith Estimates — it takes about two minutes, and you can change any of it later in Settings.
          </p>
        </div>
        <div className="rounded-lg border border-line bg-surface px-6 py-6 shadow-xs">
          <PracticeProfileForm
            practice={null}
            defaults={user ? { providerName: user.displayName, providerCredentials: user.credentials ?? '' } : undefined}
          />
        </div>
      </div>
    </main>
  )
}

/** Signed in as a clinician or administrator before the owner finished the profile. */
function WaitingForOwner() {
  const signOut = useSignOut()
  return (
    <main className="flex h-full items-center justify-center overflow-y-auto px-8">
      <div className="max-w-md text-center">
        <div aria-hidden="true" className="mx-auto mb-4 flex size-10 items-center justify-center rounded-full bg-accent-50 text-accent-700">
          <Leaf className="size-5" />
        </div>
        <h1 className="text-xl font-semibold tracking-tight text-ink">The practice is not set up yet</h1>
        <p className="mt-2 text-[15px] leading-relaxed text-ink-soft">
          The practice owner needs to sign in and fill in the practice profile first. Then everyone can start working.
        </p>
        <FormError error={signOut.error} className="mt-4 text-left" />
        <Button className="mt-5" busy={signOut.isPending} onClick={() => signOut.mutate()}>
          <LogOut aria-hidden="true" />
          Sign out
        </Button>
      </div>
    </main>
  )
}
