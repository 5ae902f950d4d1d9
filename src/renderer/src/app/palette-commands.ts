import type { LucideIcon } from 'lucide-react'
import { Banknote, CalendarDays, CalendarPlus, FileSearch, LayoutDashboard, ScrollText, Settings, UserPlus, Users } from 'lucide-react'
import type { Role } from '@shared/domain/roles'
import { can } from '@renderer/features/auth/access'
import { settingsPath, settingsSectionsFor } from '@renderer/features/settings/sections'

/** What Ctrl+K offers besides clients: an action or a page, each a route to go to. */
export interface PaletteCommand {
  id: string
  group: 'Actions' | 'Pages' | 'Settings'
  label: string
  to: string
  icon: LucideIcon
  /** Other words that find it ("calendar" finds Sessions). */
  keywords?: string
}

/** Every command `role` may use, in the order the palette shows them. */
export function paletteCommands(role: Role | null | undefined): PaletteCommand[] {
  const commands: PaletteCommand[] = [
    { id: 'schedule', group: 'Actions', label: 'Schedule session', to: '/sessions?book=1', icon: CalendarPlus, keywords: 'book appointment new session' },
    { id: 'new-client', group: 'Actions', label: 'New client', to: '/clients/new', icon: UserPlus, keywords: 'add client intake' },
    { id: 'search-notes', group: 'Actions', label: 'Search notes', to: '/notes/search', icon: FileSearch, keywords: 'find note text full-text' },
    { id: 'dashboard', group: 'Pages', label: 'Dashboard', to: '/', icon: LayoutDashboard, keywords: 'home today' },
    { id: 'clients', group: 'Pages', label: 'Clients', to: '/clients', icon: Users, keywords: 'client list' },
    { id: 'sessions', group: 'Pages', label: 'Sessions', to: '/sessions', icon: CalendarDays, keywords: 'schedule calendar agenda week day' },
    { id: 'billing', group: 'Pages', label: 'Billing', to: '/billing', icon: Banknote, keywords: 'invoices payments aging charges superbill' }
  ]
  for (const section of settingsSectionsFor(role)) {
    commands.push({ id: `settings-${section.slug}`, group: 'Settings', label: `Settings: ${section.label}`, to: settingsPath(section.slug), icon: Settings, keywords: section.keywords })
  }
  if (can(role, 'viewAuditLog')) {
    commands.push({ id: 'audit', group: 'Settings', label: 'Audit log', to: '/settings/audit', icon: ScrollText, keywords: 'history who changed opened' })
  }
  return commands
}

const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ')

/** Commands whose label or keywords contain a word starting with each typed word; all when empty. */
export function matchCommands(commands: PaletteCommand[], query: string): PaletteCommand[] {
  const tokens = fold(query).split(' ').filter(Boolean)
  if (tokens.length === 0) return commands
  return commands.filter((c) => {
    const words = fold(`${c.label} ${c.keywords ?? ''}`).split(' ')
    return tokens.every((t) => words.some((w) => w.startsWith(t)))
  })
}
