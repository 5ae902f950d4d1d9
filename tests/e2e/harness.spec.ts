/** The loopback harness itself: the bridge under the app's strict CSP, and its request guards. */
import { request as httpRequest } from 'node:http'
import { expect, practiceProfile, test, type BrowserGlobals } from './fixtures'

function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

test('the built renderer loads with window.api from the bridge and keeps its strict CSP', async ({ page, harness }) => {
  await page.goto('/')
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toContain('unsafe-inline')
  expect(csp).not.toContain('unsafe-eval')
  const domains = await page.evaluate(() => Object.keys((globalThis as unknown as BrowserGlobals).api).sort())
  expect(domains).toEqual(expect.arrayContaining(['clients', 'practice']))

  // A call through the bridge reaches the real router and database.
  const saved = await page.evaluate(async (profile) => (globalThis as unknown as BrowserGlobals).api.practice!.save!({ profile }), practiceProfile)
  expect(saved.ok).toBe(true)
  const stored = await harness.app.call('practice:get', {})
  expect(stored).toMatchObject({ ok: true, value: { practiceName: practiceProfile.practiceName } })
})

test('the harness refuses foreign hosts and origins, wrong methods and oversized bodies', async ({ harness }) => {
  const port = new URL(harness.url).port
  const rpc = `${harness.url}/__rpc/clients:list`
  const json = { 'content-type': 'application/json' }
  expect(await rawRequest(`${harness.url}/`, { headers: { host: `attacker.example:${port}` } })).toBe(403)
  expect(await rawRequest(rpc, { method: 'POST', headers: { ...json, host: `rebound.example:${port}` }, body: '{}' })).toBe(403)
  expect(await rawRequest(rpc, { method: 'POST', headers: { ...json, origin: 'https://attacker.example' }, body: '{}' })).toBe(403)
  expect(await rawRequest(rpc, { method: 'GET' })).toBe(405)
  expect(await rawRequest(rpc, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })).toBe(415)
  expect(await rawRequest(rpc, { method: 'POST', headers: json, body: 'x'.repeat(2 * 1024 * 1024 + 1) })).toBe(413)
  expect(await rawRequest(rpc, { method: 'POST', headers: { ...json, origin: harness.url }, body: '{}' })).toBe(200)
  expect(await rawRequest(`${harness.url}/%2e%2e/%2e%2e/package.json`, {})).not.toBe(200)
})
