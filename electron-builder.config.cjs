/**
 * Installers (`npm run dist`, needs internet for Electron's and the targets' binaries).
 * CommonJS so electron-builder and the packaging test load it as is.
 * @type {import('electron-builder').Configuration}
 */
module.exports = {
  appId: 'com.kappractice.app',
  productName: 'KAP Practice',
  directories: { output: 'dist', buildResources: 'build' },
  // Only the built app, its migrations and runtime packages: no sources, tests or tooling in the installer.
  files: [
    'out/**',
    'drizzle/**',
    // The PDF fonts, found beside drizzle/ (src/main/pdf/fonts.ts).
    'resources/fonts/**',
    'package.json',
    '!tests/**',
    '!src/**',
    '!bench/**',
    '!scripts/**',
    '!docs/**',
    '!**/*.map',
    '!**/*.{md,ts,tsx,mts}',
    '!**/{.ci,test-results,playwright-report}/**'
  ],
  asar: true,
  // The SQLite binding is a native .node file: it must live on disk, not inside app.asar.
  asarUnpack: ['node_modules/better-sqlite3-multiple-ciphers/**'],
  // The prebuilt N-API binaries load in Electron as shipped: no rebuild (see TOOLCHAIN.md).
  npmRebuild: false,
  afterPack: './scripts/after-pack.cjs',
  mac: { category: 'public.app-category.medical', target: ['dmg'] },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  linux: { category: 'Office', target: ['AppImage', 'deb'] }
}
