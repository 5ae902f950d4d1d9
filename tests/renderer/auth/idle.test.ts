import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createIdleTimer, isLockShortcut } from '@renderer/features/auth/idle'

const MINUTE = 60_000

describe('createIdleTimer', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-03-08T09:00:00Z'))
  })
  afterEach(() => vi.useRealTimers())

  it('calls onIdle once the timeout passes without activity', () => {
    const onIdle = vi.fn<() => void>()
    createIdleTimer({ timeoutMs: 5 * MINUTE, onIdle })
    vi.advanceTimersByTime(5 * MINUTE - 1)
    expect(onIdle).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(onIdle).toHaveBeenCalledTimes(1)
    // One-shot: nothing more however long it stays idle.
    vi.advanceTimersByTime(60 * MINUTE)
    expect(onIdle).toHaveBeenCalledTimes(1)
  })

  it('starts the countdown again from the last activity', () => {
    const onIdle = vi.fn<() => void>()
    const timer = createIdleTimer({ timeoutMs: 5 * MINUTE, onIdle })
    vi.advanceTimersByTime(4 * MINUTE)
    timer.activity()
    vi.advanceTimersByTime(4 * MINUTE)
    expect(onIdle).not.toHaveBeenCalled()
    timer.activity()
    vi.advanceTimersByTime(5 * MINUTE - 1)
    expect(onIdle).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(onIdle).toHaveBeenCalledTimes(1)
  })

  it('keeps one timer however many events arrive (activity only records the time)', () => {
    const timer = createIdleTimer({ timeoutMs: MINUTE, onIdle: () => {} })
    for (let i = 0; i < 1000; i++) timer.activity()
    expect(vi.getTimerCount()).toBe(1)
    timer.stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('locks as soon as it wakes when the computer slept past the deadline', () => {
    const onIdle = vi.fn<() => void>()
    let clock = 0
    createIdleTimer({ timeoutMs: 5 * MINUTE, onIdle, now: () => clock })
    // Asleep: the wall clock jumps an hour while the timer had not fired yet.
    clock = 60 * MINUTE
    vi.advanceTimersByTime(5 * MINUTE)
    expect(onIdle).toHaveBeenCalledTimes(1)
  })

  it('waits for the rest when activity came just before the timer fired', () => {
    const onIdle = vi.fn<() => void>()
    let clock = 0
    const timer = createIdleTimer({ timeoutMs: 10 * MINUTE, onIdle, now: () => clock })
    clock = 9 * MINUTE
    timer.activity()
    clock = 10 * MINUTE
    vi.advanceTimersByTime(10 * MINUTE)
    expect(onIdle).not.toHaveBeenCalled()
    clock = 19 * MINUTE
    vi.advanceTimersByTime(9 * MINUTE)
    expect(onIdle).toHaveBeenCalledTimes(1)
  })

  it('never calls onIdle after stop()', () => {
    const onIdle = vi.fn<() => void>()
    const timer = createIdleTimer({ timeoutMs: MINUTE, onIdle })
    timer.stop()
    timer.activity()
    vi.advanceTimersByTime(10 * MINUTE)
    expect(onIdle).not.toHaveBeenCalled()
  })
})

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods
})

describe('isLockShortcut', () => {
  it('is Ctrl+L or Cmd+L, and nothing else', () => {
    expect(isLockShortcut(key('l', { ctrlKey: true }))).toBe(true)
    expect(isLockShortcut(key('L', { metaKey: true }))).toBe(true)
    expect(isLockShortcut(key('l'))).toBe(false)
    expect(isLockShortcut(key('l', { ctrlKey: true, shiftKey: true }))).toBe(false)
    expect(isLockShortcut(key('l', { ctrlKey: true, altKey: true }))).toBe(false)
    expect(isLockShortcut(key('k', { ctrlKey: true }))).toBe(false)
  })
})
