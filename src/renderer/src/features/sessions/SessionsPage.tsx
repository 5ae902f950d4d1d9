import { Link } from 'react-router'
import { CalendarDays } from 'lucide-react'
import { EmptyState, PageHeader } from '@renderer/components'

export function SessionsPage() {
  return (
    <>
      <PageHeader title="Sessions" subtitle="Preparation, dosing and integration notes" />
      <div className="rounded-lg border border-line bg-surface">
        <EmptyState
          icon={<CalendarDays />}
          title="Session notes arrive in a coming update"
          body={
            <>
              Here you will write preparation, dosing and integration notes — with the pre-dose checklist, vitals timeline and
              signatures. Until then, keep each client’s chart up to date from the <Link className="font-medium text-accent-700 underline-offset-2 hover:underline" to="/clients">client list</Link>.
            </>
          }
        />
      </div>
    </>
  )
}
