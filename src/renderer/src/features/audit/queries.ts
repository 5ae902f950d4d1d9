import { queryOptions } from '@tanstack/react-query'
import type { AuditListInput } from '@shared/contracts/audit'
import { api, unwrap } from '@renderer/lib/api'
import { useJob } from '@renderer/lib/jobs'

/** Query keys: everything about the audit log starts with ['audit']. */
export const auditKeys = {
  all: ['audit'] as const,
  list: (q: AuditListInput) => ['audit', 'list', q] as const
}

export const auditQueries = {
  /** One page of entries, newest first; filtering and paging happen in main. */
  list: (q: AuditListInput) =>
    queryOptions({
      queryKey: auditKeys.list(q),
      queryFn: () => unwrap(api().audit.list(q)),
      // The log grows with every audited call elsewhere in the app: fetch afresh on each visit.
      staleTime: 0
    })
}

/** Walks the whole chain in main. Not cached: each press checks the log as it is now. */
/** Walks the whole chain in a worker (a long log would freeze the window), with progress and Cancel. */
export const useVerifyAuditLog = () => useJob('auditVerify')
