import { Link } from 'react-router'
import { Banknote } from 'lucide-react'
import { EmptyState, PageHeader } from '@renderer/components'

export function BillingPage() {
  return (
    <>
      <PageHeader title="Billing" subtitle="Superbills, invoices, Good Faith Estimates and payments" />
      <div className="rounded-lg border border-line bg-surface">
        <EmptyState
          icon={<Banknote />}
          title="Billing arrives in a coming update"
          body={
            <>
              Superbills, invoices and Good Faith Estimates will be built from your sessions, diagnoses and the practice profile.
              Make sure your <Link className="font-medium text-accent-700 underline-offset-2 hover:underline" to="/settings">practice profile</Link> (NPI, tax ID, licence) is complete so they are ready when it lands.
            </>
          }
        />
      </div>
    </>
  )
}
