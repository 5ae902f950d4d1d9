import { createHashRouter } from 'react-router'
import { ClientChartPage } from '@renderer/features/clients/chart/ClientChartPage'
import { ClientsPage } from '@renderer/features/clients/ClientsPage'
import { EditClientPage, NewClientPage } from '@renderer/features/clients/ClientFormPage'
import { DashboardPage } from '@renderer/features/dashboard/DashboardPage'
import { SessionsPage } from '@renderer/features/sessions/SessionsPage'
import { BillingPage } from '@renderer/features/billing/BillingPage'
import { SettingsPage } from '@renderer/features/settings/SettingsPage'
import { AuditLogPage } from '@renderer/features/audit/AuditLogPage'
import { NoteEditorPage } from '@renderer/features/notes/NoteEditorPage'
import { NoteSearchPage } from '@renderer/features/notes/NoteSearchPage'
import { StartupGate } from './StartupGate'
import { NotFoundPage } from './NotFoundPage'
import { RouteError } from './RouteError'

/** `handle.label` names the page in its error boundary ("Something went wrong showing …"). */
export const router = createHashRouter([
  {
    path: '/',
    element: <StartupGate />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <DashboardPage />, handle: { label: 'the dashboard' } },
      { path: 'clients', element: <ClientsPage />, handle: { label: 'the client list' } },
      { path: 'clients/new', element: <NewClientPage />, handle: { label: 'the new client form' } },
      { path: 'clients/:clientId/edit', element: <EditClientPage />, handle: { label: 'the client form' } },
      { path: 'clients/:clientId/*', element: <ClientChartPage />, handle: { label: 'this client’s chart' } },
      { path: 'sessions', element: <SessionsPage />, handle: { label: 'sessions' } },
      { path: 'billing', element: <BillingPage />, handle: { label: 'billing' } },
      { path: 'settings', element: <SettingsPage />, handle: { label: 'settings' } },
      { path: 'settings/audit', element: <AuditLogPage />, handle: { label: 'the audit log' } },
      { path: 'settings/:section', element: <SettingsPage />, handle: { label: 'settings' } },
      { path: 'notes/search', element: <NoteSearchPage />, handle: { label: 'note search' } },
      { path: 'notes/:noteId', element: <NoteEditorPage />, handle: { label: 'this note' } },
      { path: '*', element: <NotFoundPage />, handle: { label: 'this page' } }
    ]
  }
])
