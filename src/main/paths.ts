import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const APP_NAME = 'KAP Practice'

/**
 * Where the practice's data lives: KAP_DATA_DIR when set (tests, demos, a custom location),
 * else the same per-user folder Electron's app.getPath('userData') gives for this app name,
 * so Node scripts (seed, harness) and the app agree without importing Electron.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.KAP_DATA_DIR) return env.KAP_DATA_DIR
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME)
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME)
}

export const databasePathIn = (dataDir: string) => join(dataDir, 'practice.db')
export const backupDirIn = (dataDir: string) => join(dataDir, 'backups')

/** The migrations beside the app's sources (scripts, tests, the harness); the packaged app passes its own. */
export const defaultMigrationsFolder = () => resolve(process.cwd(), 'drizzle')
