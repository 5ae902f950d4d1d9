/**
 * The walls between layers, kept by a test rather than by memory: every import in src/ is read
 * (static, re-export, side-effect, dynamic and require) and resolved, and each rule names the
 * files that break it. Adding `import 'electron'` to a service fails here.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, relative, resolve, sep } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const SRC = resolve(ROOT, 'src')
const ALIASES: Record<string, string> = { '@shared/': 'src/shared/', '@renderer/': 'src/renderer/src/' }

interface Import {
  file: string
  /** A bare package name ('zod', 'electron', 'node:fs'), or a repository path ('src/main/ipc/router'). */
  target: string
  /** `import type …`: erased at build time, so it loads nothing. */
  typeOnly: boolean
}

const IMPORT = /(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8')
  const found: Import[] = []
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? match[3] ?? match[4]!
    const alias = Object.keys(ALIASES).find((a) => spec.startsWith(a))
    let target: string
    if (alias) target = ALIASES[alias]! + spec.slice(alias.length)
    else if (spec.startsWith('.')) target = relative(ROOT, resolve(dirname(file), spec)).split(sep).join('/')
    else target = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!
    found.push({ file: relative(ROOT, file).split(sep).join('/'), target, typeOnly: /^(import|export)\s+type\s/.test(match[0]) })
  }
  return found
}

const files = (readdirSync(SRC, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !f.endsWith('.d.ts'))
  .map((f) => resolve(SRC, f))
const imports = files.flatMap(importsOf)
const from = (prefix: string) => imports.filter((i) => i.file.startsWith(prefix))
const show = (list: Import[]) => list.map((i) => `${i.file} → ${i.target}`)

describe('walls between layers', () => {
  it('reads the imports it is judging (the scanner is not blind)', () => {
    expect(imports.length).toBeGreaterThan(300)
    expect(imports).toContainEqual({ file: 'src/preload/index.ts', target: 'electron', typeOnly: false })
    expect(imports.some((i) => i.file.startsWith('src/main/features/') && i.target === 'zod')).toBe(true)
  })

  it('src/shared imports nothing but zod and itself', () => {
    expect(show(from('src/shared/').filter((i) => i.target !== 'zod' && !i.target.startsWith('src/shared/')))).toEqual([])
  })

  it('nothing below the Electron shell loads electron (its types are fine)', () => {
    const below = ['src/main/features/', 'src/main/db/', 'src/main/backup/', 'src/main/security/', 'src/main/auth/', 'src/main/ipc/', 'src/main/window/', 'src/main/jobs/']
    // The one way in for jobs: the utilityProcess spawner, which only the Electron shell imports.
    const shell = ['src/main/jobs/electron-worker.ts']
    const offenders = imports.filter((i) => below.some((b) => i.file.startsWith(b)) && !shell.includes(i.file) && i.target === 'electron' && !i.typeOnly)
    expect(show(offenders)).toEqual([])
    expect(show(imports.filter((i) => shell.includes(i.target) && i.file !== 'src/main/index.ts'))).toEqual([])
  })

  it('services, repositories and domain code never import the IPC layer', () => {
    const offenders = from('src/main/').filter((i) => !i.file.startsWith('src/main/ipc/') && !i.file.endsWith('/handlers.ts') && i.target.startsWith('src/main/ipc/'))
    // The app core builds the router; the Electron shell and the host (startup.ts, host/) register and serve it.
    const allowed = ['src/main/app.ts', 'src/main/index.ts', 'src/main/startup.ts']
    expect(show(offenders.filter((i) => !allowed.includes(i.file) && !i.file.startsWith('src/main/host/')))).toEqual([])
  })

  it('handlers import only the shared types of the IPC layer, never the router that imports them', () => {
    const offenders = imports.filter((i) => /^src\/main\/features\/[^/]+\/handlers\.ts$/.test(i.file) && i.target.startsWith('src/main/ipc/') && i.target !== 'src/main/ipc/types')
    expect(show(offenders)).toEqual([])
  })

  it('the renderer never imports main or the preload', () => {
    expect(show(from('src/renderer/').filter((i) => i.target.startsWith('src/main/') || i.target.startsWith('src/preload/')))).toEqual([])
  })

  it('the preload imports only electron, the contracts and itself', () => {
    const offenders = from('src/preload/').filter((i) => i.target !== 'electron' && !i.target.startsWith('src/shared/contracts') && !i.target.startsWith('src/preload/'))
    expect(show(offenders)).toEqual([])
  })
})
