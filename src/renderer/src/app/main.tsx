// oxlint-disable-next-line import/no-unassigned-import -- must run before any schema is used
import './zod-csp'
import { StrictMode, type CSSProperties } from 'react'
import { createRoot } from 'react-dom/client'
import { QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from 'react-router'
import { Toaster } from 'sonner'
import { ErrorBoundary } from '@renderer/components/ErrorBoundary'
import { queryClient } from './queryClient'
import { router } from './router'
// oxlint-disable-next-line import/no-unassigned-import -- the app's stylesheet (Tailwind)
import '../styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('The #root element is missing from index.html')

/** React's own error reports print messages and stacks; keep the console free of anything that could carry PHI. */
const errorName = (error: unknown) => (error instanceof Error ? error.name : typeof error)

createRoot(root, {
  // Caught by an ErrorBoundary, which logs what failed (name and component only).
  onCaughtError: () => {},
  onUncaughtError: (error) => console.error(`[ui] uncaught render error: ${errorName(error)}`),
  onRecoverableError: (error) => console.warn(`[ui] recovered from a render error: ${errorName(error)}`)
}).render(
  <StrictMode>
    <ErrorBoundary label="the app" fullscreen>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
        {/* Toasts live in the sidebar's empty lower part (it is 13rem wide), above the user menu, so
            they never cover a table, a form or a page's actions. */}
        <Toaster position="bottom-left" closeButton duration={4000} offset={{ left: 8, bottom: 88 }} visibleToasts={3} style={{ '--width': '12rem' } as CSSProperties} />
      </QueryClientProvider>
    </ErrorBoundary>
  </StrictMode>
)
