import { useEffect, useState } from 'react'
import { isApiError } from '@renderer/lib/errors'

/**
 * After too many wrong passphrases main refuses attempts for a while: auth:status says how many
 * seconds, as of when it answered (`since`, ms). Counts that down once a second; 0 = try now.
 */
export function useCooldown(seconds: number, since: number): number {
  const until = since + seconds * 1000
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (until <= Date.now()) return
    const timer = setInterval(() => {
      const t = Date.now()
      setNow(t)
      if (t >= until) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
  }, [until])
  return cooldownRemaining(until, Math.max(now, since))
}

/** Whole seconds left until `until` (ms), never negative. */
export const cooldownRemaining = (until: number, now: number) => Math.max(0, Math.ceil((until - now) / 1000))

/**
 * Seconds to wait, read from a refused attempt ("Too many attempts. Try again in 8 seconds."):
 * before sign-in, auth:status cannot say (it knows no user yet), so the answer itself is used.
 */
export function retryAfterFrom(error: unknown): number {
  if (!isApiError(error, 'conflict')) return 0
  const match = /(\d+)\s*second/i.exec(error.message)
  return match ? Number(match[1]) : 0
}
