/**
 * Autosave for a draft note, as a plain object with no React in it (tested with fake timers).
 *
 * - `change(body)` after every edit: the save starts `delayMs` after typing stops.
 * - `flush()` on blur, route change, window close and before signing: saves now; resolves true
 *   once everything typed is stored.
 * - One save at a time, each carrying the revision the last one returned; edits made while a
 *   save is on its way are saved after it, with the new revision.
 * - A body that does not pass `isValid` is not sent (the form shows why); a failed save retries
 *   after `retryMs` or at the next edit; a fatal answer (a conflict, a signed note) stops autosave
 *   until the note is reloaded.
 */

export type AutosaveStatus =
  /** Nothing changed since the note was opened. */
  | { kind: 'idle' }
  /** Edits waiting for typing to stop. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** A field holds something that cannot be stored; fixing it saves. */
  | { kind: 'invalid' }
  /** The save failed; it is retried shortly and at the next edit. */
  | { kind: 'failed'; error: unknown }
  /** The stored note moved on (another window, or it was signed): reload before editing again. */
  | { kind: 'stopped'; error: unknown }

export interface AutosaverOptions<B> {
  /** The revision the editor loaded. */
  revision: number
  /** The body as loaded: typing it back does not count as a change. */
  initial: B
  /** Stores the body; resolves with the note's new revision, or throws. */
  save: (body: B, revision: number) => Promise<number>
  onStatus: (status: AutosaveStatus) => void
  /** False for a body that main would refuse (checked with the same schema). */
  isValid?: (body: B) => boolean
  /** True for errors that another try cannot fix (conflict, signed, gone). */
  isFatal?: (error: unknown) => boolean
  /** True when main refused the body itself (field errors): not retried until the next edit. */
  isRefused?: (error: unknown) => boolean
  /** How two bodies are compared; JSON by default. */
  fingerprint?: (body: B) => string
  delayMs?: number
  retryMs?: number
  now?: () => Date
}

export interface Autosaver<B> {
  change: (body: B) => void
  /** Saves what is waiting now. Resolves true when nothing is left unsaved. */
  flush: () => Promise<boolean>
  /** The latest revision main returned. */
  revision: () => number
  /** Edits not yet confirmed stored (waiting, on their way, refused or failed). */
  hasUnsaved: () => boolean
  status: () => AutosaveStatus
  /** Stops the timers (the page is going away). Does not save: call flush() first. */
  dispose: () => void
}

export const AUTOSAVE_DELAY_MS = 800
export const AUTOSAVE_RETRY_MS = 5_000

export function createAutosaver<B>(options: AutosaverOptions<B>): Autosaver<B> {
  const {
    save,
    onStatus,
    isValid = () => true,
    isFatal = () => false,
    isRefused = () => false,
    fingerprint = (b: B) => JSON.stringify(b),
    delayMs = AUTOSAVE_DELAY_MS,
    retryMs = AUTOSAVE_RETRY_MS,
    now = () => new Date()
  } = options

  let revision = options.revision
  /** The fingerprint of what main holds now. */
  let storedPrint = fingerprint(options.initial)
  /** The newest body not yet stored; undefined when main has everything. */
  let latest: B | undefined
  let latestPrint = storedPrint
  let timer: ReturnType<typeof setTimeout> | undefined
  let draining: Promise<boolean> | null = null
  let wantSave = false
  let stopped = false
  let disposed = false
  let current: AutosaveStatus = { kind: 'idle' }
  let savedAt: Date | null = null

  const setStatus = (next: AutosaveStatus) => {
    current = next
    if (!disposed) onStatus(next)
  }
  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }
  const arm = (ms: number) => {
    clearTimer()
    if (!disposed) timer = setTimeout(() => void drain(), ms)
  }
  const restingStatus = (): AutosaveStatus => (savedAt ? { kind: 'saved', at: savedAt } : { kind: 'idle' })

  async function loop(): Promise<boolean> {
    while (wantSave && latest !== undefined && !stopped) {
      wantSave = false
      const body = latest
      const print = latestPrint
      if (!isValid(body)) {
        setStatus({ kind: 'invalid' })
        return false
      }
      setStatus({ kind: 'saving' })
      try {
        revision = await save(body, revision)
      } catch (error) {
        if (isFatal(error)) {
          stopped = true
          clearTimer()
          setStatus({ kind: 'stopped', error })
        } else if (isRefused(error)) {
          setStatus({ kind: 'invalid' })
        } else {
          setStatus({ kind: 'failed', error })
          arm(retryMs)
        }
        return false
      }
      storedPrint = print
      savedAt = now()
      // Nothing newer arrived while it was on its way: all stored.
      if (latestPrint === print) latest = undefined
    }
    if (stopped) return false
    if (latest === undefined) {
      setStatus(restingStatus())
      return true
    }
    if (!isValid(latest)) {
      setStatus({ kind: 'invalid' })
      return false
    }
    // Newer edits arrived during the save and their timer is running.
    setStatus({ kind: 'pending' })
    return false
  }

  function drain(): Promise<boolean> {
    clearTimer()
    wantSave = true
    if (!draining) {
      draining = loop().finally(() => {
        draining = null
      })
    }
    return draining
  }

  return {
    change(body) {
      if (stopped || disposed) {
        latest = body
        return
      }
      const print = fingerprint(body)
      if (print === latestPrint && latest !== undefined) return
      latestPrint = print
      if (print === storedPrint && !draining) {
        // Typed back to what is stored: nothing to save.
        latest = undefined
        clearTimer()
        setStatus(restingStatus())
        return
      }
      latest = body
      if (!isValid(body)) {
        clearTimer()
        if (!draining) setStatus({ kind: 'invalid' })
        return
      }
      if (!draining) setStatus({ kind: 'pending' })
      arm(delayMs)
    },
    flush() {
      if (stopped) return Promise.resolve(false)
      if (latest === undefined) return draining ?? Promise.resolve(true)
      return drain()
    },
    revision: () => revision,
    hasUnsaved: () => latest !== undefined || draining !== null,
    status: () => current,
    dispose() {
      disposed = true
      clearTimer()
    }
  }
}

/** The words beside the editor's title for each status. */
export function describeAutosave(status: AutosaveStatus, formatTime: (d: Date) => string): string {
  switch (status.kind) {
    case 'idle':
      return 'All changes saved'
    case 'pending':
      return 'Editing…'
    case 'saving':
      return 'Saving…'
    case 'saved':
      return `Saved ${formatTime(status.at)}`
    case 'invalid':
      return 'Not saved — fix the highlighted field'
    case 'failed':
      return 'Not saved — retrying'
    case 'stopped':
      return 'Not saved — reload the note'
  }
}
