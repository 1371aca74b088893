/**
 * A loopback storage host for download tests: routes with a size and content
 * type, faults that fire a set number of times (5xx, reset or cut-short
 * bodies, hangs), redirects, and a record of every request's headers.
 *
 * Bodies are generated on the fly from a 64 KiB block derived from the path,
 * so a route can be hundreds of MiB without the server holding it, and a test
 * can compute the expected bytes or their hash.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FileRoute {
  /** Body size in bytes, generated from the path; ignored when `body` is given. */
  size?: number;
  body?: string | Buffer;
  /** `null` sends no Content-Type at all. Default `application/octet-stream`. */
  contentType?: string | null;
  /** Answer `status` (with Retry-After when given) to the first `times` requests. */
  fail?: { status: number; times: number; retryAfter?: string };
  /** Send `afterBytes` of the body, then reset the connection; first `times` requests. */
  reset?: { afterBytes: number; times: number };
  /** Declare the full Content-Length, send `afterBytes`, then close cleanly; first `times` requests. */
  truncate?: { afterBytes: number; times: number };
  /** Send headers and `afterBytes`, then nothing more; first `times` requests (Infinity: always). */
  hang?: { afterBytes: number; times: number };
  /** Accept the request and send nothing at all, not even headers; first `times` requests. */
  silent?: { times: number };
  /** Answer 302 with this Location (absolute or relative). */
  redirect?: string;
  /** Always answer this status (such as 404) instead of the body. */
  status?: number;
  /** Wait this long before answering, so overlapping requests can be observed. */
  delayMs?: number;
  /** Send the body chunked, without Content-Length. */
  chunked?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface FileServer {
  url: string;
  route(path: string, route: FileRoute): void;
  readonly requests: RecordedRequest[];
  /** Most requests answered at the same time so far. */
  readonly maxConcurrent: number;
  /** Requests seen per path. */
  count(path: string): number;
  close(): Promise<void>;
}

const BLOCK_SIZE = 64 * 1024;

/** The 64 KiB block a path's content repeats. */
export function blockFor(path: string): Buffer {
  const block = Buffer.alloc(BLOCK_SIZE);
  for (let i = 0; i < BLOCK_SIZE / 32; i++)
    createHash('sha256')
      .update(`${path}\n${i}`)
      .digest()
      .copy(block, i * 32);
  return block;
}

/** The bytes a sized route serves (for small routes). */
export function expectedBytes(path: string, size: number): Buffer {
  const block = blockFor(path);
  const out = Buffer.alloc(size);
  for (let position = 0; position < size; position += BLOCK_SIZE)
    block.copy(out, position, 0, Math.min(BLOCK_SIZE, size - position));
  return out;
}

/** sha256 of what a sized route serves, computed without holding it. */
export function expectedSha256(path: string, size: number): string {
  const block = blockFor(path);
  const hash = createHash('sha256');
  for (let position = 0; position < size; position += BLOCK_SIZE)
    hash.update(block.subarray(0, Math.min(BLOCK_SIZE, size - position)));
  return hash.digest('hex');
}

export async function startFileServer(): Promise<FileServer> {
  const routes = new Map<string, FileRoute>();
  const counts = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let active = 0;
  let maxConcurrent = 0;

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/\?.*$/, '');
    requests.push({ method: req.method ?? '', path: req.url ?? '/', headers: req.headers });
    const seen = (counts.get(path) ?? 0) + 1;
    counts.set(path, seen);
    active += 1;
    maxConcurrent = Math.max(maxConcurrent, active);
    res.on('close', () => (active -= 1));
    void answer(path, seen, routes.get(path), res).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    route: (path, route) => routes.set(path, route),
    requests,
    get maxConcurrent() {
      return maxConcurrent;
    },
    count: (path) => counts.get(path) ?? 0,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function answer(path: string, seen: number, route: FileRoute | undefined, res: ServerResponse): Promise<void> {
  if (!route) return end(res, 404, 'Not Found');
  if (route.silent && seen <= route.silent.times) return; // close() destroys the socket
  if (route.delayMs) await new Promise((resolve) => setTimeout(resolve, route.delayMs));
  if (route.status) return end(res, route.status, 'status');
  if (route.fail && seen <= route.fail.times) {
    if (route.fail.retryAfter !== undefined) res.setHeader('Retry-After', route.fail.retryAfter);
    return end(res, route.fail.status, 'injected failure');
  }
  if (route.redirect) {
    res.writeHead(302, { Location: route.redirect, 'Content-Length': '0' });
    res.end();
    return;
  }

  const body = route.body === undefined ? undefined : Buffer.from(route.body);
  const size = body?.length ?? route.size ?? 0;
  const headers: Record<string, string> = route.chunked ? {} : { 'Content-Length': String(size) };
  if (route.contentType !== null) headers['Content-Type'] = route.contentType ?? 'application/octet-stream';
  res.writeHead(200, headers);

  const block = body ?? blockFor(path);
  const fault = [
    route.reset && seen <= route.reset.times ? { kind: 'reset', afterBytes: route.reset.afterBytes } : undefined,
    route.truncate && seen <= route.truncate.times
      ? { kind: 'truncate', afterBytes: route.truncate.afterBytes }
      : undefined,
    route.hang && seen <= route.hang.times ? { kind: 'hang', afterBytes: route.hang.afterBytes } : undefined,
  ].find((f) => f !== undefined);
  const limit = fault ? Math.min(fault.afterBytes, size) : size;
  for (let position = 0; position < limit;) {
    const length = Math.min(block.length, limit - position);
    const chunk = body ? body.subarray(position, position + length) : block.subarray(0, length);
    position += length;
    if (!res.write(chunk)) await drained(res);
    if (res.destroyed) return;
  }
  if (!fault) {
    res.end();
    return;
  }
  if (fault.kind === 'reset') res.socket?.resetAndDestroy();
  else if (fault.kind === 'truncate') res.socket?.end();
  // 'hang': leave the response open; close() destroys the socket.
}

function end(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
