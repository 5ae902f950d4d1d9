import { cn } from '@renderer/lib/cn'

/** A small ring spinner; decorative — the surrounding control carries the "busy" state. */
export function Spinner({ className }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        'inline-block size-4 shrink-0 rounded-full border-2 border-current border-r-transparent [animation:kap-spin_0.7s_linear_infinite]',
        className
      )}
    />
  )
}
