import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ClientChart } from '@shared/contracts/clients'
import { openApp } from '../../src/main/app'
import { silentLogger } from '../../src/main/log'
import { MIGRATIONS_FOLDER, openTestApp } from '../factories/app'
import { createClient } from '../factories/clients'

describe('openApp', () => {
  it('a file database keeps what was saved for the next start', async () => {
    const first = await openTestApp({ file: true })
    try {
      const client = await createClient(first, { legalLastName: 'Persisted' })
      expect(first.connection.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(first.connection.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)

      const second = await openApp({ databasePath: first.databasePath, migrationsFolder: MIGRATIONS_FOLDER, logger: silentLogger, validateOutput: true })
      try {
        const result = await second.call('clients:get', { id: client.id })
        expect(result.ok && (result.value as ClientChart).client.legalLastName).toBe('Persisted')
      } finally {
        second.close()
      }
    } finally {
      first.close()
    }
    expect(existsSync(first.databasePath)).toBe(false)
  })

  it('refuses to start without migrations, and says where it looked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kap-app-'))
    try {
      await expect(openApp({ databasePath: join(dir, 'practice.db'), migrationsFolder: join(dir, 'missing'), logger: silentLogger })).rejects.toThrow(
        /No migrations found/
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
