import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAutosaver, describeAutosave, type AutosaveStatus } from '@renderer/features/notes/autosave'

interface Body {
  text: string
}

/** A save that the test resolves or rejects by hand, recording every call. */
function manualSave() {
  const calls: { body: Body; revision: number; resolve: (rev: number) => void; reject: (e: unknown) => void }[] = []
  const save = vi.fn<(body: Body, revision: number) => Promise<number>>(
    (body, revision) =>
      new Promise<number>((resolve, reject) => {
        calls.push({ body, revision, resolve, reject })
      })
  )
  return { save, calls }
}

function setup(options: Partial<Parameters<typeof createAutosaver<Body>>[0]> = {}) {
  const { save, calls } = manualSave()
  const statuses: AutosaveStatus['kind'][] = []
  const saver = createAutosaver<Body>({
    revision: 3,
    initial: { text: '' },
    save,
    onStatus: (s) => statuses.push(s.kind),
    now: () => new Date('2026-03-08T22:32:00Z'),
    ...options
  })
  return { saver, save, calls, statuses }
}

/** Lets resolved promises run their continuations. */
const settle = () => vi.advanceTimersByTimeAsync(0)

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('createAutosaver', () => {
  it('saves once, 800 ms after typing stops, with the loaded revision', async () => {
    const { saver, save, calls, statuses } = setup()
    saver.change({ text: 'I' })
    await vi.advanceTimersByTimeAsync(500)
    saver.change({ text: 'In' })
    await vi.advanceTimersByTimeAsync(500)
    saver.change({ text: 'Int' })
    await vi.advanceTimersByTimeAsync(799)
    expect(save).not.toHaveBeenCalled()
    expect(saver.status().kind).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    expect(save).toHaveBeenCalledTimes(1)
    expect(calls[0]).toMatchObject({ body: { text: 'Int' }, revision: 3 })
    expect(saver.status().kind).toBe('saving')
    calls[0]!.resolve(4)
    await settle()
    expect(saver.status()).toEqual({ kind: 'saved', at: new Date('2026-03-08T22:32:00Z') })
    expect(saver.revision()).toBe(4)
    expect(saver.hasUnsaved()).toBe(false)
    expect(statuses).toEqual(['pending', 'pending', 'pending', 'saving', 'saved'])
  })

  it('flush() saves at once and resolves true when stored', async () => {
    const { saver, save, calls } = setup()
    saver.change({ text: 'now' })
    const done = saver.flush()
    // The request leaves synchronously: a window closing right after still sends it.
    expect(save).toHaveBeenCalledTimes(1)
    calls[0]!.resolve(4)
    await expect(done).resolves.toBe(true)
    await vi.advanceTimersByTimeAsync(2000)
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('flush() with nothing changed resolves true without saving', async () => {
    const { saver, save } = setup()
    await expect(saver.flush()).resolves.toBe(true)
    expect(save).not.toHaveBeenCalled()
  })

  it('never runs two saves at once: edits during a save go next, with the new revision', async () => {
    const { saver, save, calls } = setup()
    saver.change({ text: 'a' })
    void saver.flush()
    saver.change({ text: 'ab' })
    await vi.advanceTimersByTimeAsync(800)
    expect(save).toHaveBeenCalledTimes(1)
    calls[0]!.resolve(4)
    await settle()
    expect(save).toHaveBeenCalledTimes(2)
    expect(calls[1]).toMatchObject({ body: { text: 'ab' }, revision: 4 })
    calls[1]!.resolve(5)
    await settle()
    expect(saver.revision()).toBe(5)
    expect(saver.status().kind).toBe('saved')
  })

  it('an edit during a save waits for its own debounce after the save', async () => {
    const { saver, save, calls } = setup()
    saver.change({ text: 'a' })
    void saver.flush()
    saver.change({ text: 'ab' })
    calls[0]!.resolve(4)
    await settle()
    expect(save).toHaveBeenCalledTimes(1)
    expect(saver.status().kind).toBe('pending')
    await vi.advanceTimersByTimeAsync(800)
    expect(save).toHaveBeenCalledTimes(2)
  })

  it('typing back to what is stored saves nothing', async () => {
    const { saver, save } = setup({ initial: { text: 'same' } })
    saver.change({ text: 'samex' })
    saver.change({ text: 'same' })
    await vi.advanceTimersByTimeAsync(2000)
    expect(save).not.toHaveBeenCalled()
    expect(saver.hasUnsaved()).toBe(false)
  })

  it('does not send a body that fails validation, and saves once it is fixed', async () => {
    const { saver, save, calls } = setup({ isValid: (b) => !b.text.includes('!') })
    saver.change({ text: 'bad!' })
    expect(saver.status().kind).toBe('invalid')
    await vi.advanceTimersByTimeAsync(2000)
    expect(save).not.toHaveBeenCalled()
    await expect(saver.flush()).resolves.toBe(false)
    expect(saver.hasUnsaved()).toBe(true)
    saver.change({ text: 'good' })
    await vi.advanceTimersByTimeAsync(800)
    expect(calls[0]?.body).toEqual({ text: 'good' })
  })

  it('retries a failed save after retryMs and at the next edit', async () => {
    const { saver, save, calls } = setup({ retryMs: 5000 })
    saver.change({ text: 'x' })
    await vi.advanceTimersByTimeAsync(800)
    calls[0]!.reject(new Error('locked'))
    await settle()
    expect(saver.status().kind).toBe('failed')
    expect(saver.hasUnsaved()).toBe(true)
    await vi.advanceTimersByTimeAsync(4999)
    expect(save).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(save).toHaveBeenCalledTimes(2)
    expect(calls[1]).toMatchObject({ body: { text: 'x' }, revision: 3 })
    calls[1]!.resolve(4)
    await settle()
    expect(saver.status().kind).toBe('saved')
  })

  it('stops on a fatal answer (conflict): no more saves, flush resolves false', async () => {
    const conflict = new Error('conflict')
    const { saver, save, calls } = setup({ isFatal: (e) => e === conflict })
    saver.change({ text: 'mine' })
    await vi.advanceTimersByTimeAsync(800)
    calls[0]!.reject(conflict)
    await settle()
    expect(saver.status()).toEqual({ kind: 'stopped', error: conflict })
    saver.change({ text: 'more' })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(save).toHaveBeenCalledTimes(1)
    await expect(saver.flush()).resolves.toBe(false)
    expect(saver.hasUnsaved()).toBe(true)
  })

  it('a refused body (field errors from main) waits for the next edit instead of retrying', async () => {
    const refused = new Error('invalid_input')
    const { saver, save, calls } = setup({ isRefused: (e) => e === refused })
    saver.change({ text: 'x' })
    await vi.advanceTimersByTimeAsync(800)
    calls[0]!.reject(refused)
    await settle()
    expect(saver.status().kind).toBe('invalid')
    await vi.advanceTimersByTimeAsync(30_000)
    expect(save).toHaveBeenCalledTimes(1)
    saver.change({ text: 'y' })
    await vi.advanceTimersByTimeAsync(800)
    expect(save).toHaveBeenCalledTimes(2)
  })

  it('dispose() stops pending timers without saving', async () => {
    const { saver, save } = setup()
    saver.change({ text: 'x' })
    saver.dispose()
    await vi.advanceTimersByTimeAsync(5000)
    expect(save).not.toHaveBeenCalled()
  })

  it('a flush on the way out still completes after dispose()', async () => {
    const { saver, calls } = setup()
    saver.change({ text: 'closing' })
    const done = saver.flush()
    saver.dispose()
    calls[0]!.resolve(4)
    await expect(done).resolves.toBe(true)
  })
})

const fmt = () => '2:32 PM'

describe('describeAutosave', () => {
  it('says where the draft stands in words', () => {
    expect(describeAutosave({ kind: 'saving' }, fmt)).toBe('Saving…')
    expect(describeAutosave({ kind: 'saved', at: new Date() }, fmt)).toBe('Saved 2:32 PM')
    expect(describeAutosave({ kind: 'failed', error: null }, fmt)).toMatch(/^Not saved/)
    expect(describeAutosave({ kind: 'stopped', error: null }, fmt)).toMatch(/reload/)
  })
})
