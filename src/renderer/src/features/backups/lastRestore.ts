import { useSyncExternalStore } from 'react'
import type { BackupSummary } from '@shared/contracts/recovery'

/**
 * The last restore of this session, kept outside the Settings page so "Undo restore" is still
 * there after the user went to check the clients and came back. Gone when the app restarts
 * (the pre-restore backup stays in the list, and restoring it is the same undo).
 */
export interface LastRestore {
  from: BackupSummary
  preRestoreFileName: string | null
  undone?: boolean
}

let current: LastRestore | null = null
const listeners = new Set<() => void>()

export function setLastRestore(value: LastRestore | null): void {
  current = value
  for (const listener of listeners) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const useLastRestore = (): LastRestore | null => useSyncExternalStore(subscribe, () => current)
