import { Link } from 'react-router'
import { ChevronRight, ScrollText } from 'lucide-react'

/** Settings' way into the audit log: a quiet card that links to /settings/audit. */
export function AuditLogLink() {
  return (
    <Link
      to="/settings/audit"
      className="mt-6 flex items-center gap-3 rounded-lg border border-line bg-surface px-6 py-4 transition-colors hover:border-line-strong hover:bg-sunken/40"
    >
      <span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-full bg-accent-50 text-accent-700">
        <ScrollText className="size-4.5" />
      </span>
      <span className="min-w-0 flex-1">
        <span className="block text-base font-semibold text-ink">Audit log</span>
        <span className="block text-sm text-ink-soft">Who opened or changed which record, and when — and a check that nothing in it was altered.</span>
      </span>
      <ChevronRight aria-hidden="true" className="size-4 shrink-0 text-ink-faint" />
    </Link>
  )
}
