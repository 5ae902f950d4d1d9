import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { toast } from 'sonner'
import { IDLE_LOCK_CHOICES } from '@shared/contracts/settings'
import { Button, FormError, LoadingRows, SelectField } from '@renderer/components'
import { formatTimestamp } from '@renderer/lib/format'
import { useCan } from '@renderer/features/auth/access'
import { ChangePassphraseForm } from '@renderer/features/auth/ChangePassphraseForm'
import { settingsQueries, useSaveSettings } from './queries'

export const minutesLabel = (m: number) => (m % 60 === 0 ? `${m / 60} hour${m === 60 ? '' : 's'}` : `${m} minute${m === 1 ? '' : 's'}`)

function Block({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-3 border-t border-line py-5 first:border-t-0 first:pt-0 last:pb-0 sm:grid-cols-[16rem_1fr] sm:gap-6">
      <div>
        <h3 className="text-sm font-semibold text-ink">{title}</h3>
        <p className="mt-1 text-[13px] leading-relaxed text-ink-soft">{description}</p>
      </div>
      <div className="min-w-0">{children}</div>
    </div>
  )
}

/** The owner chooses how long the app waits before it locks itself; everyone else reads it. */
function IdleLock() {
  const settings = useQuery(settingsQueries.practice())
  const editable = useCan('editPracticeSettings')
  const save = useSaveSettings()
  const [choice, setChoice] = useState<string | null>(null)

  if (settings.isPending) return <LoadingRows as="div" rows={1} />
  if (settings.isError) return <FormError error={settings.error} />
  const current = settings.data.idleLockMinutes
  if (!editable) {
    return (
      <p className="text-sm text-ink" data-testid="idle-lock-readonly">
        KAP Practice locks after <strong className="font-medium">{minutesLabel(current)}</strong> without use. The practice owner sets this.
      </p>
    )
  }

  const value = choice ?? String(current)
  const minutes = [...new Set<number>([...IDLE_LOCK_CHOICES, current])].sort((a, b) => a - b)
  const options = minutes.map((m) => ({ value: String(m), label: minutesLabel(m) }))
  return (
    <form
      noValidate
      aria-label="Idle lock"
      onSubmit={(e) => {
        e.preventDefault()
        save.mutate(
          { idleLockMinutes: Number(value) },
          {
            onSuccess: (saved) => {
              setChoice(null)
              toast.success(`KAP Practice now locks after ${minutesLabel(saved.idleLockMinutes)} without use.`)
            }
          }
        )
      }}
      className="flex flex-wrap items-end gap-3"
    >
      <SelectField
        label="Lock after"
        options={options}
        value={value}
        onChange={(e) => setChoice(e.target.value)}
        className="w-44"
      />
      <Button type="submit" variant="primary" busy={save.isPending} disabled={value === String(current)}>
        Save
      </Button>
      {settings.data.updatedAt && <p className="pb-1.5 text-xs text-ink-faint">Last changed {formatTimestamp(settings.data.updatedAt)}</p>}
      <FormError error={save.error} className="basis-full" />
    </form>
  )
}

/**
 * Settings → Security: for the owner, the idle lock and their own passphrase; for everyone else
 * ("Passphrase and lock"), their own passphrase and the idle lock as the owner set it.
 */
export function SecuritySection() {
  const owner = useCan('editPracticeSettings')
  return (
    <section aria-labelledby="security-heading" className="mt-6 rounded-lg border border-line bg-surface px-6 py-5">
      <div className="mb-5 border-b border-line pb-4">
        <h2 id="security-heading" className="text-base font-semibold text-ink">
          {owner ? 'Security' : 'Passphrase and lock'}
        </h2>
        <p className="mt-0.5 text-sm text-ink-soft">
          {owner ? 'When the app locks itself, and your own passphrase.' : 'Your own passphrase, and when the app locks itself.'}
        </p>
      </div>
      <div>
        <Block
          title="Idle lock"
          description="After this long without a key press or a mouse movement, KAP Practice covers the screen and asks for the passphrase. Ctrl+L (⌘L on a Mac) locks at once."
        >
          <IdleLock />
        </Block>
        <Block title="Change my passphrase" description="Your current passphrase, then the new one twice. Other people’s passphrases do not change.">
          <ChangePassphraseForm guard />
        </Block>
      </div>
    </section>
  )
}
