/**
 * Right after the practice opens, asks main the questions the first screens ask (the client
 * list's first page and its date-of-birth sort, a search), so the first real ones find their
 * statements prepared, zod's parsers compiled and the index pages in SQLite's cache: a cold first
 * clients:list took 290–575 ms against 3–30 ms warm. Only reads the audit log does not record; the answers are
 * dropped. Runs on a later tick so it never delays start-up, and not at all once that core closed.
 */
import type { AppCore } from './app'

const WARM_CALLS: ReadonlyArray<readonly [channel: string, input: unknown]> = [
  ['clients:list', {}],
  ['clients:list', { sort: 'dateOfBirth' }],
  ['clients:list', { page: 1 }],
  ['clients:search', { query: 'a', limit: 8 }]
]

/** The channels asked and whether each answered (a refused or failed one is only skipped). */
export async function warmUp(core: AppCore, isCurrent: () => boolean): Promise<Array<{ channel: string; ok: boolean }>> {
  const asked: Array<{ channel: string; ok: boolean }> = []
  for (const [channel, input] of WARM_CALLS) {
    // A call the audit log would record is not a harmless read: never warm one.
    if (!isCurrent() || !core.connection.sqlite.open || core.router.get(channel)?.contract.audit) break
    asked.push({ channel, ok: (await core.call(channel, input)).ok })
  }
  return asked
}

/** Schedules warmUp after the current tick (start-up answers first). */
export const scheduleWarmUp = (core: AppCore, isCurrent: () => boolean) => void setTimeout(() => void warmUp(core, isCurrent), 0)
