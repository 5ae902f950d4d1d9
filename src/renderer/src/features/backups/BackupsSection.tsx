import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { toast } from 'sonner'
import { ArchiveRestore, DatabaseBackup, Undo2 } from 'lucide-react'
import type { BackupSummary } from '@shared/contracts/recovery'
import { Badge, Button, ConfirmDialog, ErrorState, FormError, JobProgress, LoadingRows } from '@renderer/components'
import { formatBytes, formatTimestamp } from '@renderer/lib/format'
import { setLastRestore, useLastRestore } from './lastRestore'
import { backupsQueries, useBackUpNow, useRestoreBackup, useUndoRestore } from './queries'

export const REASON_WORDS: Record<BackupSummary['reason'], string> = {
  daily: 'Daily backup',
  quit: 'When the app was closed',
  manual: 'Made by hand',
  'pre-migration': 'Before an app update',
  'pre-restore': 'Before a restore'
}

const formatTime = (iso: string) => new Intl.DateTimeFormat('en-US', { timeStyle: 'short' }).format(new Date(iso))

function Notice({ children }: { children: React.ReactNode }) {
  return <output className="mt-3 block rounded-md border border-line bg-sunken px-3 py-2.5 text-sm text-ink">{children}</output>
}

/** Settings → Backups: when the last one was made, "Back up now", and restoring any of them (with undo). */
export function BackupsSection() {
  const list = useQuery(backupsQueries.list())
  const backUp = useBackUpNow()
  const restore = useRestoreBackup()
  const undo = useUndoRestore()
  const [madeAt, setMadeAt] = useState<string | null>(null)
  const [chosen, setChosen] = useState<BackupSummary | null>(null)
  const restored = useLastRestore()

  const backups = list.data?.backups ?? []
  const last = backups[0]

  return (
    <section aria-labelledby="backups-heading" className="mt-6 rounded-lg border border-line bg-surface px-6 py-5">
      <div className="mb-5 flex items-start justify-between gap-4 border-b border-line pb-4">
        <div>
          <h2 id="backups-heading" className="text-base font-semibold text-ink">
            Backups
          </h2>
          <p className="mt-0.5 text-sm text-ink-soft" data-testid="last-backup">
            {list.isPending
              ? 'Looking for backups…'
              : last
                ? `Last backup ${formatTimestamp(last.createdAt)} (${REASON_WORDS[last.reason].toLowerCase()}).`
                : 'No backups yet. One is made every day and when the app is closed.'}
          </p>
        </div>
        <Button
          variant="primary"
          busy={backUp.isPending}
          onClick={() => {
            setMadeAt(null)
            backUp.mutate({}, { onSuccess: (b) => setMadeAt(b.createdAt) })
          }}
        >
          <DatabaseBackup aria-hidden="true" />
          Back up now
        </Button>
      </div>

      <p className="max-w-3xl text-[13px] leading-relaxed text-ink-soft">
        Verified copies of the whole practice, kept on this computer: 7 daily, 4 weekly and 12 monthly, plus one before every update and restore.
        {list.data && (
          <>
            {' '}
            Folder: <span className="font-mono text-[12.5px] break-all">{list.data.folder}</span>
          </>
        )}
      </p>
      <JobProgress label="Backing up" progress={backUp.progress} onCancel={backUp.cancel} />
      <FormError error={backUp.error} className="mt-3" />
      {madeAt && <Notice>Backed up at {formatTime(madeAt)}.</Notice>}
      {restored && (
        <Notice>
          {restored.undone ? (
            <p className="font-medium">Restore undone: the practice is back as it was before the restore.</p>
          ) : (
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div>
                <p className="font-medium">Restored the backup from {formatTimestamp(restored.from.createdAt)}.</p>
                {restored.preRestoreFileName && (
                  <p className="mt-0.5 text-[13px] text-ink-soft">The practice as it was just before is kept as a backup.</p>
                )}
              </div>
              {restored.preRestoreFileName && (
                <Button
                  busy={undo.isPending}
                  onClick={() => {
                    const preRestore = restored.preRestoreFileName
                    if (!preRestore) return
                    undo.mutate(preRestore, {
                      onSuccess: () => {
                        setLastRestore({ ...restored, undone: true })
                        toast.success('Restore undone.')
                      }
                    })
                  }}
                >
                  <Undo2 aria-hidden="true" />
                  Undo restore
                </Button>
              )}
            </div>
          )}
          <FormError error={undo.error} className="mt-2" />
        </Notice>
      )}

      <div className="mt-4 overflow-hidden rounded-md border border-line">
        {list.isPending ? (
          <LoadingRows as="div" rows={3} />
        ) : list.isError ? (
          <ErrorState error={list.error} title="The list of backups could not be read" onRetry={() => void list.refetch()} />
        ) : backups.length === 0 ? (
          <p className="px-4 py-5 text-sm text-ink-soft">No backups in the backups folder yet. Choose “Back up now” to make the first one.</p>
        ) : (
          <div className="max-h-96 overflow-y-auto">
            <table aria-label="Backups" className="w-full text-sm">
              <thead className="sticky top-0 bg-sunken text-left text-[12.5px] text-ink-soft">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Made
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Why
                  </th>
                  <th scope="col" className="px-4 py-2 text-right font-medium">
                    Size
                  </th>
                  <th scope="col" className="px-4 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {backups.map((backup, index) => (
                  <tr key={backup.fileName} className="hover:bg-sunken/60">
                    <td className="num px-4 py-2 text-ink">
                      {formatTimestamp(backup.createdAt)}
                      {index === 0 && (
                        <Badge tone="accent" className="ml-2">
                          Newest
                        </Badge>
                      )}
                    </td>
                    <td className="px-4 py-2 text-ink-soft">{REASON_WORDS[backup.reason]}</td>
                    <td className="num px-4 py-2 text-right text-ink-soft">{formatBytes(backup.bytes)}</td>
                    <td className="px-4 py-1.5 text-right">
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Restore the backup from ${formatTimestamp(backup.createdAt)}`}
                        onClick={() => {
                          restore.reset()
                          setChosen(backup)
                        }}
                      >
                        <ArchiveRestore aria-hidden="true" />
                        Restore…
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>

      <ConfirmDialog
        open={chosen !== null}
        onOpenChange={(open) => !open && setChosen(null)}
        title="Restore this backup?"
        body={
          chosen && (
            <>
              <p>
                The practice will be brought back as it was on <strong className="font-medium text-ink">{formatTimestamp(chosen.createdAt)}</strong>.
                Anything entered after that will not be there.
              </p>
              <p className="mt-2">
                Your current data is not lost: it is kept as a backup first, and “Undo restore” brings it back.
              </p>
              <FormError error={restore.error} className="mt-3" />
            </>
          )
        }
        confirmLabel="Restore this backup"
        busy={restore.isPending}
        onConfirm={() => {
          if (!chosen) return
          const from = chosen
          restore.mutate(from.fileName, {
            onSuccess: (result) => {
              setMadeAt(null)
              undo.reset()
              setLastRestore({ from, preRestoreFileName: result.preRestoreFileName })
              setChosen(null)
            }
          })
        }}
      />
    </section>
  )
}
