// The loopback test bridge: serves the built renderer and answers the contract with the real dispatcher and services,
// in the app's own engine worker (out/main/engine.js, built). Only the transport to the page differs from the app:
// HTTP on 127.0.0.1 instead of Electron IPC.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { EngineClient, type EngineClientOptions } from '../../../electron/engine/client';
import type { Dispatch } from '../../../electron/ipc/dispatcher';

export const CALL_PATH = '/__ganbu/call';
export const EVENTS_PATH = '/__ganbu/events';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface Bridge {
  readonly url: string;
  readonly engine: EngineClient;
  readonly dispatch: Dispatch;
  close(): Promise<void>;
}

/** The engine worker as the app ships it: built by `electron-vite build` before the end-to-end tests run. */
export const ENGINE_WORKER = join(process.cwd(), 'out', 'main', 'engine.js');

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function serveFile(root: string, urlPath: string, res: ServerResponse): void {
  const rel = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/')).replace(/^([/\\])+/, '');
  let file = join(root, rel);
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(403).end();
    return;
  }
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

export async function startBridge(
  rendererDir: string,
  engineOptions: Omit<EngineClientOptions, 'workerPath'>,
): Promise<Bridge> {
  const engine = new EngineClient({ workerPath: ENGINE_WORKER, ...engineOptions });
  await engine.start();
  const eventStreams = new Set<ServerResponse>();
  engine.onLock((reason) => {
    for (const res of eventStreams) res.write(`data: ${reason}\n\n`);
  });

  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === CALL_PATH) {
      // The engine's answer is already JSON text: passed on as the main process passes it to the window.
      readJson(req)
        .then((body) => {
          const { name, input } = (body ?? {}) as { name?: unknown; input?: unknown };
          return engine.dispatchJson(name, input);
        })
        .catch(() => JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: '请求格式不正确' } }))
        .then((json) => {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          res.end(json);
        });
      return;
    }
    if (req.method === 'GET' && req.url === EVENTS_PATH) {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      eventStreams.add(res);
      req.on('close', () => eventStreams.delete(res));
      return;
    }
    if (req.method === 'GET') {
      serveFile(rendererDir, req.url ?? '/', res);
      return;
    }
    res.writeHead(405).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    engine,
    dispatch: engine.dispatch,
    async close() {
      for (const res of eventStreams) res.end();
      await engine.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
