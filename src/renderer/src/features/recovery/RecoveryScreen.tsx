import { useState } from 'react'
import { toast } from 'sonner'
import { ArchiveRestore, DatabaseZap, FilePlus2, Lock, RotateCw } from 'lucide-react'
import type { BackupSummary, RecoveryStatus } from '@shared/contracts/recovery'
import { Badge, Button, ConfirmDialog, FormError } from '@renderer/components'
import { formatBytes, formatTimestamp } from '@renderer/lib/format'
import { useRestoreBackup, useRetryOpen, useStartFresh } from './queries'

const REASON_WORDS: Record<BackupSummary['reason'], string> = {
  daily: 'Daily backup',
  quit: 'Made when the app was closed',
  manual: 'Made by hand',
  'pre-migration': 'Made before an app update',
  'pre-restore': 'Made before a restore'
}

const HEADLINES: Record<Exclude<RecoveryStatus['state'], 'ok'>, { title: string; body: string }> = {
  corrupt: {
    title: 'Your practice database needs attention',
    body: 'The database file looks damaged or incomplete. This can happen after a power cut, a full disk or a crash while saving.'
  },
  not_a_database: {
    title: 'Your practice database needs attention',
    body: 'The file where your practice is stored is not a database KAP Practice can read. It may have been replaced or overwritten.'
  },
  locked: {
    title: 'The practice database is in use',
    body: 'Another program — or another copy of KAP Practice — is using the database, or this account is not allowed to open it. Close the other program, then try again.'
  },
  missing: {
    title: 'The practice database is missing',
    body: 'The database file is no longer in its folder, but backups of it are. Restore a backup to continue where you left off.'
  }
}

/**
 * Shown instead of the app when the practice database cannot be opened: what happened in plain
 * words, the backups to restore (newest first), a fresh start that keeps the damaged file, and
 * "Try again" when the file is in use. No sidebar: nothing else works until this is settled.
 */
export function RecoveryScreen({ status }: { status: RecoveryStatus & { state: Exclude<RecoveryStatus['state'], 'ok'> } }) {
  const headline = HEADLINES[status.state]
  const locked = status.state === 'locked'
  const [chosen, setChosen] = useState<BackupSummary | null>(null)
  const [confirmFresh, setConfirmFresh] = useState(false)
  const restore = useRestoreBackup()
  const startFresh = useStartFresh()
  const retry = useRetryOpen()

  return (
    <main className="h-full overflow-y-auto bg-canvas">
      <div className="mx-auto max-w-3xl px-8 pt-14 pb-10">
        <div className="mb-8">
          <div aria-hidden="true" className="mb-4 flex size-10 items-center justify-center rounded-full bg-amber-50 text-amber-700">
            {locked ? <Lock className="size-5" /> : <DatabaseZap className="size-5" />}
          </div>
          <h1 className="text-2xl font-semibold tracking-tight text-ink">{headline.title}</h1>
          <p className="mt-2 max-w-2xl text-[15px] leading-relaxed text-ink-soft">
            {status.state === 'missing' ? 'KAP Practice could not find its database.' : 'KAP Practice could not open its database.'}{' '}
            <strong className="font-medium text-ink">Your data has not been changed.</strong>
          </p>
          <p className="mt-2 max-w-2xl text-[15px] leading-relaxed text-ink-soft">{headline.body}</p>
        </div>

        {locked ? (
          <section className="rounded-lg border border-line bg-surface px-6 py-5 shadow-xs">
            <FormError error={retry.error} className="mb-4" />
            <Button variant="primary" busy={retry.isPending} onClick={() => retry.mutate(undefined, { onSuccess: (s) => s.state === 'ok' && toast.success('The practice database is open.') })}>
              <RotateCw aria-hidden="true" />
              Try again
            </Button>
          </section>
        ) : (
          <>
            <section aria-labelledby="recovery-backups" className="rounded-lg border border-line bg-surface shadow-xs">
              <div className="border-b border-line px-6 py-4">
                <h2 id="recovery-backups" className="text-[15px] font-semibold text-ink">
                  Restore a backup
                </h2>
                <p className="mt-1 text-sm text-ink-soft">
                  KAP Practice keeps verified backups on this computer. Restoring one brings the practice back as it was at that time; anything
                  entered after it will not be there.
                </p>
              </div>
              {status.backups.length === 0 ? (
                <p className="px-6 py-6 text-sm text-ink-soft">No backups were found in the backups folder.</p>
              ) : (
                <ul className="divide-y divide-line">
                  {status.backups.map((backup, index) => (
                    <li key={backup.fileName} className="flex items-center gap-4 px-6 py-3">
                      <div className="min-w-0 flex-1">
                        <div className="flex items-center gap-2 text-sm font-medium text-ink">
                          <span className="num">{formatTimestamp(backup.createdAt)}</span>
                          {index === 0 && <Badge tone="accent">Newest</Badge>}
                        </div>
                        <div className="mt-0.5 text-[13px] text-ink-soft">
                          {REASON_WORDS[backup.reason]} <span aria-hidden="true">·</span> <span className="num">{formatBytes(backup.bytes)}</span>
                        </div>
                      </div>
                      <Button
                        variant={index === 0 ? 'primary' : 'secondary'}
                        aria-label={`Restore this backup from ${formatTimestamp(backup.createdAt)}`}
                        onClick={() => {
                          restore.reset()
                          setChosen(backup)
                        }}
                      >
                        <ArchiveRestore aria-hidden="true" />
                        Restore this backup
                      </Button>
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <section aria-labelledby="recovery-fresh" className="mt-6 rounded-lg border border-line bg-surface px-6 py-5 shadow-xs">
              <h2 id="recovery-fresh" className="text-[15px] font-semibold text-ink">
                Start with an empty practice
              </h2>
              <p className="mt-1 text-sm text-ink-soft">
                Only if no backup will do. The damaged file is not deleted: it is kept aside in the backups folder, so it can still be looked at
                or repaired later.
              </p>
              <Button
                className="mt-4"
                onClick={() => {
                  startFresh.reset()
                  setConfirmFresh(true)
                }}
              >
                <FilePlus2 aria-hidden="true" />
                Start with an empty practice
              </Button>
            </section>
          </>
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
                The damaged database is kept aside in the backups folder.
              </p>
              <FormError error={restore.error} className="mt-3" />
            </>
          )
        }
        confirmLabel="Restore this backup"
        busy={restore.isPending}
        onConfirm={() => {
          if (!chosen) return
          restore.mutate(chosen.fileName, {
            onSuccess: () => {
              toast.success(`Restored the backup from ${formatTimestamp(chosen.createdAt)}.`)
              setChosen(null)
            }
          })
        }}
      />
      <ConfirmDialog
        open={confirmFresh}
        onOpenChange={setConfirmFresh}
        title="Start with an empty practice?"
        body={
          <>
            <p>KAP Practice will open with no clients and no practice profile. The damaged database is moved, not deleted: it stays in the backups folder.</p>
            <FormError error={startFresh.error} className="mt-3" />
          </>
        }
        confirmLabel="Start with an empty practice"
        busy={startFresh.isPending}
        onConfirm={() =>
          startFresh.mutate(undefined, {
            onSuccess: () => {
              toast.success('Started an empty practice. The damaged file was kept in the backups folder.')
              setConfirmFresh(false)
            }
          })
        }
      />
    </main>
  )
}
