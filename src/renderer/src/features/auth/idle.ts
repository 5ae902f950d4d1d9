import { useEffect, useRef } from 'react'

/** Ctrl+L (Cmd+L on a Mac) locks the app. */
export const isLockShortcut = (e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>) =>
  (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l'

/** What counts as someone at the keyboard. Listened to on window, in the capture phase. */
export const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'pointerdown', 'wheel', 'touchstart', 'scroll'] as const

export interface IdleTimer {
  /** Someone did something: the countdown starts again from now. */
  activity(): void
  /** Stops for good (no onIdle after this). */
  stop(): void
}

/**
 * Calls `onIdle` once, after `timeoutMs` without activity. Activity only records the time (cheap
 * enough for every mousemove); the single timer checks the wall clock when it fires and waits
 * for whatever is left, so a computer that slept past the deadline locks as soon as it wakes.
 */
export function createIdleTimer({ timeoutMs, onIdle, now = Date.now }: { timeoutMs: number; onIdle: () => void; now?: () => number }): IdleTimer {
  let last = now()
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined

  const check = () => {
    timer = undefined
    if (stopped) return
    const idleFor = now() - last
    if (idleFor >= timeoutMs) {
      stopped = true
      onIdle()
    } else {
      timer = setTimeout(check, timeoutMs - idleFor)
    }
  }
  timer = setTimeout(check, timeoutMs)

  return {
    activity() {
      if (!stopped) last = now()
    },
    stop() {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
    }
  }
}

/**
 * Calls `send` on activity, at most once per `intervalMs` (the first activity goes at once).
 * Main keeps its own idle clock, fed by the calls it receives: someone typing a long note makes
 * no calls, so the renderer tells main they are still there.
 */
export function createActivityPing({ intervalMs, send, now = Date.now }: { intervalMs: number; send: () => void; now?: () => number }) {
  let last = Number.NEGATIVE_INFINITY
  return {
    activity() {
      const t = now()
      if (t - last < intervalMs) return
      last = t
      send()
    }
  }
}

/** How often activity is reported to main: well inside the idle time, never more than every 15 s. */
export const pingIntervalMs = (minutes: number) => Math.min(15_000, (minutes * 60_000) / 4)

/**
 * While `enabled`: calls `onIdle` after `minutes` without keyboard, mouse, touch or wheel input,
 * and `onActive` (throttled) while there is some, so main's idle clock agrees with the screen.
 */
export function useIdleLock({ minutes, enabled, onIdle, onActive }: { minutes: number; enabled: boolean; onIdle: () => void; onActive?: () => void }) {
  const callback = useRef(onIdle)
  const active = useRef(onActive)
  useEffect(() => {
    callback.current = onIdle
    active.current = onActive
  })
  useEffect(() => {
    if (!enabled) return
    const timer = createIdleTimer({ timeoutMs: minutes * 60_000, onIdle: () => callback.current() })
    const ping = createActivityPing({ intervalMs: pingIntervalMs(minutes), send: () => active.current?.() })
    const onActivity = () => {
      timer.activity()
      ping.activity()
    }
    const options = { capture: true, passive: true } as const
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, options)
    return () => {
      timer.stop()
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, options)
    }
  }, [enabled, minutes])
}
