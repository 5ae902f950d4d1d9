/**
 * Backups, restore and the start-up recovery check. No electron: the main process, scripts
 * and tests use the same functions.
 */
export { BACKUP_REASONS, backupFileName, parseBackupName, type BackupReason } from './names'
export { backupsToKeep, DEFAULT_RETENTION, dueForDailyBackup, isoWeekKey, pruneBackups, type CalendarOptions, type RetentionPolicy } from './retention'
export { applyRetention, createBackup, listBackups, type BackupEntry, type CreateBackupOptions } from './create'
export { restoreBackup, setAsideDatabase, undoRestore, verifyBackupFile, type RestoreOptions, type RestoreResult, type UndoRestoreOptions } from './restore'
export { inspectDatabase, type DatabaseInspection, type DatabaseState } from './inspect'
export { checkDatabaseAtStartup, type StartupCheck } from './recovery'
export { BackupError, type BackupErrorCode } from './sqlite-file'
export { runAutomaticBackup } from './schedule'
