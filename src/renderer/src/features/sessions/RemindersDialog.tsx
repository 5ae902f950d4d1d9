/**
 * Reminders without a network: a calendar file (.ics) the client imports into their phone, or a
 * printable appointment card — for one session or every upcoming one. Without "include details"
 * they say only the client's first name and the times. Files go into the data folder's exports/.
 */
import { useState } from 'react'
import { CalendarArrowDown, Printer } from 'lucide-react'
import { Button, Dialog, FormError } from '@renderer/components'
import { formatClock, formatDayShort } from './dates'
import { useReminder } from './queries'

export interface RemindersTarget {
  clientId: string
  clientName: string
  /** One session; left out, every upcoming scheduled session of the client. */
  session?: { id: string; date: string; startTime: string }
}

export function RemindersDialog({ target, onOpenChange }: { target: RemindersTarget | null; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog
      open={target !== null}
      onOpenChange={onOpenChange}
      title="Appointment reminders"
      description={
        target?.session
          ? `The session on ${formatDayShort(target.session.date)} at ${formatClock(target.session.startTime)}, for ${target.clientName}.`
          : `Every upcoming session of ${target?.clientName ?? 'the client'}.`
      }
      size="md"
    >
      {target && <RemindersForm target={target} onDone={() => onOpenChange(false)} />}
    </Dialog>
  )
}

function RemindersForm({ target, onDone }: { target: RemindersTarget; onDone: () => void }) {
  const [includeDetails, setIncludeDetails] = useState(false)
  const reminder = useReminder()
  const make = (format: 'ics' | 'card') => reminder.mutate({ format, clientId: target.clientId, sessionId: target.session?.id ?? null, includeDetails })
  return (
    <div className="space-y-4">
      <FormError error={reminder.error} />
      <label className="flex items-start gap-2 text-sm text-ink select-none">
        <input type="checkbox" className="mt-0.5 size-4 shrink-0 accent-accent-600" checked={includeDetails} onChange={(e) => setIncludeDetails(e.target.checked)} />
        <span>
          Include details
          <span className="block text-[13px] text-ink-soft">
            The kind of session and, in the calendar file, the practice’s name and address. Left off, a reminder shows only the first name and the time — safe on a shared or
            synced calendar.
          </span>
        </span>
      </label>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" busy={reminder.isPending && reminder.variables?.format === 'ics'} disabled={reminder.isPending} onClick={() => make('ics')}>
          <CalendarArrowDown aria-hidden="true" />
          Calendar file (.ics)
        </Button>
        <Button busy={reminder.isPending && reminder.variables?.format === 'card'} disabled={reminder.isPending} onClick={() => make('card')}>
          <Printer aria-hidden="true" />
          Appointment card (PDF)
        </Button>
      </div>
      {reminder.data && (
        <output className="block rounded-md border border-line bg-sunken/40 px-3 py-2 text-[13px] text-ink-soft" data-testid="reminder-result">
          Saved {reminder.data.appointments} appointment{reminder.data.appointments === 1 ? '' : 's'} as <span className="num font-medium text-ink">{reminder.data.fileName}</span> in the
          exports folder:
          <span className="num mt-0.5 block break-all text-ink">{reminder.data.path}</span>
        </output>
      )}
      <div className="flex justify-end border-t border-line pt-3">
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  )
}
