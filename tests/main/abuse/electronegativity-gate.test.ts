/**
 * The security scan's gate (scripts/electronegativity-gate.mjs) must fail when it should: a gate
 * that always passes proves nothing. Each case runs the real script on a small fixture tree, with
 * no network (the script refuses sockets itself).
 */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../../..')
const GATE = join(ROOT, 'scripts/electronegativity-gate.mjs')
const REAL_POLICY = join(ROOT, 'src/main/window/policy.ts')

interface Finding {
  check: string
  severity: string
  file: string
}
interface Report {
  findings: Finding[]
  parseErrors: { file: string; tolerable: boolean }[]
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eng-gate-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

type Tree = Record<string, string>

/** Writes fixture trees and runs the gate once over all of them; returns its exit code and JSON report. */
async function gate(trees: Record<string, Tree>, policy = REAL_POLICY): Promise<{ code: number; report: Report }> {
  const dirs = Object.entries(trees).map(([name, files]) => {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, file, '..'), { recursive: true })
      writeFileSync(join(dir, name, file), text)
    }
    return join(dir, name)
  })
  const reportPath = join(dir, `${Object.keys(trees).join('+')}.json`)
  const code = await promisify(execFile)(process.execPath, [GATE, ...dirs, `--report=${reportPath}`, `--policy=${policy}`], { cwd: ROOT }).then(
    () => 0,
    (err: { code?: number }) => err.code ?? -1
  )
  return { code, report: JSON.parse(readFileSync(reportPath, 'utf8')) as Report }
}

const highs = (report: Report) => report.findings.filter((f) => f.severity === 'HIGH').map((f) => f.check).sort()
const checks = (report: Report) => report.findings.map((f) => `${f.check} ${f.severity}`).sort()

/** The shape of src/main/index.ts: the window's preferences come from the policy function; navigation is limited. */
const mainWith = (webPreferences: string) => `import { join } from 'node:path'
import { BrowserWindow, session } from 'electron'
import { secureWebPreferences } from './window/policy'
export function open() {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  const win = new BrowserWindow({ width: 800, webPreferences: ${webPreferences} })
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-navigate', (event) => event.preventDefault())
  return win
}
`
const MAIN_WITH_POLICY = mainWith("secureWebPreferences(join(__dirname, '../preload/index.js'))")

const under = (report: Report, tree: string) => ({
  ...report,
  findings: report.findings.filter((f) => f.file.includes(`${tree}/`)),
  parseErrors: report.parseErrors.filter((e) => e.file.includes(`${tree}/`))
})

describe('electronegativity gate', () => {
  it('passes a window whose webPreferences come from the real, secure policy', async () => {
    const { code, report } = await gate({ secure: { 'main/index.ts': MAIN_WITH_POLICY, 'main/window/policy.ts': readFileSync(REAL_POLICY, 'utf8') } })
    expect(highs(report)).toEqual([])
    expect(code).toBe(0)
  }, 30_000)

  it('fails on each insecure window, including breaches the scanner rates below HIGH, and on an unparsable file', async () => {
    const { code, report } = await gate({
      'no-isolation': { 'main/index.ts': mainWith('{ contextIsolation: false }') },
      'node-integration': { 'main/index.ts': mainWith('{ contextIsolation: true, nodeIntegration: true }') },
      'no-sandbox': { 'main/index.ts': mainWith('{ contextIsolation: true, nodeIntegration: false, sandbox: false }') },
      unparsable: { 'main/broken.ts': 'export const = = ;\n' }
    })
    expect(code).toBe(1)
    expect(highs(under(report, 'no-isolation'))).toEqual(['CONTEXT_ISOLATION_JS_CHECK'])
    expect(checks(under(report, 'node-integration'))).toContain('NODE_INTEGRATION_JS_CHECK INFORMATIONAL')
    expect(checks(under(report, 'no-sandbox'))).toContain('SANDBOX_JS_CHECK MEDIUM')
    expect(under(report, 'unparsable').parseErrors).toEqual([expect.objectContaining({ file: expect.stringContaining('broken.ts'), tolerable: false })])
  }, 30_000)

  it('fails when the policy function itself weakens: inlining it hides nothing', async () => {
    const weakened = join(dir, 'weak-policy.ts')
    writeFileSync(weakened, readFileSync(REAL_POLICY, 'utf8').replace('contextIsolation: true', 'contextIsolation: false'))
    const { code, report } = await gate({ 'weak-policy': { 'main/index.ts': MAIN_WITH_POLICY } }, weakened)
    expect(highs(report)).toEqual(['CONTEXT_ISOLATION_JS_CHECK'])
    expect(code).toBe(1)
  }, 30_000)
})
