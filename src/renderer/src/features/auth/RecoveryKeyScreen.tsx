import { useId, useRef, useState } from 'react'
import { Check, Copy, KeyRound, Printer } from 'lucide-react'
import { Button, FieldMessage } from '@renderer/components'
import { AuthLayout } from './AuthLayout'
import { formatRecoveryKey, recoveryKeyGroups } from './recovery-key'

/** Copies text: the Clipboard API where allowed, else a selected, off-screen text box. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const box = document.createElement('textarea')
    box.value = text
    box.setAttribute('readonly', '')
    box.className = 'fixed -left-[9999px] top-0'
    document.body.append(box)
    box.select()
    // oxlint-disable-next-line typescript/no-deprecated -- the fallback when the Clipboard API is refused
    const ok = document.execCommand('copy')
    box.remove()
    return ok
  }
}

/**
 * Shown once, right after the owner account is made: the recovery key, large and grouped, with
 * Copy and Print, and a box to tick before going on. KAP Practice keeps no readable copy.
 */
export function RecoveryKeyScreen({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const groups = recoveryKeyGroups(recoveryKey)
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  const [stored, setStored] = useState(false)
  const [missing, setMissing] = useState(false)
  const checkboxRef = useRef<HTMLInputElement>(null)
  const checkboxId = useId()
  const errorId = `${checkboxId}-error`

  const copy = async () => setCopied((await copyText(formatRecoveryKey(recoveryKey))) ? 'yes' : 'failed')

  return (
    <AuthLayout
      title="Your recovery key"
      icon={<KeyRound />}
      width="lg"
      intro={
        <>
          <p>
            If the passphrase is forgotten, or the key file on this computer is lost, this key is the only way back into the practice’s records.{' '}
            <strong className="font-medium text-ink">It is shown this once</strong> — KAP Practice keeps no readable copy.
          </p>
        </>
      }
    >
      <form
        noValidate
        aria-label="Recovery key"
        onSubmit={(e) => {
          e.preventDefault()
          if (!stored) {
            setMissing(true)
            checkboxRef.current?.focus()
            return
          }
          onDone()
        }}
      >
        <figure className="rounded-md border border-line-strong bg-sunken px-5 py-5 print:border-0 print:bg-transparent">
          <figcaption className="mb-3 text-xs font-medium tracking-wide text-ink-soft uppercase">Recovery key</figcaption>
          <p
            data-testid="recovery-key"
            className="grid grid-cols-4 gap-x-4 gap-y-2 font-mono text-xl font-semibold tracking-[0.12em] text-ink select-all sm:text-2xl"
          >
            {groups.map((group, index) => (
              // oxlint-disable-next-line react/no-array-index-key -- the groups are positions in one fixed key
              <span key={index} className="whitespace-nowrap">
                {group}
              </span>
            ))}
          </p>
        </figure>

        <div className="mt-3 flex flex-wrap items-center gap-2 print:hidden">
          <Button onClick={() => void copy()}>
            {copied === 'yes' ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
            {copied === 'yes' ? 'Copied' : 'Copy'}
          </Button>
          <Button onClick={() => window.print()}>
            <Printer aria-hidden="true" />
            Print
          </Button>
          <output className="text-[13px] text-ink-soft">
            {copied === 'yes' && 'Copied. Paste it into a password manager, then copy something else over it.'}
            {copied === 'failed' && 'Copying is not available here — write the key down instead.'}
          </output>
        </div>

        <ul className="mt-5 list-disc space-y-1 pl-5 text-sm leading-relaxed text-ink-soft print:hidden">
          <li>Write it down or print it, and keep it away from this computer — a locked drawer, a safe, or a password manager.</li>
          <li>Anyone who has this key and this computer can open the records. Treat it like the key to your filing cabinet.</li>
        </ul>

        <div className="mt-6 border-t border-line pt-4 print:hidden">
          <div className="flex items-start gap-2.5">
            <input
              ref={checkboxRef}
              id={checkboxId}
              type="checkbox"
              checked={stored}
              onChange={(e) => {
                setStored(e.target.checked)
                if (e.target.checked) setMissing(false)
              }}
              aria-invalid={missing || undefined}
              aria-describedby={missing ? errorId : undefined}
              className="mt-0.5 size-4 shrink-0 accent-accent-600"
            />
            <label htmlFor={checkboxId} className="text-sm font-medium text-ink">
              I have stored the recovery key somewhere safe, away from this computer
            </label>
          </div>
          <div className="pl-6.5">
            <FieldMessage id={errorId} error={missing ? 'Store the key first, then tick this box.' : undefined} />
          </div>
          <div className="mt-4 flex justify-end">
            <Button type="submit" variant="primary">
              Continue
            </Button>
          </div>
        </div>
      </form>
    </AuthLayout>
  )
}
