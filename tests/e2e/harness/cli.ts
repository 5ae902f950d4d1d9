/**
 * `npm run harness [-- --port 5180] [-- --seed demo]`: builds the renderer (the npm script does),
 * then serves it with the real app core on 127.0.0.1 so any browser can use the app.
 * Data lives in KAP_DATA_DIR when set, else in a scratch temp folder that is kept on exit.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { E2E_OWNER, repoRoot, startHarness, type Harness } from './server'

async function seedDemo(harness: Harness): Promise<void> {
  const factory = join(repoRoot, 'tests', 'factories', 'demo.ts')
  if (!existsSync(factory)) {
    console.warn('--seed demo: tests/factories/demo.ts does not exist yet; starting with an empty practice.')
    return
  }
  const mod = (await import(factory)) as Record<string, unknown>
  const seed = [mod.seedDemo, mod.seedDemoPractice, mod.seed, mod.default].find((f) => typeof f === 'function') as
    | ((app: Harness['app']) => unknown)
    | undefined
  if (!seed) {
    console.warn('--seed demo: tests/factories/demo.ts exports no seedDemo(app) function; starting unseeded.')
    return
  }
  await seed(harness.app)
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false }
    }
  })
  if (values.help) {
    console.warn('Usage: npm run harness -- [--port N] [--seed demo]\nKAP_DATA_DIR=<folder> keeps the data there (default: a new temp folder).')
    return
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a port number')
  if (values.seed !== undefined && values.seed !== 'demo') throw new Error('--seed only knows "demo"')

  const harness = await startHarness({ dataDir: process.env.KAP_DATA_DIR || undefined, port, keepDataDir: true, allowRecovery: true })
  if (values.seed === 'demo' && harness.host.core) await seedDemo(harness)

  // The one place this harness prints: where to point a browser, and where the data is.
  process.stdout.write(
    `KAP Practice harness\n  URL:  ${harness.url}/\n  Data: ${harness.dataDir}\n  Sign in as ${E2E_OWNER.login} with "${E2E_OWNER.passphrase}" (a test practice).\nPress Ctrl+C to stop.\n`
  )

  const stop = () => {
    harness.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(`harness: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
