import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inspectDatabase } from '../../../src/main/backup/inspect'
import { openDatabase } from '../../../src/main/db/connection'
import { truncateFile, writeDatabaseWithBrokenIndex, writeGarbage } from '../../fixtures/damage'
import { addClients, filesIn, openPractice, practicePaths, tempDir, testKey } from './helpers'

async function closedPractice(): Promise<string> {
  const { databasePath } = practicePaths()
  const app = await openPractice(databasePath)
  await addClients(app, 'Alder', 'Birch')
  app.close()
  return databasePath
}

describe('inspectDatabase', () => {
  it('says missing, and creates nothing', () => {
    const path = join(tempDir(), 'practice.db')
    expect(inspectDatabase(path)).toEqual({ state: 'missing' })
    expect(existsSync(path)).toBe(false)
  })

  it('says ok for a practice database, closed or in use by the app', async () => {
    const path = await closedPractice()
    expect(inspectDatabase(path)).toEqual({ state: 'ok' })
    expect(inspectDatabase(path, { check: 'integrity' })).toEqual({ state: 'ok' })
    const app = await openPractice(path)
    await addClients(app, 'Cedar')
    expect(inspectDatabase(path)).toEqual({ state: 'ok' })
    await addClients(app, 'Dogwood') // and the app is not disturbed
  })

  it('says not_a_database for garbage, a directory, or a file too short for a header', () => {
    const dir = tempDir()
    writeGarbage(join(dir, 'garbage.db'))
    expect(inspectDatabase(join(dir, 'garbage.db'))).toEqual({ state: 'not_a_database', detail: 'bad_header' })
    writeFileSync(join(dir, 'short.db'), 'SQLite')
    expect(inspectDatabase(join(dir, 'short.db'))).toEqual({ state: 'not_a_database', detail: 'bad_header' })
    mkdirSync(join(dir, 'folder.db'))
    expect(inspectDatabase(join(dir, 'folder.db'))).toEqual({ state: 'not_a_database', detail: 'not_a_file' })
  })

  it('says corrupt for a truncated database, at any length that keeps the header', async () => {
    const path = await closedPractice()
    const whole = readFileSync(path)
    for (const fraction of [0.9, 0.5, 0.1]) {
      writeFileSync(path, whole)
      truncateFile(path, fraction)
      expect(inspectDatabase(path), `truncated to ${fraction}`).toMatchObject({ state: 'corrupt' })
    }
    writeFileSync(path, whole.subarray(0, 100)) // the header alone
    expect(inspectDatabase(path)).toMatchObject({ state: 'corrupt' })
  })

  it('says corrupt for an empty file, which SQLite would otherwise open as an empty practice', () => {
    const path = join(tempDir(), 'practice.db')
    writeFileSync(path, '')
    expect(inspectDatabase(path)).toEqual({ state: 'corrupt', detail: 'empty_file' })
  })

  it('says corrupt when the database file is gone but its WAL is not', () => {
    const path = join(tempDir(), 'practice.db')
    writeFileSync(`${path}-wal`, Buffer.alloc(4096, 1))
    expect(inspectDatabase(path)).toEqual({ state: 'corrupt', detail: 'wal_without_database' })
  })

  it('finds index damage with the full check that the quick check does not look for', () => {
    const path = join(tempDir(), 'broken-index.db')
    writeDatabaseWithBrokenIndex(path)
    expect(inspectDatabase(path)).toEqual({ state: 'ok' })
    expect(inspectDatabase(path, { check: 'integrity' })).toEqual({ state: 'corrupt', detail: 'check_failed' })
  })

  it('says locked while another connection holds the database exclusively', async () => {
    const path = await closedPractice()
    const holder = new Database(path)
    try {
      holder.pragma('locking_mode = EXCLUSIVE')
      holder.exec("BEGIN EXCLUSIVE; UPDATE clients SET notes = 'x'; COMMIT")
      expect(inspectDatabase(path, { timeoutMs: 0 })).toEqual({ state: 'locked', detail: 'SQLITE_BUSY' })
    } finally {
      holder.close()
    }
    expect(inspectDatabase(path)).toEqual({ state: 'ok' })
  })

  it('needs the key for an encrypted database: without it (or with a wrong one) it is not a database', () => {
    const dir = tempDir()
    const path = join(dir, 'practice.db')
    const encrypted = openDatabase(path, testKey(1))
    encrypted.sqlite.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)')
    encrypted.close()
    expect(inspectDatabase(path)).toEqual({ state: 'not_a_database', detail: 'bad_header' })
    expect(inspectDatabase(path, { key: testKey(2) })).toEqual({ state: 'not_a_database', detail: 'SQLITE_NOTADB' })
    expect(inspectDatabase(path, { key: testKey(1), check: 'integrity' })).toEqual({ state: 'ok' })
    expect(filesIn(dir)).toEqual(['practice.db'])
  })

  it('never throws, whatever the file holds', () => {
    const dir = tempDir()
    const header = Buffer.from('SQLite format 3\0', 'latin1')
    let n = 0
    fc.assert(
      fc.property(fc.boolean(), fc.uint8Array({ maxLength: 9000 }), (withHeader, body) => {
        const path = join(dir, `f${n++}.db`)
        writeFileSync(path, withHeader ? Buffer.concat([header, body]) : body)
        const result = inspectDatabase(path)
        expect(['ok', 'corrupt', 'not_a_database']).toContain(result.state)
      }),
      { numRuns: 60 }
    )
  })
})
