import { mkdirSync } from 'node:fs'
import { openApp } from '../src/main/app'
import { silentLogger } from '../src/main/log'
import { backupDirIn, databasePathIn, resolveDataDir } from '../src/main/paths'
import { seedDemoPractice } from '../tests/factories/demo'

const out = (line: string) => process.stdout.write(`${line}\n`)

async function main(args: string[]): Promise<void> {
  const force = args.includes('--force')
  const dataDir = resolveDataDir()
  mkdirSync(dataDir, { recursive: true })
  const app = await openApp({ databasePath: databasePathIn(dataDir), backupDir: backupDirIn(dataDir), logger: silentLogger })
  try {
    const existing = (app.connection.sqlite.prepare('SELECT count(*) AS n FROM clients').get() as { n: number }).n
    out(`Data folder: ${dataDir}`)
    if (existing > 0 && !force) {
      out(`This database already has ${existing} client(s); nothing was changed. Run with --force to add the demo practice anyway.`)
      process.exitCode = 1
      return
    }
    const { counts, clinical } = await seedDemoPractice(app)
    out('Demo practice seeded:')
    out(`  practice profile   1`)
    out(`  clients            ${counts.clients} (${counts.archived} archived)`)
    out(`  diagnoses          ${counts.diagnoses}`)
    out(`  screening answers  ${counts.screeningAnswers}`)
    out(`  consents           ${counts.consents} (${counts.revokedConsents} revoked)`)
    out(`  insurance policies ${counts.insurancePolicies}`)
    out(`  courses            ${clinical.courses}`)
    out(`  sessions           ${clinical.sessions}`)
    out(`  notes              ${clinical.notes} (${clinical.signedNotes} signed, ${clinical.addenda} addenda)`)
    out(`  measures           ${clinical.measures}`)
  } finally {
    app.close()
  }
}

void main(process.argv.slice(2))
