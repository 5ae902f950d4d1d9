import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { listBackups, runAutomaticBackup } from '../../../src/main/backup'
import { openTestApp } from '../../factories/app'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('runAutomaticBackup', () => {
  it('makes one daily backup a day, and a quit backup every time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kap-sched-'))
    dirs.push(dir)
    const app = await openTestApp({ databasePath: join(dir, 'practice.db') })
    const backups = join(dir, 'backups')
    const morning = new Date(2026, 2, 8, 9, 0, 0)
    const evening = new Date(2026, 2, 8, 18, 0, 0)
    const nextDay = new Date(2026, 2, 9, 9, 0, 0)

    expect(await runAutomaticBackup(app.connection.sqlite, backups, 'daily', morning)).not.toBeNull()
    expect(await runAutomaticBackup(app.connection.sqlite, backups, 'daily', evening)).toBeNull()
    expect(await runAutomaticBackup(app.connection.sqlite, backups, 'quit', evening)).not.toBeNull()
    expect(await runAutomaticBackup(app.connection.sqlite, backups, 'daily', nextDay)).not.toBeNull()

    // Retention keeps the newest backup of each day: the evening quit backup supersedes the morning one.
    const kept = (await listBackups(backups)).map((b) => `${b.reason}@${b.createdAt.getDate()}`)
    expect(kept).toEqual(['daily@9', 'quit@8'])
    app.close()
  })
})
