#!/usr/bin/env node
/**
 * Sums vitest's and Playwright's JSON reports into the one line CI reads:
 *   N passed, N failed, N skipped
 * Usage: node tests/e2e/ci-summary.mjs [--step-failed NAME]... [--exit vitest=CODE] [--exit playwright=CODE]
 * A missing or unreadable report, a test file that failed to load, a runner-level error, every
 * `--step-failed` (typecheck, lint) and a runner that exited non-zero without reporting a failed
 * test each count as one failure, so the line never says "0 failed" about a run that did not pass.
 * Exits 1 when anything failed. Notes go to stderr; stdout gets only the closing line.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const root = process.cwd()
const args = process.argv.slice(2)
const stepFailures = []
const exitCodes = {}
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--step-failed' && args[i + 1]) stepFailures.push(args[++i])
  else if (args[i] === '--exit' && args[i + 1]) {
    const [runner, code] = args[++i].split('=')
    exitCodes[runner] = Number(code)
  }
}

let passed = 0
let failed = 0
let skipped = 0
const notes = []

/** Failures each runner's report accounted for, to tell "exited 1 with failures" from "exited 1 silently". */
const reported = { vitest: 0, playwright: 0 }

function readReport(name, file) {
  const path = resolve(root, file)
  if (!existsSync(path)) {
    notes.push(`${name}: no report at ${file} (the runner did not run or crashed) — counted as 1 failure`)
    failed += 1
    reported[name] += 1
    return null
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    notes.push(`${name}: ${file} is not valid JSON — counted as 1 failure`)
    failed += 1
    reported[name] += 1
    return null
  }
}

const vitest = readReport('vitest', 'test-results/vitest.json')
if (vitest) {
  const p = vitest.numPassedTests ?? 0
  const f = vitest.numFailedTests ?? 0
  const s = (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0)
  // A file that failed to import has no failed test in it, only a failed suite.
  const brokenFiles = (vitest.testResults ?? []).filter(
    (r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed')
  ).length
  passed += p
  failed += f + brokenFiles
  reported.vitest += f + brokenFiles
  skipped += s
  notes.push(`vitest: ${p} passed, ${f} failed, ${s} skipped${brokenFiles ? `, ${brokenFiles} file(s) failed to run` : ''}`)
  if (vitest.success === false && f + brokenFiles === 0) {
    failed += 1
    reported.vitest += 1
    notes.push('vitest: reported success=false without a failed test — counted as 1 failure')
  }
}

const playwright = readReport('playwright', 'test-results/playwright.json')
if (playwright) {
  const st = playwright.stats ?? {}
  const p = (st.expected ?? 0) + (st.flaky ?? 0)
  const f = st.unexpected ?? 0
  const s = st.skipped ?? 0
  const errors = (playwright.errors ?? []).length
  passed += p
  failed += f + errors
  reported.playwright += f + errors
  skipped += s
  notes.push(`playwright: ${p} passed, ${f} failed, ${s} skipped${errors ? `, ${errors} runner error(s)` : ''}`)
}

for (const [runner, code] of Object.entries(exitCodes)) {
  if (code !== 0 && (reported[runner] ?? 0) === 0) {
    failed += 1
    notes.push(`${runner}: exited with code ${code} without reporting a failed test — counted as 1 failure`)
  }
}

for (const step of stepFailures) {
  failed += 1
  notes.push(`${step}: failed — counted as 1 failure`)
}

for (const note of notes) process.stderr.write(`${note}\n`)
process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`)
process.exit(failed > 0 ? 1 : 0)
