#!/usr/bin/env node
/**
 * Security scan: runs @doyensec/electronegativity over the Electron sources and fails on any
 * HIGH-severity finding, on any finding of the checks in BLOCKING_CHECKS whatever its severity, or
 * on any file the scanner could not parse (an unparsed file is an unscanned file).
 *
 *   node scripts/electronegativity-gate.mjs [dir ...]     default: src   (npm run security:scan)
 *     --report=<file>   where the JSON report goes (default test-results/electronegativity.json)
 *     --policy=<file>   the module exporting secureWebPreferences (default src/main/window/policy.ts;
 *                       tests point it at a weakened copy to prove the gate then fails)
 *
 * It runs fully offline. Electronegativity's CLI reaches the network twice: it downloads
 * translations (1 s timeout, and an offline retry can crash the process) and the list of
 * Electron releases for AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK. So the scanner is driven through
 * its programmatic API with its HTTP client (`got`) replaced by one that answers "503" at once
 * without touching the network (the bundled en-US strings are used), the release check is left
 * out (it needs the network by design), and any socket this process tries to open throws.
 *
 * One static-analysis limit is resolved rather than waived: the scanner judges a window's
 * webPreferences only when they are an object literal at `new BrowserWindow({...})`, and ours come
 * from the tested policy function secureWebPreferences() (src/main/window/policy.ts). The gate
 * scans a temporary copy in which each `webPreferences: secureWebPreferences(arg)` is replaced by
 * the literal that function really returns, on the same line, so the scanner's own rules judge the
 * real values: if the policy ever weakens, the finding comes back.
 *
 * A JSON report of every finding (all severities) is written to test-results/electronegativity.json.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire, Module } from 'node:module'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const requireFromRoot = createRequire(join(root, 'package.json'))
const args = process.argv.slice(2)
const option = (name, fallback) => {
  const given = args.find((a) => a.startsWith(`--${name}=`))
  return resolve(root, given ? given.slice(name.length + 3) : fallback)
}
const dirs = args.filter((a) => !a.startsWith('--'))
const inputs = (dirs.length ? dirs : ['src']).map((d) => resolve(root, d))
const reportPath = option('report', 'test-results/electronegativity.json')
const policyPath = option('policy', 'src/main/window/policy.ts')

/**
 * The window rules ARCHITECTURE.md (rule 8) makes non-negotiable. The scanner rates some of their
 * breaches below HIGH — an explicit `nodeIntegration: true` is only INFORMATIONAL, `sandbox: false`
 * and `webSecurity: false` are MEDIUM — so these block at any severity.
 */
const BLOCKING_CHECKS = new Set([
  'CONTEXT_ISOLATION_JS_CHECK',
  'NODE_INTEGRATION_JS_CHECK',
  'NODE_INTEGRATION_HTML_CHECK',
  'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
  'SANDBOX_JS_CHECK',
  'WEB_SECURITY_JS_CHECK',
  'WEB_SECURITY_HTML_CHECK',
  'INSECURE_CONTENT_JS_CHECK',
  'INSECURE_CONTENT_HTML_CHECK'
])

// ---- Offline: no socket leaves this process, and the scanner's HTTP client fails at once ----------
const refuse = () => {
  throw new Error('network access is disabled during the security scan')
}
net.Socket.prototype.connect = refuse
// A "service unavailable" answer: the translation download then keeps the bundled en-US strings quietly.
const offlineGot = () => Promise.resolve({ statusCode: 503, headers: {}, body: '' })
offlineGot.head = offlineGot
offlineGot.get = offlineGot
const engDir = dirname(requireFromRoot.resolve('@doyensec/electronegativity/package.json'))
const originalRequire = Module.prototype.require
Module.prototype.require = function (id) {
  if (id === 'got' && this.filename?.startsWith(engDir)) return offlineGot
  return originalRequire.call(this, id)
}
// The translations are the bundled en-US ones (the scanner would otherwise pick a locale from LANG).
process.env.LANG = 'en-US'

// ---- The Electron version in use (read from its package.json; electron itself is not loaded) ------
const electronVersion = JSON.parse(readFileSync(requireFromRoot.resolve('electron/package.json'), 'utf8')).version

// ---- Resolve secureWebPreferences() into the literal it returns ------------------------------------
// policy.ts imports nothing, so Node runs it with its types stripped; the .mts copy tells Node it is
// an ES module up front (no "reparsing as ES module" warning).
const policyDir = mkdtempSync(join(tmpdir(), 'eng-policy-'))
const policyCopy = join(policyDir, 'policy.mts')
cpSync(policyPath, policyCopy)
const { secureWebPreferences } = await import(pathToFileURL(policyCopy).href).finally(() => rmSync(policyDir, { recursive: true, force: true }))
if (typeof secureWebPreferences !== 'function') throw new Error(`${relative(root, policyPath)} does not export secureWebPreferences()`)
const PREFS_CALL = /webPreferences\s*:\s*secureWebPreferences\s*\(/g

/** The index just past the `)` that closes the `(` at `open`, skipping string literals. */
function closingParen(text, open) {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const c = text[i]
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++
    } else if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i + 1
  }
  return -1
}

