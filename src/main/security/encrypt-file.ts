/**
 * Encrypts a plain SQLite file in place with the data key — how a practice that ran before
 * encryption was switched on (or a plain archive being imported) joins the encrypted ones.
 * SQLite3MultipleCiphers cannot rekey a WAL database, so the WAL is folded in first.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
// oxlint-disable-next-line import/default -- a CommonJS module.exports; its index.d.ts has `export =`
import Database from 'better-sqlite3-multiple-ciphers'
import { DATABASE_CIPHER } from '../db/connection'

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** True when `path` is an unencrypted SQLite file (its first 16 bytes are SQLite's magic). */
export function isPlainSqliteFile(path: string): boolean {
  if (!existsSync(path)) return false
  const fd = openSync(path, 'r')
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length)
    return readSync(fd, header, 0, header.length, 0) === header.length && header.equals(SQLITE_HEADER)
  } finally {
    closeSync(fd)
  }
}

/** Encrypts `path` in place when it is plain; answers whether it did. */
export function encryptFileInPlace(path: string, key: Buffer): boolean {
  if (!isPlainSqliteFile(path)) return false
  const sqlite = new Database(path, { fileMustExist: true })
  try {
    sqlite.pragma('journal_mode = DELETE')
    sqlite.pragma(`cipher = '${DATABASE_CIPHER}'`)
    sqlite.pragma(`rekey = "x'${key.toString('hex')}'"`)
  } finally {
    sqlite.close()
  }
  return true
}

/**
 * The practice database and every backup beside it: a plain backup would keep in the clear what
 * the database no longer shows. Answers how many files were encrypted.
 */
export async function encryptPracticeFiles(databasePath: string, backupDir: string, key: Buffer): Promise<number> {
  let count = encryptFileInPlace(databasePath, key) ? 1 : 0
  const names = await readdir(backupDir).catch(() => [] as string[])
  for (const name of names) {
    if (name.endsWith('.db') && encryptFileInPlace(join(backupDir, name), key)) count++
  }
  return count
}
