/**
 * The window itself never scrolls: the app fills it and scrolls inside its panes, like a native
 * tool. (A stray absolutely positioned element — e.g. a visually hidden label — outside any
 * positioned ancestor stretches the document and lets the whole window scroll into blank space.)
 */
import type { Page } from '@playwright/test'
import { expect, seedClient, seedPractice, test, type BrowserGlobals } from './fixtures'

type Sized = BrowserGlobals & { innerHeight: number; innerWidth: number; document: { documentElement: { scrollHeight: number; scrollWidth: number } } }

async function windowOverflow(page: Page) {
  return page.evaluate(() => {
    const g = globalThis as unknown as Sized
    const root = g.document.documentElement
    return { extraHeight: Math.max(0, root.scrollHeight - g.innerHeight), extraWidth: Math.max(0, root.scrollWidth - g.innerWidth) }
  })
}

test('no screen makes the whole window scroll', async ({ page, harness }) => {
  await seedPractice(harness)
  const client = await seedClient(harness, { legalFirstName: 'Aisha', legalLastName: 'Okafor', dateOfBirth: '1992-07-30' })
  const screens = {
    dashboard: '/#/',
    'client list': '/#/clients',
    'new client form': '/#/clients/new',
    'edit client form': `/#/clients/${client.id}/edit`,
    'chart overview': `/#/clients/${client.id}/overview`,
    'chart screening': `/#/clients/${client.id}/screening`,
    settings: '/#/settings/practice',
    'settings fees': '/#/settings/fees'
  }
  for (const [name, path] of Object.entries(screens)) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
    expect.soft(await windowOverflow(page), `${name} (${path})`).toEqual({ extraHeight: 0, extraWidth: 0 })
  }
})
