/**
 * Child process for the invoice numbering tests (billing-invoices.test.ts bundles it with esbuild):
 * a second connection to the same practice file, as a second window or machine process would be.
 *
 * Opens the database with openApp, prints "ready", waits for "go" on stdin, then for each round
 * adds a charge and invoices it through the real channels, printing the invoice number only after
 * billing:createInvoice returned (an acknowledged invoice). `count` rounds, or forever with 0.
 *
 *   node invoices.worker.cjs <databasePath> <migrationsFolder> <clientId> <count>
 */
import { writeSync } from 'node:fs'
import { openApp } from '../../../src/main/app'
import { silentLogger } from '../../../src/main/log'

const say = (line: string) => writeSync(1, `${line}\n`)
const FEE_90837 = '01900000-0000-7000-8000-000000000002'

async function main(databasePath: string, migrationsFolder: string, clientId: string, count: number): Promise<void> {
  const app = await openApp({ databasePath, migrationsFolder, logger: silentLogger })
  say('ready')
  await new Promise<void>((r) => process.stdin.once('data', () => r()))
  for (let n = 0; ; n++) {
    if (count > 0 && n >= count) break
    const charge = await app.call('billing:createCharge', {
      clientId,
      charge: { dateOfService: '2026-03-02', feeItemId: FEE_90837, units: 1, unitFeeCents: 20000, modifiers: [], pointers: [], placeOfService: '11' }
    })
    if (!charge.ok) {
      writeSync(2, `createCharge failed: ${charge.error.code}\n`)
      process.exit(2)
    }
    const invoice = await app.call('billing:createInvoice', { clientId, chargeIds: [(charge.value as { id: string }).id], issuedOn: '2026-03-08' })
    if (!invoice.ok) {
      writeSync(2, `createInvoice failed: ${invoice.error.code} ${invoice.error.message}\n`)
      process.exit(2)
    }
    say(`INV ${(invoice.value as { number: string }).number}`)
  }
  say('done')
  app.close()
  process.exit(0)
}

const [databasePath, migrationsFolder, clientId, count] = process.argv.slice(2)
if (!databasePath || !migrationsFolder || !clientId) {
  writeSync(2, 'usage: invoices.worker <databasePath> <migrationsFolder> <clientId> <count>\n')
  process.exit(64)
}
main(databasePath, migrationsFolder, clientId, Number(count ?? 0)).catch((err: unknown) => {
  writeSync(2, `worker failed: ${(err as Error)?.name ?? 'unknown'} ${(err as { code?: string })?.code ?? ''}\n`)
  process.exit(3)
})
