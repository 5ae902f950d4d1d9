/**
 * The installer's configuration, read as electron-builder would (electron-builder itself is not
 * run here: it needs internet). The fuse check uses the real @electron/fuses enums.
 */
import { createRequire } from 'node:module'
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { FuseV1Options, FuseVersion } from '@electron/fuses'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)
const config = require(resolve(ROOT, 'electron-builder.config.cjs'))
const afterPack = require(resolve(ROOT, 'scripts/after-pack.cjs'))
const pkg = require(resolve(ROOT, 'package.json'))

describe('electron-builder config', () => {
  it('names the app and builds dmg, nsis, AppImage and deb', () => {
    expect(config.appId).toBe('com.kappractice.app')
    expect(config.productName).toBe('KAP Practice')
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.win.target).toEqual(['nsis'])
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
  })

  it('keeps the native SQLite module outside app.asar and does not rebuild it', () => {
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3-multiple-ciphers/**')
    expect(config.npmRebuild).toBe(false)
  })

  it('ships the build and migrations, never sources, tests, benches, scripts, docs or source maps', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'drizzle/**']))
    for (const excluded of ['!tests/**', '!src/**', '!bench/**', '!scripts/**', '!docs/**', '!**/*.map']) expect(config.files).toContain(excluded)
  })

  it('runs the fuse hook after packing, and `npm run dist` uses this config', () => {
    expect(resolve(ROOT, config.afterPack)).toBe(resolve(ROOT, 'scripts/after-pack.cjs'))
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder --config electron-builder.config.cjs')
    expect(pkg.devDependencies).toHaveProperty('electron-builder')
    expect(pkg.devDependencies).toHaveProperty('@electron/fuses')
  })
})

/** The parts of electron-builder's AfterPackContext the hook reads. */
const ctx = (electronPlatformName: string) => ({ electronPlatformName, appOutDir: '/o', packager: { appInfo: { productFilename: 'KAP Practice' }, executableName: 'kap-practice' } })

describe('after-pack fuses', () => {
  it('flips exactly these fuses', () => {
    expect(afterPack.fuses).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false
    })
  })

  it('hands flipFuses the same settings under the package’s own enum keys', () => {
    expect(afterPack.fuseConfig(FuseVersion, FuseV1Options)).toEqual({
      version: FuseVersion.V1,
      strictlyRequireAllFuses: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false
    })
    expect(afterPack.fuseConfig(FuseVersion, FuseV1Options, { arch: 'arm64' }).resetAdHocDarwinSignature).toBe(true)
  })

  it('finds the packed executable on each platform', () => {
    expect(afterPack.electronBinary(ctx('darwin'))).toBe(resolve('/o/KAP Practice.app'))
    expect(afterPack.electronBinary(ctx('win32'))).toBe(resolve('/o/KAP Practice.exe'))
    expect(afterPack.electronBinary(ctx('linux'))).toBe(resolve('/o/kap-practice'))
  })

  it('calls flipFuses with that binary and config (module mocked, nothing written)', async () => {
    const calls: unknown[][] = []
    const fusesPath = require.resolve('@electron/fuses')
    const real = require.cache[fusesPath]
    require.cache[fusesPath] = { exports: { FuseVersion, FuseV1Options, flipFuses: async (...args: unknown[]) => calls.push(args) } } as NodeJS.Module
    try {
      await afterPack({ electronPlatformName: 'linux', appOutDir: '/o', arch: 1, packager: { appInfo: { productFilename: 'KAP Practice' }, executableName: 'kap-practice' } })
    } finally {
      if (real) require.cache[fusesPath] = real
      else delete require.cache[fusesPath]
    }
    expect(calls).toEqual([[resolve('/o/kap-practice'), afterPack.fuseConfig(FuseVersion, FuseV1Options)]])
  })
})

describe('what ships', () => {
  it('only the encrypting SQLite driver is a runtime dependency, and no app code imports the plain one', () => {
    expect(pkg.dependencies['better-sqlite3-multiple-ciphers']).toBeDefined()
    expect(pkg.dependencies['better-sqlite3']).toBeUndefined()
    const files = readdirSync(resolve(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|tsx)$/.test(f))
    const plainImports = files.filter((f) => /from 'better-sqlite3'|require\('better-sqlite3'\)/.test(readFileSync(resolve(ROOT, 'src', f), 'utf8')))
    expect(plainImports).toEqual([])
  })
})
