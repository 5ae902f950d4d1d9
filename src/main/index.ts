import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron'
import { openApp, type AppCore } from './app'
import { runAutomaticBackup } from './backup'
import { registerIpc } from './ipc/handle'
import { consoleLogger } from './log'
import { APP_NAME, backupDirIn, databasePathIn, resolveDataDir } from './paths'
import { denyPermissionRequest, denyWindowOpen, isAllowedNavigation, isTrustedSender, secureWebPreferences } from './window/policy'

// Startup: open the database → migrate (after a backup) → register IPC → create the window.
app.setName(APP_NAME)
let core: AppCore | null = null

const rendererUrl = (): string =>
  process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href

function createWindow(): BrowserWindow {
  const appUrl = rendererUrl()
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: APP_NAME,
    backgroundColor: '#f8fafc',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js'))
  })
  win.once('ready-to-show', () => win.show())
  win.webContents.setWindowOpenHandler(denyWindowOpen)
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault()
  })
  win.webContents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault()
  })
  win.webContents.on('will-attach-webview', (event) => event.preventDefault())
  // A form with unsaved edits asks before the window closes (the renderer's beforeunload guard).
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Keep editing', 'Close without saving'],
      defaultId: 0,
      cancelId: 0,
      title: APP_NAME,
      message: 'You have unsaved changes.',
      detail: 'Close without saving them?'
    })
    if (choice === 1) event.preventDefault()
  })
  void win.loadURL(appUrl)
  return win
}

async function start(): Promise<void> {
  const dataDir = resolveDataDir()
  mkdirSync(dataDir, { recursive: true })
  try {
    core = await openApp({
      databasePath: databasePathIn(dataDir),
      migrationsFolder: join(app.getAppPath(), 'drizzle'),
      backupDir: backupDirIn(dataDir),
      logger: consoleLogger
    })
  } catch (err) {
    consoleLogger.error('startup.database_failed', { name: (err as Error)?.name ?? 'unknown' })
    dialog.showErrorBox(APP_NAME, `The practice database in ${dataDir} could not be opened. No data was changed. Please contact support before trying again.`)
    app.exit(1)
    return
  }

  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(denyPermissionRequest(permission)))
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => denyPermissionRequest(permission))

  const appUrl = rendererUrl()
  registerIpc(ipcMain, core.router.keys(), (frameUrl) => isTrustedSender(frameUrl, appUrl), core.call, consoleLogger)
  createWindow()
  scheduleDailyBackups(core, backupDirIn(dataDir))
}

const HOUR_MS = 60 * 60 * 1000

/** A daily backup at start-up if today has none, then checked hourly for machines left running. */
function scheduleDailyBackups(appCore: AppCore, backupDir: string): void {
  const run = () =>
    runAutomaticBackup(appCore.connection.sqlite, backupDir, 'daily').catch((err: { code?: string }) =>
      consoleLogger.error('backup.daily_failed', { code: err?.code ?? 'unknown' })
    )
  void run()
  setInterval(() => void run(), HOUR_MS).unref()
}

let quitting = false
/** Quit waits for one last verified backup, then closes the database. */
async function backupAndClose(): Promise<void> {
  if (!core) return
  try {
    await runAutomaticBackup(core.connection.sqlite, backupDirIn(resolveDataDir()), 'quit')
  } catch (err) {
    consoleLogger.error('backup.quit_failed', { code: (err as { code?: string })?.code ?? 'unknown' })
  } finally {
    core.close()
    core = null
  }
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database; focus the first one instead.
  app.quit()
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows()
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  void app.whenReady().then(start)
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('before-quit', (event) => {
    if (quitting || !core) return
    event.preventDefault()
    quitting = true
    void backupAndClose().finally(() => app.quit())
  })
}
