import { useEffect, useState } from 'react'
import { NavLink, Outlet, useLocation, useMatches } from 'react-router'
import { Banknote, CalendarDays, FileSearch, LayoutDashboard, Search, Settings, Users } from 'lucide-react'
import { ErrorBoundary } from '@renderer/components'
import { cn } from '@renderer/lib/cn'
import { LockButton, UserMenu } from '@renderer/features/auth/UserMenu'
import { CommandPalette } from './CommandPalette'
import { UnsavedChangesPrompt } from './UnsavedChangesPrompt'

const NAV = [
  { to: '/', label: 'Dashboard', icon: LayoutDashboard, end: true },
  { to: '/clients', label: 'Clients', icon: Users, end: false },
  { to: '/sessions', label: 'Sessions', icon: CalendarDays, end: false },
  { to: '/notes/search', label: 'Note search', icon: FileSearch, end: true },
  { to: '/billing', label: 'Billing', icon: Banknote, end: false },
  { to: '/settings', label: 'Settings', icon: Settings, end: false }
] as const

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent)

/** The window: sidebar, top bar with quick search, and the page, which takes the window's width. */
export function AppShell({ practiceName }: { practiceName: string }) {
  const [searchOpen, setSearchOpen] = useState(false)
  const location = useLocation()
  const matches = useMatches()
  const label = (matches.at(-1)?.handle as { label?: string } | undefined)?.label

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        setSearchOpen((open) => !open)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return (
    <div className="flex h-full">
      <a
        href="#main"
        onClick={(e) => {
          e.preventDefault()
          document.getElementById('main')?.focus()
        }}
        className="sr-only z-50 rounded-md bg-surface px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <aside className="flex w-52 shrink-0 flex-col border-r border-line bg-sunken/60">
        <div className="flex h-12 items-center gap-2 px-3">
          <span aria-hidden="true" className="flex size-6 items-center justify-center rounded-md bg-accent-600 text-[11px] font-bold text-white">
            K
          </span>
          <span className="line-clamp-2 text-[13px] leading-tight font-semibold text-ink" title={practiceName}>
            {practiceName}
          </span>
        </div>
        <nav aria-label="Main" className="flex-1 px-2 py-2">
          <ul className="space-y-0.5">
            {NAV.map(({ to, label: text, icon: Icon, end }) => (
              <li key={to}>
                <NavLink
                  to={to}
                  end={end}
                  className={({ isActive }) =>
                    cn(
                      'flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm transition-colors',
                      isActive ? 'bg-surface font-medium text-accent-800 shadow-xs ring-1 ring-line' : 'text-ink-soft hover:bg-surface/70 hover:text-ink'
                    )
                  }
                >
                  <Icon aria-hidden="true" className="size-4 shrink-0" />
                  {text}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <p className="px-4 pb-2 text-2xs text-ink-faint">Your records stay on this computer.</p>
        <div className="border-t border-line px-2 py-2">
          <UserMenu />
        </div>
      </aside>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-12 shrink-0 items-center gap-3 border-b border-line bg-surface px-4">
          <button
            type="button"
            onClick={() => setSearchOpen(true)}
            aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
            className="flex h-8 w-full max-w-md items-center gap-2 rounded-md border border-line bg-canvas px-2.5 text-sm text-ink-faint hover:border-line-strong hover:text-ink-soft"
          >
            <Search aria-hidden="true" className="size-4" />
            <span className="flex-1 text-left">Search clients, pages and commands…</span>
            <kbd className="rounded border border-line bg-surface px-1.5 font-sans text-2xs text-ink-faint">{isMac ? '⌘K' : 'Ctrl K'}</kbd>
          </button>
          <div className="ml-auto">
            <LockButton />
          </div>
        </header>
        <main id="main" tabIndex={-1} className="relative min-h-0 flex-1 overflow-y-auto focus:outline-none">
          <div className="h-full px-8 py-6">
            <ErrorBoundary label={label} resetKey={location.pathname}>
              <Outlet />
            </ErrorBoundary>
          </div>
        </main>
      </div>

      <CommandPalette open={searchOpen} onOpenChange={setSearchOpen} />
      <UnsavedChangesPrompt />
    </div>
  )
}
