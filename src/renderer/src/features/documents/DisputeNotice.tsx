/**
 * The $400 rule, said where billing is done: a client billed at least $400 more than their Good
 * Faith Estimate may start patient–provider dispute resolution within 120 days of the bill. One
 * client's on their Billing tab; every client's on the Billing page (with names and links).
 */
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { TriangleAlert } from 'lucide-react'
import { usDate } from '@shared/domain/dates'
import { formatCents } from '@shared/domain/money'
import { documentsQueries } from './queries'

export function DisputeNotice({ clientId }: { clientId?: string }) {
  const query = useQuery(documentsQueries.disputes(clientId))
  const rows = query.data ?? []
  if (rows.length === 0) return null
  return (
    <section aria-label="Billed over a Good Faith Estimate" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-[13px] text-ink" data-testid="gfe-disputes">
      <p className="flex items-center gap-2 font-semibold">
        <TriangleAlert aria-hidden="true" className="size-4 text-amber-700" />
        Billed $400 or more over a Good Faith Estimate
      </p>
      <ul className="mt-1 space-y-0.5">
        {rows.map((r) => (
          <li key={r.documentId}>
            {!clientId && (
              <>
                <Link to={`/clients/${r.clientId}/billing`} className="font-medium text-accent-700 underline hover:text-accent-800">
                  {r.clientName}
                </Link>
                {': '}
              </>
            )}
            {clientId ? 'Billed' : 'billed'} <span className="num">{formatCents(r.billedCents)}</span> against <span className="num">{r.number}</span>’s{' '}
            <span className="num">{formatCents(r.estimateCents)}</span> (<span className="num">{formatCents(r.overByCents)}</span> over). The client may start
            dispute resolution until <span className="num font-medium">{usDate(r.windowEndsOn)}</span>, 120 days after the bill of{' '}
            <span className="num">{usDate(r.billedOn)}</span>.
          </li>
        ))}
      </ul>
    </section>
  )
}
