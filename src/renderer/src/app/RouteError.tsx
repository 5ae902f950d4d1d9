import { Link, useRouteError } from 'react-router'
import { ErrorState } from '@renderer/components'

/** Last resort for errors the router itself catches: plain words, and a way back. */
export function RouteError() {
  const error = useRouteError()
  return (
    <div className="flex h-full items-center justify-center">
      <div>
        <ErrorState error={error} title="This page could not be shown" />
        <p className="-mt-6 text-center">
          <Link to="/" className="text-sm font-medium text-accent-700 underline-offset-2 hover:underline">
            Go to the dashboard
          </Link>
        </p>
      </div>
    </div>
  )
}
