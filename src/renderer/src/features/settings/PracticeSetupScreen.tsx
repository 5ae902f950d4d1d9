import { Leaf } from 'lucide-react'
import { PracticeProfileForm } from './PracticeProfileForm'

/** First run: a calm welcome and the practice profile, before anything else. */
export function PracticeSetupScreen() {
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
          <PracticeProfileForm practice={null} />
        </div>
      </div>
    </main>
  )
}
