/**
 * npm run audit:verify [-- --json]
 *
 * Walks the audit log of the practice database in the data folder (KAP_DATA_DIR, else the app's
 * own folder) and reports whether any entry was edited, deleted or moved; then re-hashes every
 * signed note and addendum and compares the database's triggers with the migrations'. Read-only.
 * Exit code: 0 all intact, 1 anything broken, changed or unguarded, 2 could not check.
 */
import { describeVerification, verifiedClean, verifyDatabaseFile } from '../src/main/features/audit/verify-file'
import { databasePathIn, resolveDataDir } from '../src/main/paths'

const out = (line: string) => process.stdout.write(`${line}\n`)

const CANNOT_CHECK = {
  missing: 'There is no practice database in this folder.',
  locked: 'The practice database is encrypted and this command cannot unlock it.',
  no_audit_log: 'This practice database has no audit log yet: open it in the app once to update it.'
}

function main(args: string[]): number {
  const json = args.includes('--json')
  const dataDir = resolveDataDir()
  const outcome = verifyDatabaseFile(databasePathIn(dataDir))
  if (json) {
    out(JSON.stringify(outcome.kind === 'verified' ? outcome.result : { error: outcome.kind }))
  } else {
    out(`Data folder: ${dataDir}`)
    if (outcome.kind === 'verified') for (const line of describeVerification(outcome.result)) out(line)
    else out(CANNOT_CHECK[outcome.kind])
  }
  if (outcome.kind !== 'verified') return 2
  return verifiedClean(outcome.result) ? 0 : 1
}

process.exitCode = main(process.argv.slice(2))
