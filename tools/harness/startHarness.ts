import { existsSync, readFileSync } from 'node:fs'
import { createServer, IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { createDispatch } from '../../src/main/ipc/dispatch'
import { securePrivateDataFolder } from '../../src/main/dataFolderModes'
import { workerLabCsvReader } from '../../src/main/sessions/readLabCsvInWorker'
import { catalogIndexRoot } from '../../src/main/catalog/CatalogService'
import { offlineEmbeddingsInWorker } from '../../src/main/catalog/embeddings/offlineEmbeddingsInWorker'
import { createAlertNotifier, type AlertNotice } from '../../src/main/escalation/alertNotifier'
import { createServices, Services } from '../../src/main/services'
import { bridgeScript } from './bridgeScript'
import { ephemeralEncryptor } from './ephemeralEncryptor'
import { HarnessAccess, TOKEN_PARAM } from './harnessAccess'
import { HarnessDialogs } from './HarnessDialogs'
import { applyTeamFlags, type TeamFlags } from './teamFlags'
import { BRIDGE_PATH, DIALOG_PATH, EVENT_PATH, REQUEST_PATH } from './harnessPaths'
import { CONTENT_TYPES, serveStaticFile } from './staticFiles'

export interface HarnessOptions {
  port: number
  dataDir: string
  rendererDir?: string
  resourcesDir?: string
  /** The catalog's vector side with the offline model (default on; tests that don't need it skip the model load). */
  vectorSearch?: boolean
  /** Team settings for this desk (`--team-db URL --seat NAME --role …`), written before start. */
  team?: TeamFlags
}

export interface Harness {
  /** The page, with this run's token (`/?token=…`): the only way in. */
  url: string
  /** This run's token, for test drivers that post to the harness (header `x-harness-token`). */
  token: string
  dialogs: HarnessDialogs
  services: Services
  /** The OS notifications the console would have shown, in order (what Electron would pop up). */
  notifications: AlertNotice[]
  /** Tells the harness whether the console window is in front (default true). */
  setWindowFocused(focused: boolean): void
  close(): Promise<void>
}

const DialogAnswer = z
  .object({ open: z.string().nullable().optional(), save: z.string().nullable().optional() })
  .strict()
const MAX_BODY_BYTES = 1_000_000
const LAB_CSV_WORKER = new URL('../../src/main/sessions/labCsvWorker.ts', import.meta.url)
const EMBEDDINGS_WORKER = new URL(
  '../../src/main/catalog/embeddings/offlineEmbeddingsWorker.ts',
  import.meta.url
)

/**
 * Dev-only browser harness: serves the built renderer on 127.0.0.1 and answers window.api with
 * the same handler map and chokepoint the Electron main process uses. Never packaged.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = resolve(
    options.rendererDir ?? process.env['RENDERER_OUT_DIR'] ?? 'out/renderer'
  )
  const indexFile = join(rendererDir, 'index.html')
  if (!existsSync(indexFile))
    throw new Error(`No built renderer at ${rendererDir}: run npm run build:renderer first`)
  const dialogs = new HarnessDialogs()
  const clients = new Set<ServerResponse>()
  // Electron asks BrowserWindow for focus; a browser tab cannot say, so tests set it.
  let windowFocused = true
  const notifications: AlertNotice[] = []
  // The same owner-only data folder as the app's.
  securePrivateDataFolder(resolve(options.dataDir))
  // One encryptor for the flags' password and the services that unseal it.
  const encryptor = ephemeralEncryptor()
  if (options.team) applyTeamFlags(resolve(options.dataDir), encryptor, options.team)
  const services = await createServices({
    dataDir: resolve(options.dataDir),
    resourcesDir: resolve(options.resourcesDir ?? 'resources'),
    version: process.env['npm_package_version'] ?? '0.0.0-harness',
    runtime: 'harness',
    dialogs,
    // Imports parse on a worker as in Electron; the worker runs the TypeScript through tsx.
    csvReader: workerLabCsvReader(LAB_CSV_WORKER, ['--import', 'tsx']),
    encryptor,
    embeddings:
      options.vectorSearch === false
        ? undefined
        : // On a worker as in Electron, the TypeScript run through tsx.
          offlineEmbeddingsInWorker(EMBEDDINGS_WORKER, {
            indexRoot: catalogIndexRoot(resolve(options.dataDir)),
            execArgv: ['--import', 'tsx']
          }),
    emit: (name, payload) => {
      const data = `data: ${JSON.stringify({ name, payload })}\n\n`
      for (const client of clients) client.write(data)
    },
    notifyAlert: createAlertNotifier({
      isAway: () => !windowFocused,
      show: (notice) => void notifications.push(notice)
    })
  })
  let origin = ''
  const access = new HarnessAccess()
  // The harness's page is the only sender, and a request reaches the chokepoint only with the
  // run's token (never on the strength of a Referer, which any client can write).
  const appPage = (): string => `${origin}/`
  const dispatch = createDispatch(services.handlers, (sender) => sender.url === appPage())
  // The bridge script goes first; its HTTP calls need connect-src 'self', which only the
  // harness adds (the shipped page has connect-src 'none': it talks to main over IPC).
  const index = readFileSync(indexFile, 'utf8')
    .replace(
      /<script type="module"/,
      `<script src="${BRIDGE_PATH}?${TOKEN_PARAM}=${access.token}"></script>\n    <script type="module"`
    )
    .replace("connect-src 'none'", "connect-src 'self'")

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Details in this process's log; the client gets no error text (paths, stack).
      console.error('Harness request failed:', error)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end('Harness error (details in its log)')
    })
  })

  const refuse = (res: ServerResponse, status: number, why: string): void =>
    void res.writeHead(status, { 'content-type': 'text/plain' }).end(why)

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a page under another name resolved to 127.0.0.1 still sends its own Host.
    if (!access.hostAllowed(req)) return refuse(res, 403, 'Unknown host')
    const url = new URL(req.url ?? '/', origin)
    const path = url.pathname
    if (path.startsWith('/__') || path === '/' || path === '/index.html') {
      if (!access.tokenPresented(req, url))
        return refuse(res, 403, 'Open the URL the harness printed: it carries the run token')
      // A page elsewhere never gets here without the token; this also refuses one that has it.
      if (req.headers.origin !== undefined && req.headers.origin !== origin)
        return refuse(res, 403, 'Cross-origin request refused')
    }
    if (req.method === 'POST' && path === REQUEST_PATH) {
      const body = await readJsonBody(req)
      if (body === NOT_JSON)
        return refuse(res, 400, 'The body must be JSON: {"route": …, "input": …}')
      const { route, input } = (typeof body === 'object' && body !== null ? body : {}) as {
        route?: unknown
        input?: unknown
      }
      const sender = { windowId: 1, url: appPage(), isTopFrame: true }
      const result = await dispatch(sender, route, input)
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result))
      return
    }
    if (req.method === 'GET' && path === EVENT_PATH) {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive'
      })
      res.write(': connected\n\n')
      clients.add(res)
      req.on('close', () => clients.delete(res))
      return
    }
    if (req.method === 'POST' && path === DIALOG_PATH) {
      const answer = DialogAnswer.safeParse(await readJsonBody(req))
      if (!answer.success) return refuse(res, 400, 'Expected {"open": PATH} or {"save": PATH}')
      if (answer.data.open !== undefined) dialogs.queueOpen(answer.data.open)
      if (answer.data.save !== undefined) dialogs.queueSave(answer.data.save)
      res.writeHead(204).end()
      return
    }
    if (req.method !== 'GET') {
      res.writeHead(405).end()
      return
    }
    if (path === BRIDGE_PATH) {
      res
        .writeHead(200, { 'content-type': CONTENT_TYPES['.js']!, 'cache-control': 'no-store' })
        .end(bridgeScript(access.token))
      return
    }
    if (path === '/' || path === '/index.html') {
      res
        .writeHead(200, { 'content-type': CONTENT_TYPES['.html']!, 'cache-control': 'no-store' })
        .end(index)
      return
    }
    // The build output is public (it ships in the app); the Host check above still applies.
    serveStaticFile(res, rendererDir, path)
  }

  await new Promise<void>((done) => server.listen(options.port, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  access.listeningOn(port)
  return {
    url: `${origin}/?${TOKEN_PARAM}=${access.token}`,
    token: access.token,
    dialogs,
    services,
    notifications,
    setWindowFocused: (focused) => {
      windowFocused = focused
    },
    close: async () => {
      for (const client of clients) client.end()
      await new Promise<void>((done) => server.close(() => done()))
      services.close()
    }
  }
}

const NOT_JSON = Symbol('not JSON')

/** The parsed body, or NOT_JSON (too large, or not JSON). */
async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse(await readBody(req)) as unknown
  } catch {
    return NOT_JSON
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}
