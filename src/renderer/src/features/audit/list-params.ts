import type { AuditListInput } from '@shared/contracts/audit'
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AuditAction, type AuditEntity } from '@shared/domain/audit'

/** The viewer's state as it lives in the URL: `#/settings/audit?action=view&client=<id>&page=2`. */
export interface AuditListState {
  action: AuditAction | ''
  entity: AuditEntity | ''
  /** Local calendar days, YYYY-MM-DD; both inclusive. */
  from: string
  to: string
  clientId: string
  page: number
}

export const PAGE_SIZE = 50
export const DEFAULT_AUDIT_STATE: AuditListState = { action: '', entity: '', from: '', to: '', clientId: '', page: 0 }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The local midnight starting a YYYY-MM-DD day, shifted by whole days; null for a malformed day. */
function localMidnight(day: string, addDays = 0): Date | null {
  if (!DAY.test(day)) return null
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const date = new Date(y, m - 1, d + addDays)
  return Number.isNaN(date.getTime()) || date.getFullYear() < 1900 || date.getFullYear() > 9999 ? null : date
}
export const isDay = (s: string) => localMidnight(s) !== null

export function readAuditState(params: URLSearchParams): AuditListState {
  const action = params.get('action') ?? ''
  const entity = params.get('record') ?? ''
  const from = params.get('from') ?? ''
  const to = params.get('to') ?? ''
  const clientId = params.get('client') ?? ''
  const page = Number.parseInt(params.get('page') ?? '', 10)
  return {
    action: (AUDIT_ACTIONS as readonly string[]).includes(action) ? (action as AuditAction) : '',
    entity: (AUDIT_ENTITIES as readonly string[]).includes(entity) ? (entity as AuditEntity) : '',
    from: isDay(from) ? from : '',
    to: isDay(to) ? to : '',
    clientId: UUID.test(clientId) ? clientId.toLowerCase() : '',
    page: Number.isFinite(page) && page > 0 ? Math.min(page - 1, 100_000) : 0
  }
}

/** Only non-default values go into the URL. */
export function writeAuditState(state: AuditListState): URLSearchParams {
  const params = new URLSearchParams()
  if (state.action) params.set('action', state.action)
  if (state.entity) params.set('record', state.entity)
  if (state.from) params.set('from', state.from)
  if (state.to) params.set('to', state.to)
  if (state.clientId) params.set('client', state.clientId)
  if (state.page > 0) params.set('page', String(state.page + 1))
  return params
}

/** True when the "to" day comes before the "from" day (the range is then not sent). */
export const rangeReversed = (s: AuditListState) => s.from !== '' && s.to !== '' && s.to < s.from

/** The query: local days become UTC instants, the "to" day counted whole (up to the next midnight, exclusive). */
export function toAuditInput(state: AuditListState): AuditListInput {
  const reversed = rangeReversed(state)
  const from = !reversed && state.from ? localMidnight(state.from) : null
  const to = !reversed && state.to ? localMidnight(state.to, 1) : null
  return {
    ...(state.action ? { action: state.action } : {}),
    ...(state.entity ? { entity: state.entity } : {}),
    ...(state.clientId ? { clientId: state.clientId } : {}),
    ...(from ? { from: from.toISOString() } : {}),
    ...(to ? { to: to.toISOString() } : {}),
    page: state.page,
    pageSize: PAGE_SIZE
  }
}

export const hasAuditFilters = (s: AuditListState) => s.action !== '' || s.entity !== '' || s.from !== '' || s.to !== '' || s.clientId !== ''

/** A link to the log filtered to one client (for a chart's "Audit log" link). */
export const auditLogHref = (patch: Partial<AuditListState> = {}) => {
  const qs = writeAuditState({ ...DEFAULT_AUDIT_STATE, ...patch }).toString()
  return qs ? `/settings/audit?${qs}` : '/settings/audit'
}
