import { auditContracts } from './audit'
import { authContracts } from './auth'
import { backupsContracts } from './backups'
import { billingContracts } from './billing'
import { clientsContracts } from './clients'
import type { Contract, Result } from './contract'
import { consentsContracts } from './consents'
import { coursesContracts } from './courses'
import { dashboardContracts } from './dashboard'
import { documentsContracts } from './documents'
import { diagnosesContracts } from './diagnoses'
import { exportsContracts } from './exports'
import { insuranceContracts } from './insurance'
import { jobsContracts } from './jobs'
import { measuresContracts } from './measures'
import { notesContracts } from './notes'
import { practiceContracts } from './practice'
import { recoveryContracts } from './recovery'
import { remindersContracts } from './reminders'
import { screeningContracts } from './screening'
import { seriesContracts } from './series'
import { sessionsContracts } from './sessions'
import { settingsContracts } from './settings'
import { usersContracts } from './users'
import type { z } from 'zod'

/** The registry: every IPC call the renderer can make, grouped by domain. */
export const contracts = {
  clients: clientsContracts,
  insurance: insuranceContracts,
  diagnoses: diagnosesContracts,
  screening: screeningContracts,
  consents: consentsContracts,
  sessions: sessionsContracts,
  series: seriesContracts,
  reminders: remindersContracts,
  courses: coursesContracts,
  notes: notesContracts,
  measures: measuresContracts,
  dashboard: dashboardContracts,
  practice: practiceContracts,
  settings: settingsContracts,
  audit: auditContracts,
  exports: exportsContracts,
  billing: billingContracts,
  documents: documentsContracts,
  recovery: recoveryContracts,
  backups: backupsContracts,
  jobs: jobsContracts,
  auth: authContracts,
  users: usersContracts
}
export type Contracts = typeof contracts
export type Domain = keyof Contracts

export const allContracts = (): Contract[] =>
  Object.values(contracts).flatMap((group) => Object.values(group) as Contract[])

export const allChannels = (): string[] => allContracts().map((c) => c.channel)

/**
 * Domains served by the start-up host (src/main/startup.ts) rather than the practice router:
 * recovery must answer while the database is not open, backups:restore swaps the open core,
 * jobs run in a worker beside whatever core is open, and auth and users hold the keyring, which opens the database in the first place.
 */
export const HOST_DOMAINS = ['recovery', 'backups', 'jobs', 'auth', 'users'] as const
export type HostDomain = (typeof HOST_DOMAINS)[number]
export type CoreDomain = Exclude<Domain, HostDomain>

/** The contracts the practice router (the app core) serves: everything but the host's. */
export const coreContracts = (): Contract[] =>
  Object.entries(contracts)
    .filter(([domain]) => !(HOST_DOMAINS as readonly string[]).includes(domain))
    .flatMap(([, group]) => Object.values(group) as Contract[])

export const coreChannels = (): string[] => coreContracts().map((c) => c.channel)

/** The typed API the renderer sees: `api.clients.list(input)` → Result. */
export type Api = {
  [D in Domain]: {
    [V in keyof Contracts[D]]: Contracts[D][V] extends Contract<infer I, infer O>
      ? (input: z.input<I>) => Promise<Result<z.output<O>>>
      : never
  }
} & {
  /** The push channel of jobs (`jobs:progress`): the payload is checked against jobEvent by the renderer. */
  jobs: { onProgress(listener: (payload: unknown) => void): () => void }
}

export * from './contract'
