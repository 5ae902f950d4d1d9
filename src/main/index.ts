import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron'
import { allChannels } from '@shared/contracts'
import { JOB_EVENTS_CHANNEL } from '@shared/contracts/jobs'
import { runAutomaticBackup } from './backup'
import { productionOutputValidation } from './ipc/dispatch'
import { registerIpc } from './ipc/handle'
import { utilityProcessSpawner } from './jobs/electron-worker'
import { consoleLogger } from './log'
import { APP_NAME, backupDirIn, resolveDataDir } from './paths'
import { startCore, type CoreHost } from './startup'
import { APP_SCHEME, contentTypeFor, rendererUrl as chooseRendererUrl, resolveAppPath } from './window/app-protocol'
import { menuTemplate } from './window/menu'
import { denyPermissionRequest, denyWindowOpen, isAllowedNavigation, isTrustedSender, secureWebPreferences } from './window/policy'

// Startup: check and open the database → migrate (after a backup) → register IPC → create the window.
// A damaged, locked or lost database does not stop the app: the host stays in recovery mode and
// the window shows the recovery screen, which offers the backups (src/main/startup.ts).
app.setName(APP_NAME)
let host: CoreHost | null = null

// Must precede 'ready'. Standard + secure: app://renderer is a real origin for 'self', fetch and storage.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])

const rendererUrl = (): string => chooseRendererUrl(process.env, app.isPackaged)

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })

/** Serves out/renderer and nothing else; index.html keeps its own CSP meta tag. */
function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? resolveAppPath(root, request.url) : null
    if (!file) return notFound()
    try {
      const body = await readFile(file)
      return new Response(new Uint8Array(body), { headers: { 'content-type': contentTypeFor(file), 'x-content-type-options': 'nosniff' } })
    } catch {
      // Missing file or a directory: no detail (the path is not echoed).
      return notFound()
    }
  })
}

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
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js'), { isPackaged: app.isPackaged })
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
  serveRenderer(join(__dirname, '../renderer'))
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ appName: APP_NAME, isPackaged: app.isPackaged, platform: process.platform })))
  const dataDir = resolveDataDir()
  mkdirSync(dataDir, { recursive: true })
  try {
    host = await startCore({
      dataDir,
      migrationsFolder: join(app.getAppPath(), 'drizzle'),
      logger: consoleLogger,
      validateOutput: productionOutputValidation(app.isPackaged),
      spawnJobWorker: utilityProcessSpawner()
    })
  } catch (err) {
    // Only a fault of the installation (e.g. missing migrations) gets here; a damaged database opens the recovery screen.
    consoleLogger.error('startup.failed', { name: (err as Error)?.name ?? 'unknown' })
    dialog.showErrorBox(APP_NAME, 'KAP Practice could not start. No data was changed. Please reinstall the app or contact support.')
    app.exit(1)
    return
  }

  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(denyPermissionRequest(permission)))
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => denyPermissionRequest(permission))

  const appUrl = rendererUrl()
  const served = host
  registerIpc(ipcMain, allChannels(), (frameUrl) => isTrustedSender(frameUrl, appUrl), (channel, input) => served.call(channel, input), consoleLogger)
  // Job progress goes to every window of ours (there is one); the preload hands it to api.jobs.onProgress.
  served.onJobEvent((event) => {
    for (const win of BrowserWindow.getAllWindows()) if (!win.isDestroyed()) win.webContents.send(JOB_EVENTS_CHANNEL, event)
  })
  createWindow()
  // Backups only once a practice database is open (at start-up, or after the recovery screen opened one).
  scheduleDailyBackups(backupDirIn(dataDir))
}

const HOUR_MS = 60 * 60 * 1000

/**
 * A daily backup once the database is open (today's first start, or after recovery), then
 * checked hourly for machines left running. It looks up the current core on every run: a
 * restore while running replaces it.
 */
function scheduleDailyBackups(backupDir: string): void {
  const run = () => {
    const core = host?.core
    if (!core) return
    void runAutomaticBackup(core.connection.sqlite, backupDir, 'daily', new Date(), core.connection.key).catch((err: { code?: string }) =>
      consoleLogger.error('backup.daily_failed', { code: err?.code ?? 'unknown' })
    )
  }
  run()
  host?.onReady(() => run())
  setInterval(run, HOUR_MS).unref()
}

let quitting = false
/** Quit waits for one last verified backup, then closes the database. */
async function backupAndClose(): Promise<void> {
  if (!host) return
  const core = host.core
  try {
    // In recovery mode there is no open database to back up: the damaged file stays as it is.
    if (core) await runAutomaticBackup(core.connection.sqlite, host.backupDir, 'quit', new Date(), core.connection.key)
  } catch (err) {
    consoleLogger.error('backup.quit_failed', { code: (err as { code?: string })?.code ?? 'unknown' })
  } finally {
    host.close()
    host = null
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
    if (host && BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('before-quit', (event) => {
    if (quitting || !host) return
    event.preventDefault()
    quitting = true
    void backupAndClose().finally(() => app.quit())
  })
}
