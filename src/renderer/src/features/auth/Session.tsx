import { useCallback, useEffect, useRef, type ReactNode } from 'react'
import { toast } from 'sonner'
import type { AuthStatus } from '@shared/contracts/auth'
import { isLockShortcut, useIdleLock } from './idle'
import { LockScreen } from './LockScreen'
import { reportActivity, useLock } from './queries'

/**
 * The signed-in app and its lock. Locked, the app stays mounted — inert and invisible — under an
 * opaque lock screen, so unlocking returns to the same page with every draft intact, and focus
 * goes back to the field it left. Locks after the idle time from auth:status, and on Ctrl/Cmd+L.
 */
export function Session({ status, children }: { status: AuthStatus; children: ReactNode }) {
  const locked = status.state === 'locked'
  const { mutate: lockMutate } = useLock()
  const lockNow = useCallback(() => lockMutate(), [lockMutate])

  useIdleLock({ minutes: status.idleLockMinutes, enabled: !locked, onIdle: lockNow, onActive: reportActivity })

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isLockShortcut(event)) return
      event.preventDefault()
      if (!locked) lockNow()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [locked, lockNow])

  // The last thing focused in the app (portaled dialogs included: React events follow the React
  // tree). Unlocking puts focus back there — on the field that was being typed in.
  const lastFocus = useRef<HTMLElement | null>(null)
  useEffect(() => {
    if (locked) {
      // A toast could name what was just done; it goes with the screen.
      toast.dismiss()
      return
    }
    const target = lastFocus.current
    if (!target) return
    const timer = setTimeout(() => {
      if (target.isConnected && !target.closest('[inert]')) target.focus({ preventScroll: true })
    }, 0)
    return () => clearTimeout(timer)
  }, [locked])

  return (
    <>
      <div
        className={locked ? 'invisible h-full' : 'h-full'}
        inert={locked}
        data-testid="app-root"
        onFocus={(e) => {
          if (e.target instanceof HTMLElement) lastFocus.current = e.target
        }}
      >
        {children}
      </div>
      {locked && status.user && <LockScreen user={status.user} />}
    </>
  )
}
