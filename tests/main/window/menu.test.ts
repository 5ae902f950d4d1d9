import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { menuTemplate } from '../../../src/main/window/menu'

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])])
const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label)

describe('menuTemplate', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('on %s: App, Edit with undo/copy/paste, Window; no DevTools, no reload when packaged', (platform) => {
    const menu = menuTemplate({ appName: 'KAP Practice', isPackaged: true, platform })
    expect(labels(menu)).toEqual(['KAP Practice', 'Edit', 'Window'])
    expect(roles(menu)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit', 'minimize']))
    expect(roles(menu)).not.toContain('reload')
    expect(roles(menu)).not.toContain('forceReload')
    expect(roles(menu)).not.toContain('toggleDevTools')
  })
  it('adds View → Reload only when not packaged, still without DevTools', () => {
    const menu = menuTemplate({ appName: 'KAP Practice', isPackaged: false, platform: 'linux' })
    expect(labels(menu)).toEqual(['KAP Practice', 'Edit', 'View', 'Window'])
    expect(roles(menu)).toContain('reload')
    expect(roles(menu)).not.toContain('toggleDevTools')
  })
  it('opens nothing outside the app (no click handlers, no help links)', () => {
    const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? all(i.submenu) : [])])
    expect(all(menuTemplate({ appName: 'A', isPackaged: false, platform: 'darwin' })).some((i) => i.click)).toBe(false)
  })
})
