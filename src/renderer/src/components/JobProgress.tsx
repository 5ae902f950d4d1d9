import type { JobProgress as Progress } from '@shared/contracts/jobs'
import { Button } from './Button'

/**
 * A job's progress bar with its step in words and a Cancel button, while it runs; the rest of
 * the window stays usable. Renders nothing when no job runs.
 */
export function JobProgress({ label, progress, onCancel }: { label: string; progress: Progress | null; onCancel: () => void }) {
  if (!progress) return null
  const percent = Math.round((100 * progress.done) / Math.max(1, progress.total))
  return (
    <div className="mt-3 flex max-w-xl items-center gap-3" data-testid="job-progress">
      <div className="min-w-0 flex-1">
        <progress
          aria-label={label}
          aria-valuetext={progress.message}
          value={progress.done}
          max={Math.max(1, progress.total)}
          className="block h-2 w-full appearance-none overflow-hidden rounded-full [&::-webkit-progress-bar]:rounded-full [&::-webkit-progress-bar]:bg-sunken [&::-webkit-progress-value]:rounded-full [&::-webkit-progress-value]:bg-accent-600 [&::-webkit-progress-value]:transition-[width]"
        />
        <p className="mt-1 text-[12.5px] text-ink-soft" aria-live="polite">
          {progress.message} · {percent}%
        </p>
      </div>
      <Button size="sm" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  )
}
