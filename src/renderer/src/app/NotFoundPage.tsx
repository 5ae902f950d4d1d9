import { Link } from 'react-router'
import { EmptyState, buttonClasses } from '@renderer/components'

export function NotFoundPage() {
  return (
    <EmptyState
      title="There is nothing here"
      body="This address does not match any page in KAP Practice."
      action={
        <Link to="/" className={buttonClasses('primary')}>
          Go to the dashboard
        </Link>
      }
    />
  )
}
