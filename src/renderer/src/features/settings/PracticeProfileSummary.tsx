import type { Practice } from '@shared/contracts/practice'
import { PLACES_OF_SERVICE } from '@shared/domain/codes'

/** The practice profile, read-only: for everyone but the owner (who edits it in the form). */
export function PracticeProfileSummary({ practice }: { practice: Practice }) {
  const address = [practice.addressLine1, practice.addressLine2, `${practice.city}, ${practice.state} ${practice.postalCode}`].filter(Boolean)
  const rows: [string, React.ReactNode][] = [
    ['Practice name', practice.practiceName],
    ['Provider', `${practice.providerName}, ${practice.providerCredentials}`],
    ['Individual NPI', <span key="npi" className="num">{practice.individualNpi}</span>],
    ['Organization NPI', practice.organizationNpi ? <span key="org" className="num">{practice.organizationNpi}</span> : '—'],
    ['Tax ID (EIN)', <span key="ein" className="num">{practice.ein}</span>],
    ['License', `${practice.licenseNumber} (${practice.licenseState})`],
    ['Office', address.map((line) => <span key={line} className="block">{line}</span>)],
    ['Phone', <span key="phone" className="num">{practice.phone}</span>],
    ['Default place of service', `${practice.defaultPlaceOfService} — ${PLACES_OF_SERVICE[practice.defaultPlaceOfService] ?? ''}`]
  ]
  return (
    <>
      <dl className="grid gap-x-8 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
        {rows.map(([term, detail]) => (
          <div key={term} className="contents">
            <dt className="text-ink-soft">{term}</dt>
            <dd className="text-ink">{detail}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 border-t border-line pt-3 text-[13px] text-ink-faint">Only the practice owner can change these details.</p>
    </>
  )
}
