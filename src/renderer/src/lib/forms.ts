import { useCallback, useEffect, useRef } from 'react'
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form'
import { ApiError } from './api'

/**
 * Puts main's field errors beside the fields they belong to. Main reports dotted paths of the
 * IPC input ("client.legalLastName"); the form knows "legalLastName", so `prefix` is stripped.
 * Returns true when at least one field error was set (then no banner is needed).
 */
export function applyServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, error: unknown, prefix: string): boolean {
  if (!(error instanceof ApiError)) return false
  let applied = false
  let first = true
  for (const [key, message] of Object.entries(error.fields)) {
    if (prefix && !key.startsWith(prefix)) continue
    const name = key.slice(prefix.length)
    if (!name) continue
    setError(name as Path<T>, { type: 'server', message }, { shouldFocus: first })
    first = false
    applied = true
  }
  return applied
}

// ---------------------------------------------------------------------------------------------
// Unsaved changes. Every form that may hold edits registers here; ONE router blocker (mounted by
// the app shell, see <UnsavedChangesPrompt/>) asks before leaving while any of them is dirty.
// A single blocker avoids react-router's "only one blocker at a time" limit when a page shows
// several editable forms.

type Listener = () => void
const dirtySources = new Set<symbol>()
const listeners = new Set<Listener>()
const notify = () => listeners.forEach((l) => l())

export const unsavedChanges = {
  any: () => dirtySources.size > 0,
  clear: () => {
    dirtySources.clear()
    notify()
  },
  subscribe: (listener: Listener) => {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  }
}

// Saves waiting on a timer (a draft's autosave). Locking and signing out send them first, so
// what was typed a moment before Ctrl+L is stored before the app locks.
const pendingFlushes = new Set<() => Promise<boolean>>()

export const pendingSaves = {
  /** A form that saves on its own registers how to save now; the returned function unregisters it. */
  register: (flush: () => Promise<boolean>) => {
    pendingFlushes.add(flush)
    return () => void pendingFlushes.delete(flush)
  },
  /** Saves everything waiting; true when every one of them is stored. */
  flush: async (): Promise<boolean> => (await Promise.all([...pendingFlushes].map((f) => f().catch(() => false)))).every(Boolean)
}

function onBeforeUnload(event: BeforeUnloadEvent) {
  if (dirtySources.size === 0) return
  event.preventDefault()
  event.returnValue = ''
}
let beforeUnloadAttached = false
function syncBeforeUnload() {
  const want = dirtySources.size > 0
  if (want && !beforeUnloadAttached) window.addEventListener('beforeunload', onBeforeUnload)
  if (!want && beforeUnloadAttached) window.removeEventListener('beforeunload', onBeforeUnload)
  beforeUnloadAttached = want
}

export interface UnsavedChangesGuard {
  /**
   * Call right before navigating away after a successful save (the form may still report dirty
   * for a render): the next navigation goes through without asking.
   */
  release: () => void
}

/**
 * Asks "Leave without saving?" when the user navigates away (link, Back, Esc-cancel) or closes the
 * window while `isDirty`. Pass react-hook-form's `formState.isDirty`.
 */
export function useUnsavedChangesGuard(isDirty: boolean): UnsavedChangesGuard {
  const id = useRef<symbol>(undefined)
  id.current ??= Symbol('form')

  useEffect(() => {
    const key = id.current as symbol
    if (isDirty) dirtySources.add(key)
    else dirtySources.delete(key)
    syncBeforeUnload()
    notify()
    return () => {
      dirtySources.delete(key)
      syncBeforeUnload()
      notify()
    }
  }, [isDirty])

  const release = useCallback(() => {
    dirtySources.delete(id.current as symbol)
    syncBeforeUnload()
    notify()
  }, [])

  return { release }
}

/**
 * Keyboard for forms: Esc cancels, Ctrl/Cmd+Enter submits from anywhere in the form (plain Enter
 * already submits from a one-line field). Keys from dialogs opened by the form are ignored.
 * `const ref = useFormShortcuts<HTMLFormElement>(onCancel)` then `<form ref={ref}>`.
 */
export function useFormShortcuts<T extends HTMLFormElement>(onCancel?: () => void) {
  const ref = useRef<T>(null)
  const cancel = useRef(onCancel)
  useEffect(() => {
    cancel.current = onCancel
  })
  useEffect(() => {
    const form = ref.current
    if (!form) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !form.contains(event.target as Node)) return
      if (event.key === 'Escape' && cancel.current) {
        event.preventDefault()
        cancel.current()
      } else if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
        event.preventDefault()
        form.requestSubmit()
      }
    }
    form.addEventListener('keydown', onKeyDown)
    return () => form.removeEventListener('keydown', onKeyDown)
  }, [])
  return ref
}

/** Turns a record's nulls into '' so every field starts as a controlled string. */
export function nullsToEmpty<T extends Record<string, unknown>>(values: T): { [K in keyof T]: Exclude<T[K], null> | '' } {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(values)) out[k] = v === null ? '' : v
  return out as { [K in keyof T]: Exclude<T[K], null> | '' }
}
