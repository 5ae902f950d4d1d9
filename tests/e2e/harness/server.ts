/**
 * The loopback e2e harness: the real app core (open → migrate → services → router) behind a tiny
 * HTTP server on 127.0.0.1 that also serves the BUILT renderer (out/renderer). A same-origin
 * /__harness/bridge.js gives the page the very `window.api` the preload would, built by the same
 * buildApi() from the same contract registry, with each call POSTed to /__rpc/<channel> and
 * answered by `host.call(channel, body)` (start-up's host: the app core, or the recovery handlers) — exactly what IPC does. The page's strict CSP
 * (`script-src 'self'`) is left untouched: the bridge is a same-origin file.
 *
 * Never imports electron. Logs nothing about request bodies (they carry PHI).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { AppCore, OpenAppOptions } from '../../../src/main/app'
import { backupDirIn } from '../../../src/main/paths'
import { startCore, type CoreHost } from '../../../src/main/startup'
import { contentTypeFor } from '../../../src/main/window/app-protocol'
import { buildApi } from '../../../src/preload/api'
import { allChannels } from '../../../src/shared/contracts'
import { JOB_EVENTS_CHANNEL } from '../../../src/shared/contracts/jobs'
import type { Logger } from '../../../src/main/log'
import { signInOwner, TEST_KDF, TEST_OWNER, type TestOwner } from '../../factories/host'

/** The repository root (tests/e2e/harness → ../../..). */
export const repoRoot = resolve(__dirname, '..', '..', '..')
export const defaultRendererDir = join(repoRoot, 'out', 'renderer')

/** Requests bigger than this are refused with 413 (the largest real payload is a long note). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024

export interface HarnessOptions {
  /** Where practice.db and backups/ live; a fresh temp folder when omitted. */
  dataDir?: string
  /** 0 (default) picks a free port. The server only ever listens on 127.0.0.1. */
  port?: number
  /** The built renderer; defaults to out/renderer (run `npx electron-vite build` first). */
  rendererDir?: string
  /** Keep a temp data folder after close() (the CLI does, so the user can look at it). */
  keepDataDir?: boolean
  logger?: Logger
  /** A fixed clock / deterministic ids, passed through to openApp. */
  context?: OpenAppOptions['context']
  /**
   * Serve the recovery screen when dataDir's database is damaged, locked or lost (as the app
   * does). Without it such a data folder makes startHarness throw.
   */
  allowRecovery?: boolean
  /**
   * Who is signed in when the page first loads. By default a new practice is set up for
   * TEST_OWNER (or, when dataDir already has a keyring, TEST_OWNER signs in), so specs start in the
   * app; `false` leaves the first-run setup (or sign-in) screen to the spec.
   */
  owner?: TestOwner | false
}

/** The harness's owner and keyring cost are the tests' own (tests/factories/host.ts). */
export { signInOwner, TEST_KDF as HARNESS_KDF, TEST_OWNER as E2E_OWNER } from '../../factories/host'

export interface Harness {
  /** e.g. http://127.0.0.1:41234 — no trailing slash. */
  url: string
  dataDir: string
  /** The open app core; throws while the host is in recovery mode. */
  readonly app: AppCore
  /** Start-up's host: the mode, and every channel as the page calls it (recovery included). */
  host: CoreHost
  close(): Promise<void>
}


const BRIDGE_PATH = '/__harness/bridge.js'
const EVENTS_PATH = '/__events'
const BRIDGE_TAG = `<script src="${BRIDGE_PATH}"></script>`

/** The browser half of the bridge: window.api built by the preload's own buildApi(). */
export function bridgeSource(channels: readonly string[] = allChannels()): string {
  return `// KAP Practice e2e harness bridge: window.api over same-origin HTTP instead of IPC.
(() => {
  'use strict';
  const invoke = async (channel, input) => {
    const res = await fetch('/__rpc/' + encodeURIComponent(channel), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input === undefined ? {} : input)
    });
    if (!res.ok) throw new Error('Harness call failed with HTTP ' + res.status);
    return res.json();
  };
  // Main's pushes over one same-origin event stream (connect-src 'self'), opened on first use.
  let stream = null;
  const listeners = new Map();
  const subscribe = (channel, listener) => {
    if (!stream) {
      stream = new EventSource('${EVENTS_PATH}');
      stream.onmessage = (m) => {
        const { channel: c, payload } = JSON.parse(m.data);
        for (const l of listeners.get(c) || []) l(payload);
      };
    }
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel).add(listener);
    return () => listeners.get(channel).delete(listener);
  };
  const buildApi = (${buildApi.toString()});
  Object.defineProperty(window, 'api', { value: Object.freeze(buildApi(${JSON.stringify(channels)}, invoke, ${JSON.stringify([JOB_EVENTS_CHANNEL])}, subscribe)), enumerable: true });
})();
`
}

