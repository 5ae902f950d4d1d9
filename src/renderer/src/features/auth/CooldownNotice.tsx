import { Hourglass } from 'lucide-react'

/**
 * "Too many attempts": a quiet box with the seconds left. The count itself is hidden from screen
 * readers (a number changing every second would be read out every second); they hear the
 * sentence once.
 */
export function CooldownNotice({ seconds }: { seconds: number }) {
  return (
    <output className="flex items-start gap-2.5 rounded-md border border-line-strong bg-sunken px-3 py-2.5 text-sm text-ink">
      <Hourglass aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-ink-soft" />
      <p>
        Too many attempts. <span className="sr-only">Wait a little, then try again.</span>
        <span aria-hidden="true">
          You can try again in <span className="num font-medium">{seconds}</span> second{seconds === 1 ? '' : 's'}.
        </span>
      </p>
    </output>
  )
}
