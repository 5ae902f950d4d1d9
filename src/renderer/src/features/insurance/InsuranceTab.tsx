import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { toast } from 'sonner'
import { Archive, Pencil, Plus, ShieldCheck } from 'lucide-react'
import type { InsurancePolicy } from '@shared/contracts/insurance'
import { POLICY_RANKS, SUBSCRIBER_RELATIONSHIPS } from '@shared/domain/insurance'
import { Badge, Button, ConfirmDialog, EmptyState, ErrorState, FormError, LoadingAnnouncement, Skeleton } from '@renderer/components'
import { formatDate } from '@renderer/lib/format'
import { cn } from '@renderer/lib/cn'
import { formatDay, NotRecorded, ReadOnlyNote, TabToolbar, ToggleFilter } from '../clients/chart/parts'
import { PolicyDialog, RANK_LABELS } from './PolicyDialog'
import { insuranceListQuery, useArchivePolicy } from './queries'

const rankOrder = (p: InsurancePolicy) => (p.archivedAt ? 10 : 0) + POLICY_RANKS.indexOf(p.rank)

export function InsuranceTab({ clientId, readOnly }: { clientId: string; readOnly: boolean }) {
  const [showArchived, setShowArchived] = useState(false)
  const [editing, setEditing] = useState<{ policy: InsurancePolicy | null } | null>(null)
  const [archiving, setArchiving] = useState<InsurancePolicy | null>(null)
  const policies = useQuery({ ...insuranceListQuery(clientId, showArchived), placeholderData: (prev) => prev })
  const archive = useArchivePolicy(clientId)

  const list = [...(policies.data ?? [])].sort((a, b) => rankOrder(a) - rankOrder(b))
  const current = list.filter((p) => p.archivedAt === null)
  const freeRank = POLICY_RANKS.find((r) => !current.some((p) => p.rank === r))
  const canAdd = !readOnly && freeRank !== undefined

  const addButton = (
    <Button variant="primary" disabled={!canAdd} onClick={() => setEditing({ policy: null })} title={freeRank ? undefined : 'Primary, secondary and tertiary are all in use — archive one first'}>
      <Plus aria-hidden="true" />
      Add policy
    </Button>
  )

  return (
    <div>
      <TabToolbar title="Insurance" count={policies.data ? `${current.length} current` : undefined}>
        <ToggleFilter label="Show archived" checked={showArchived} onChange={setShowArchived} />
        {readOnly ? <ReadOnlyNote /> : addButton}
      </TabToolbar>

      {policies.isPending ? (
        <div aria-busy="true" className="space-y-3">
          <LoadingAnnouncement label="Loading insurance…" />
          {[0, 1].map((i) => (
            <div key={i} className="h-[92px] rounded-lg border border-line bg-surface px-4 py-3.5">
              <Skeleton className="mb-3 h-4 w-56" />
              <Skeleton className="w-96 max-w-full" />
            </div>
          ))}
        </div>
      ) : policies.isError ? (
        <ErrorState title="Insurance could not be loaded" error={policies.error} onRetry={() => void policies.refetch()} className="rounded-lg border border-line bg-surface" />
      ) : list.length === 0 ? (
        <EmptyState
          className="rounded-lg border border-dashed border-line-strong bg-surface"
          icon={<ShieldCheck />}
          title={showArchived ? 'No insurance policies on file' : 'No current insurance'}
          body={
            readOnly
              ? 'This client is archived; restore them to add a policy.'
              : 'Add the policy from the client’s insurance card so superbills carry the payer and member ID. Self-pay clients need none.'
          }
          action={readOnly ? undefined : addButton}
        />
      ) : (
        <ul aria-label="Insurance policies" className={cn('space-y-3', policies.isPlaceholderData && 'opacity-60')}>
          {list.map((p) => (
            <PolicyCard key={p.id} policy={p} readOnly={readOnly} onEdit={() => setEditing({ policy: p })} onArchive={() => setArchiving(p)} />
          ))}
        </ul>
      )}

      <PolicyDialog
        clientId={clientId}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        policy={editing?.policy ?? null}
        freeRank={editing?.policy?.rank ?? freeRank ?? 'primary'}
      />

      <ConfirmDialog
        open={archiving !== null}
        onOpenChange={(open) => {
          if (!open) setArchiving(null)
          archive.reset()
        }}
        title="Archive this policy?"
        body={
          <>
            The {archiving ? RANK_LABELS[archiving.rank].toLowerCase() : ''} policy with {archiving?.payerName} stays on file for past bills but is no
            longer used for new ones. This cannot be undone; add the policy again if it was archived by mistake.
          </>
        }
        confirmLabel="Archive policy"
        tone="danger"
        busy={archive.isPending}
        onConfirm={() =>
          archiving &&
          archive.mutate(archiving.id, {
            onSuccess: () => {
              setArchiving(null)
              toast.success('Policy archived')
            }
          })
        }
      >
        <FormError error={archive.error} />
      </ConfirmDialog>
    </div>
  )
}

function PolicyCard({ policy: p, readOnly, onEdit, onArchive }: { policy: InsurancePolicy; readOnly: boolean; onEdit: () => void; onArchive: () => void }) {
  const archived = p.archivedAt !== null
  const titleId = `policy-${p.id}`
  return (
    <li aria-labelledby={titleId} className={cn('rounded-lg border border-line bg-surface px-4 py-3', archived && 'border-dashed')}>
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <Badge tone={archived ? 'neutral' : p.rank === 'primary' ? 'accent' : 'neutral'}>{RANK_LABELS[p.rank]}</Badge>
          <h3 id={titleId} className={cn('text-[15px] font-semibold', archived ? 'text-ink-soft' : 'text-ink')}>
            {p.payerName}
          </h3>
          {p.payerId && <span className="num text-[13px] text-ink-faint">Payer ID {p.payerId}</span>}
          {archived && <Badge>Archived {formatDay(p.archivedAt)}</Badge>}
        </div>
        {!readOnly && !archived && (
          <div className="flex shrink-0 gap-1">
            <Button size="sm" variant="ghost" onClick={onEdit} aria-describedby={titleId}>
              <Pencil aria-hidden="true" />
              Edit
            </Button>
            <Button size="sm" variant="ghost" onClick={onArchive} aria-describedby={titleId}>
              <Archive aria-hidden="true" />
              Archive
            </Button>
          </div>
        )}
      </div>
      <dl className="mt-2 flex flex-wrap gap-x-8 gap-y-1.5 text-sm">
        <div>
          <dt className="text-xs text-ink-faint">Member ID</dt>
          <dd className="num text-ink">{p.memberId}</dd>
        </div>
        <div>
          <dt className="text-xs text-ink-faint">Group number</dt>
          <dd className="num text-ink">{p.groupNumber ?? <NotRecorded>None</NotRecorded>}</dd>
        </div>
        <div>
          <dt className="text-xs text-ink-faint">Subscriber</dt>
          <dd className="text-ink">
            {p.relationship === 'self' ? (
              'The client'
            ) : (
              <>
                {p.subscriberName}
                {p.subscriberDateOfBirth && <span className="num text-ink-soft">, born {formatDate(p.subscriberDateOfBirth)}</span>}
              </>
            )}
          </dd>
        </div>
        {p.relationship !== 'self' && (
          <div>
            <dt className="text-xs text-ink-faint">Client’s relationship</dt>
            <dd className="text-ink">{SUBSCRIBER_RELATIONSHIPS[p.relationship]}</dd>
          </div>
        )}
      </dl>
    </li>
  )
}