/** Puts the bridge before the app's first module script (so window.api exists when it runs). */
export function injectBridge(html: string): string {
  if (html.includes(BRIDGE_TAG)) return html
  const firstScript = html.search(/<script\b/i)
  if (firstScript >= 0) return html.slice(0, firstScript) + BRIDGE_TAG + '\n    ' + html.slice(firstScript)
  const headEnd = html.search(/<\/head>/i)
  if (headEnd >= 0) return html.slice(0, headEnd) + BRIDGE_TAG + '\n' + html.slice(headEnd)
  return BRIDGE_TAG + html
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) {
      reject(new HttpError(413, 'Request body too large'))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    req.on('data', (chunk: Buffer) => {
      if (done) return
      size += chunk.length
      if (size > limit) {
        done = true
        reject(new HttpError(413, 'Request body too large'))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!done) {
        done = true
        resolveBody(Buffer.concat(chunks))
      }
    })
    req.on('error', (err) => {
      if (!done) {
        done = true
        reject(err)
      }
    })
  })
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) {
  if (res.headersSent) return
  res.writeHead(status, {
    'content-type': type,
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra
  })
  res.end(body)
}

/**
 * Starts the harness. Each call gets its own database (a fresh temp folder unless dataDir is
 * given) and its own port; close() stops the server, closes the database and removes the temp
 * folder it created.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const rendererDir = resolve(options.rendererDir ?? defaultRendererDir)
  const indexPath = join(rendererDir, 'index.html')
  if (!existsSync(indexPath)) {
    throw new Error(`The built renderer is missing (${indexPath}). Run \`npx electron-vite build\` (npm run build) first.`)
  }

  const createdDataDir = !options.dataDir
  const dataDir = resolve(options.dataDir ?? (await mkdtemp(join(tmpdir(), 'kap-harness-'))))
  await mkdir(dataDir, { recursive: true })
  const backupDir = backupDirIn(dataDir)
  await mkdir(backupDir, { recursive: true })

  // The same start-up as the Electron app: a damaged database means recovery mode, not a crash.
  const host = await startCore({
    dataDir,
    migrationsFolder: join(repoRoot, 'drizzle'),
    validateOutput: true,
    logger: options.logger,
    context: options.context,
    kdf: TEST_KDF
  })
  const owner = options.owner ?? TEST_OWNER
  if (owner) await signInOwner(host, owner)
  const mode = host.current()
  if (mode.mode === 'recovery' && !options.allowRecovery) {
    host.close()
    if (createdDataDir && !options.keepDataDir) await rm(dataDir, { recursive: true, force: true })
    throw new Error(`The practice database could not be opened (${mode.state}); pass allowRecovery to serve the recovery screen.`)
  }

  const bridge = bridgeSource()
  let origins = new Set<string>()
  let hosts = new Set<string>()

  const serveStatic = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed', undefined, { allow: 'GET, HEAD' })
      return
    }
    if (pathname === BRIDGE_PATH) {
      send(res, 200, bridge, contentTypeFor('bridge.js'))
      return
    }
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      send(res, 400, 'Bad path')
      return
    }
    if (decoded.includes('\0')) {
      send(res, 400, 'Bad path')
      return
    }
    const file = normalize(join(rendererDir, decoded))
    if (file !== rendererDir && !file.startsWith(rendererDir + sep)) {
      send(res, 404, 'Not found')
      return
    }
    let target = file
    const info = await stat(file).catch(() => null)
    if (!info || info.isDirectory()) {
      // An app route (no file extension) falls back to the SPA's index.html; a missing asset is a 404.
      if (info?.isDirectory() || extname(decoded) === '') target = indexPath
      else if (decoded === '/favicon.ico') {
        // Browsers ask for it on their own (Electron does not); a 404 would log a console error.
        res.writeHead(204, { 'cache-control': 'no-store' }).end()
        return
      } else {
        send(res, 404, 'Not found')
        return
      }
    }
    if (target === indexPath) {
      const html = injectBridge(await readFile(indexPath, 'utf8'))
      send(res, 200, req.method === 'HEAD' ? '' : html, contentTypeFor('index.html'))
      return
    }
    const body = await readFile(target)
    send(res, 200, req.method === 'HEAD' ? Buffer.alloc(0) : body, contentTypeFor(target))
  }

  const serveRpc = async (req: IncomingMessage, res: ServerResponse, pathname: string) => {
    if (req.method !== 'POST') {
      send(res, 405, 'Method not allowed', undefined, { allow: 'POST' })
      return
    }
    const type = String(req.headers['content-type'] ?? '')
    if (!/^application\/json\b/i.test(type)) {
      send(res, 415, 'Send application/json')
      return
    }
    let channel: string
    try {
      channel = decodeURIComponent(pathname.slice('/__rpc/'.length))
    } catch {
      send(res, 400, 'Bad channel')
      return
    }
    const raw = await readBody(req, MAX_BODY_BYTES)
    let input: unknown
    try {
      input = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'))
    } catch {
      send(res, 400, 'Body is not JSON')
      return
    }
    const result = await host.call(channel, input)
    send(res, 200, JSON.stringify(result), contentTypeFor('result.json'))
  }

  /** Server-sent events: what main pushes to the window over IPC (job progress), to each open page. */
  const streams = new Set<ServerResponse>()
  const unsubscribeJobs = host.onJobEvent((payload) => {
    const line = `data: ${JSON.stringify({ channel: JOB_EVENTS_CHANNEL, payload })}\n\n`
    for (const res of streams) res.write(line)
  })
  const serveEvents = (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
    res.write(': open\n\n')
    streams.add(res)
    res.on('close', () => streams.delete(res))
  }

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    // DNS-rebinding / cross-site guard: only our own Host, and our own Origin when one is sent.
    const hostHeader = String(req.headers.host ?? '').toLowerCase()
    if (!hosts.has(hostHeader)) {
      send(res, 403, 'Forbidden host')
      return
    }
    const origin = req.headers.origin
    if (origin !== undefined && !origins.has(origin.toLowerCase())) {
      send(res, 403, 'Forbidden origin')
      return
    }
    const pathname = (req.url ?? '/').split('?')[0]!.split('#')[0]!
    if (pathname === EVENTS_PATH) serveEvents(res)
    else if (pathname.startsWith('/__rpc/')) await serveRpc(req, res, pathname)
    else await serveStatic(req, res, pathname)
  }

  const server: Server = createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) {
        send(res, err.status, err.message, undefined, { connection: 'close' })
        if (err.status === 413) req.resume()
        return
      }
      // Kind only: messages could quote request values.
      const e = err as { name?: string; code?: string }
      console.error(JSON.stringify({ level: 'error', event: 'harness.request_failed', name: e?.name ?? 'unknown', code: e?.code ?? null }))
      send(res, 500, 'Harness error')
    })
  })

  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail)
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', fail)
        ok()
      })
    })
  } catch (err) {
    host.close()
    if (createdDataDir && !options.keepDataDir) await rm(dataDir, { recursive: true, force: true })
    throw err
  }
  const { port } = server.address() as AddressInfo
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])

  let closed = false
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    host,
    get app(): AppCore {
      const core = host.core
      if (!core) throw new Error('The harness is in recovery mode: its practice database is not open')
      return core
    },
    async close() {
      if (closed) return
      closed = true
      unsubscribeJobs()
      for (const res of streams) res.end()
      await new Promise<void>((ok) => {
        server.close(() => ok())
        server.closeAllConnections()
      })
      host.close()
      if (createdDataDir && !options.keepDataDir) await rm(dataDir, { recursive: true, force: true })
    }
  }
}
