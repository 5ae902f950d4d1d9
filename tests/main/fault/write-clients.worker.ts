/**
 * Child process for the kill -9 test (kill9.test.ts bundles it with esbuild and runs it with
 * plain node: a tsx start costs about a second, which 200 kills cannot afford).
 *
 * 1. Loads every module and warms it up on a throwaway in-memory database (one openApp and one
 *    client), prints "loaded", and waits for "go" on stdin — so the parent can start the next
 *    children while it checks the database after the previous kill, and the kill lands in the
 *    real work, not in module loading.
 * 2. Opens the practice database exactly as the app does (openApp: WAL, synchronous=FULL, the real
 *    migrations, crash recovery of whatever the last kill left) and prints "ready".
 * 3. Creates clients through the real channel (app.call('clients:create', …)) as fast as it can,
 *    printing each id on its own line only after the call has returned: every id on stdout is an
 *    acknowledged write. Runs until it is killed.
 *
 *   node write-clients.worker.cjs <databasePath> <migrationsFolder>
 */
import { writeSync } from 'node:fs'
import { openApp } from '../../../src/main/app'
import { silentLogger } from '../../../src/main/log'
import { clientInput } from '../../factories/clients'

// writeSync: the line is in the pipe before the next step starts, whatever Node would buffer.
const say = (line: string) => writeSync(1, `${line}\n`)

async function main(databasePath: string, migrationsFolder: string): Promise<void> {
  const app = await openApp({ databasePath, migrationsFolder, logger: silentLogger })
  say('ready')
  for (let n = 0; ; n++) {
    const result = await app.call('clients:create', { client: clientInput({ legalLastName: `Synthetic${n % 1000}` }) })
    if (!result.ok) {
      writeSync(2, `clients:create failed: ${result.error.code}\n`)
      process.exit(2)
    }
    say((result.value as { id: string }).id)
  }
}

const [databasePath, migrationsFolder] = process.argv.slice(2)
if (!databasePath || !migrationsFolder) {
  writeSync(2, 'usage: write-clients.worker <databasePath> <migrationsFolder>\n')
  process.exit(64)
}
async function warmUp(folder: string): Promise<void> {
  const scratch = await openApp({ databasePath: ':memory:', migrationsFolder: folder, logger: silentLogger })
  await scratch.call('clients:create', { client: clientInput() })
  scratch.close()
}

const fail = (err: unknown) => {
  writeSync(2, `worker failed: ${(err as Error)?.name ?? 'unknown'} ${(err as { code?: string })?.code ?? ''}\n`)
  process.exit(3)
}

warmUp(migrationsFolder).then(() => {
  say('loaded')
  process.stdin.once('data', () => main(databasePath, migrationsFolder).catch(fail))
}, fail)
