import { useSyncExternalStore } from 'react'
import { useBlocker } from 'react-router'
import { ConfirmDialog } from '@renderer/components'
import { unsavedChanges } from '@renderer/lib/forms'

/**
 * The app's single navigation blocker: while any form registered with useUnsavedChangesGuard
 * holds edits, leaving the page asks first. The blocker only exists while something is dirty.
 */
export function UnsavedChangesPrompt() {
  const dirty = useSyncExternalStore(unsavedChanges.subscribe, unsavedChanges.any)
  return dirty ? <ActiveBlocker /> : null
}

function ActiveBlocker() {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsavedChanges.any() &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search)
  )
  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      onOpenChange={(next) => {
        if (!next && blocker.state === 'blocked') blocker.reset()
      }}
      title="Leave without saving?"
      body="You have changes on this page that have not been saved. If you leave now, they will be lost."
      confirmLabel="Leave without saving"
      cancelLabel="Keep editing"
      tone="danger"
      onConfirm={() => {
        if (blocker.state === 'blocked') blocker.proceed()
      }}
    />
  )
}
