import type { MenuItemConstructorOptions } from 'electron'

/**
 * The application menu as data (type-only import: tested without Electron). Minimal on purpose:
 * editing roles so copy/paste/undo work in forms (and their shortcuts on macOS), reload only
 * while developing, no DevTools toggle, and no links that open a browser.
 */
export function menuTemplate({ appName, isPackaged, platform }: { appName: string; isPackaged: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const appMenu: MenuItemConstructorOptions = mac
    ? { label: appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] }
    : { label: appName, submenu: [{ role: 'quit' }] }
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }]
  }
  const view: MenuItemConstructorOptions[] = isPackaged ? [] : [{ label: 'View', submenu: [{ role: 'reload' }] }]
  const window: MenuItemConstructorOptions = {
    label: 'Window',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }]
  }
  return [appMenu, edit, ...view, window]
}
