/**
 * What a crash can leave behind mid-write: a staged archive import, a backup's VACUUM INTO temp
 * copy, an export or document written under a temporary name, a restore's staged file. None is ever needed again, and an import's may hold records, so
 * start-up removes them before anything else runs.
 */
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const STALE = [/^\.import-.*\.db(-wal|-shm|-journal)?$/, /^\..*\.tmp$/, /\.partial$/, /\.restoring(-wal|-shm|-journal)?$/]

/** Removes stale temporary files from each folder (missing folders are fine); answers how many. */
export function removeStaleTemporaries(folders: string[]): number {
  let removed = 0
  for (const folder of folders) {
    let names: string[]
    try {
      names = readdirSync(folder)
    } catch {
      continue
    }
    for (const name of names) {
      if (!STALE.some((pattern) => pattern.test(name))) continue
      // recursive: a stopped custodian export leaves a `.partial` folder.
      rmSync(join(folder, name), { force: true, recursive: true })
      removed++
    }
  }
  return removed
}
