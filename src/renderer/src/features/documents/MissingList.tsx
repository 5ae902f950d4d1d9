/**
 * A document refused as incomplete: main sends one field message per missing item (`missing.0`,
 * …), each saying where it is fixed ("Date of birth — client’s profile"); that place becomes a link.
 */
import { Link } from 'react-router'
import { SUPERBILL_FIX_PLACES } from '@shared/domain/superbill'
import { ApiError } from '@renderer/lib/api'

export const missingItems = (error: unknown): string[] =>
  error instanceof ApiError ? Object.entries(error.fields).filter(([k]) => k.startsWith('missing.')).map(([, v]) => v) : []

function whereFixed(item: string, clientId: string): { what: string; where: string; to: string | null } {
  const [what, where = ''] = item.split(' — ')
  const links: Record<string, string> = {
    [SUPERBILL_FIX_PLACES.profile]: `/clients/${clientId}/edit`,
    [SUPERBILL_FIX_PLACES.practice]: '/settings/practice',
    [SUPERBILL_FIX_PLACES.providers]: '/settings/fees'
  }
  return { what: what!, where, to: links[where] ?? null }
}

export function MissingList({ error, clientId, testId }: { error: unknown; clientId: string; testId: string }) {
  const missing = missingItems(error)
  if (missing.length === 0) return null
  return (
    <div className="mt-2 text-[13px]" data-testid={testId} role="alert">
      <p className="font-medium text-ink">{error instanceof Error ? error.message : ''}</p>
      <ul className="mt-1 list-disc pl-5 text-ink-soft">
        {missing.map((m) => {
          const { what, where, to } = whereFixed(m, clientId)
          return (
            <li key={m}>
              {what}
              {where && ' — '}
              {to ? (
                <Link to={to} className="text-accent-700 underline hover:text-accent-800">
                  {where}
                </Link>
              ) : (
                where
              )}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