/** The text before the first top-level comma of an argument list, skipping brackets and strings. */
function firstArgument(list) {
  let depth = 0
  for (let i = 0; i < list.length; i++) {
    const c = list[i]
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < list.length && list[i] !== c; i++) if (list[i] === '\\') i++
    } else if ('([{'.includes(c)) depth++
    else if (')]}'.includes(c)) depth--
    else if (c === ',' && depth === 0) return list.slice(0, i)
  }
  return list
}

function inlinePolicy(text) {
  let out = ''
  let last = 0
  let count = 0
  for (const match of text.matchAll(PREFS_CALL)) {
    const open = match.index + match[0].length - 1
    const close = closingParen(text, open)
    if (close < 0) continue
    const callArgs = text.slice(open + 1, close - 1)
    if (callArgs.includes('\n')) continue // keep every line where it was, so reported locations stay true
    // Only the preload path is spliced in; the options (isPackaged) are scanned as the installed app has them.
    const arg = firstArgument(callArgs)
    const prefs = secureWebPreferences('__preload__')
    const props = Object.entries(prefs).map(([k, v]) => (k === 'preload' ? `preload: ${arg}` : `${k}: ${JSON.stringify(v)}`))
    out += `${text.slice(last, match.index)}webPreferences: { ${props.join(', ')} }`
    last = close
    count++
  }
  return { text: out + text.slice(last), count }
}

const SCANNED = /\.(js|jsx|ts|tsx|html|htm)$/
function listFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => !f.includes('node_modules') && SCANNED.test(f) && statSync(f).isFile())
}

/** A temporary copy of `dir` with the policy inlined; returns it and what was inlined where. */
function prepare(dir) {
  const copy = mkdtempSync(join(tmpdir(), 'eng-scan-'))
  cpSync(dir, copy, { recursive: true, filter: (src) => !src.includes('node_modules') })
  const inlined = []
  for (const file of listFiles(copy)) {
    if (!/\.(js|jsx|ts|tsx)$/.test(file)) continue
    const before = readFileSync(file, 'utf8')
    const { text, count } = inlinePolicy(before)
    if (count > 0) {
      writeFileSync(file, text)
      inlined.push(`${relative(copy, file)} (${count})`)
    }
  }
  return { copy, inlined, files: listFiles(copy).length }
}

// ---- Scan -------------------------------------------------------------------------------------------
const requireFromEng = createRequire(join(engDir, 'package.json'))
const run = requireFromEng('./dist/runner.js')
const say = (line) => process.stdout.write(`${line}\n`)

const findings = []
const parseErrors = []
let failed = false
for (const input of inputs) {
  const name = relative(root, input) || '.'
  let prepared
  try {
    statSync(input)
    prepared = prepare(input)
  } catch {
    console.error(`✗ ${name}: not found (build first if scanning out/)`)
    failed = true
    continue
  }
  try {
    const result = await run({
      input: prepared.copy,
      customScan: [],
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      electronVersionOverride: electronVersion,
      isRelative: true,
      parserPlugins: []
    })
    if (prepared.files === 0) {
      console.error(`✗ ${name}: no .js/.ts/.tsx/.html files to scan`)
      failed = true
    }
    say(
      `${name}: ${prepared.files} files, ${result.atomicChecks} atomic + ${result.globalChecks} global checks, Electron ${electronVersion}` +
        (prepared.inlined.length ? `; secureWebPreferences() inlined in ${prepared.inlined.join(', ')}` : '')
    )
    for (const issue of result.issues) {
      findings.push({
        check: issue.id,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        file: issue.file === 'N/A' ? 'N/A' : join(name, issue.file),
        line: issue.location?.line ?? 0,
        column: issue.location?.column ?? 0,
        manualReview: Boolean(issue.manualReview),
        description: issue.description,
        sample: issue.sample ?? null
      })
    }
    for (const error of result.errors) parseErrors.push({ file: join(name, relative(prepared.copy, error.file)), message: error.message, tolerable: error.tolerable })
  } finally {
    rmSync(prepared.copy, { recursive: true, force: true })
  }
}

// ---- Report and gate ------------------------------------------------------------------------------
mkdirSync(dirname(reportPath), { recursive: true })
writeFileSync(reportPath, `${JSON.stringify({ electronVersion, inputs: inputs.map((i) => relative(root, i)), findings, parseErrors }, null, 2)}\n`)

const order = { HIGH: 3, MEDIUM: 2, LOW: 1, INFORMATIONAL: 0 }
findings.sort((a, b) => order[b.severity] - order[a.severity] || a.file.localeCompare(b.file) || a.line - b.line)
const blocks = (f) => f.severity === 'HIGH' || BLOCKING_CHECKS.has(f.check)
for (const f of findings) {
  const mark = blocks(f) ? '✗' : '·'
  say(`${mark} ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.check}  ${f.file}:${f.line}:${f.column}${f.manualReview ? '  (review)' : ''}\n    ${f.description}`)
}
for (const e of parseErrors) say(`${e.tolerable ? '·' : '✗'} could not ${e.tolerable ? 'fully ' : ''}parse ${e.file}: ${e.message}`)

const blocking = findings.filter(blocks)
const unparsed = parseErrors.filter((e) => !e.tolerable)
if (blocking.length || unparsed.length) failed = true
say(
  `\nelectronegativity: ${findings.length} findings (${blocking.length} blocking), ${unparsed.length} unparsed files — ${failed ? 'FAILED' : 'passed'}. Report: ${relative(root, reportPath)}`
)
process.exit(failed ? 1 : 0)
