import { existsSync } from 'node:fs'
import type { AuditVerifyResult } from '@shared/contracts/audit'
import { verifyFindings } from '@shared/domain/verify-findings'
import { createContext } from '../../context'
import { openDatabase } from '../../db/connection'
import { defaultMigrationsFolder } from '../../paths'
import { SecurityError } from '../../security/errors'
import { createAuditService } from './service'

export type VerifyFileOutcome =
  | { kind: 'verified'; result: AuditVerifyResult }
  | { kind: 'missing' | 'locked' | 'no_audit_log' }

/**
 * Verifies the audit chain of a practice database file without changing it: no migrations, no
 * backup, no new file when the path is empty; one read transaction, so the walk sees one state.
 */
export function verifyDatabaseFile(databasePath: string, key?: Buffer, migrationsFolder = defaultMigrationsFolder()): VerifyFileOutcome {
  if (!existsSync(databasePath)) return { kind: 'missing' }
  let connection
  try {
    connection = openDatabase(databasePath, key)
  } catch (err) {
    if (err instanceof SecurityError) return { kind: 'locked' }
    throw err
  }
  try {
    const hasLog = connection.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").pluck().get() === 1
    if (!hasLog) return { kind: 'no_audit_log' }
    const audit = createAuditService(createContext(connection), { migrationsFolder })
    return { kind: 'verified', result: connection.sqlite.transaction(() => audit.verify())() }
  } finally {
    connection.close()
  }
}

/** Everything checked out: the chain, its guard, every signed note, every trigger. */
export const verifiedClean = (result: AuditVerifyResult): boolean => result.ok && result.guarded && verifyFindings(result).ok

/** The result in words for the person at the terminal (record numbers only, never record content). */
export function describeVerification(result: AuditVerifyResult): string[] {
  const lines: string[] = []
  if (result.ok) {
    lines.push(`Audit log intact: ${result.checked} entr${result.checked === 1 ? 'y' : 'ies'} checked, each chained to the one before.`)
  } else {
    const what = { edited: 'was edited', deleted: 'was deleted', reordered: 'was moved out of order' }[result.problem!]
    lines.push(`Audit log BROKEN: entry #${result.firstBrokenSeq} ${what}.`)
    lines.push(
      result.checked === 0
        ? 'No entry can be trusted, from the first one on.'
        : `The ${result.checked} entr${result.checked === 1 ? 'y before it checks' : 'ies before it check'} out; nothing from it on can be trusted.`
    )
  }
  lines.push(
    result.guarded
      ? 'Append-only guard in place (updates and deletes are refused).'
      : 'WARNING: the append-only guard (triggers) is missing — someone removed it outside the app.'
  )
  lines.push(...verifyFindings(result).lines.map((f) => (f.ok ? f.text : `WARNING: ${f.text}`)))
  return lines
}
