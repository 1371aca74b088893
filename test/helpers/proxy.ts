import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** One request the proxy received. */
export interface ProxiedRequest {
  /** `connect`: a CONNECT tunnel; `forward`: an absolute-URI request (`GET http://host/path`). */
  kind: 'connect' | 'forward';
  /** `host:port` as the client asked for it. */
  target: string;
  method: string;
  /** The request target as received (`armox.test:1234` or `http://armox.test:1234/api/v1/apps`). */
  url: string;
  /** Headers of the CONNECT request or of the forwarded request. */
  headers: IncomingHttpHeaders;
  at: number;
}

export interface TestProxy {
  /** `http://127.0.0.1:PORT`, for `http_proxy` / `https_proxy`. */
  url: string;
  seen: ProxiedRequest[];
  /** Tunnels and forwarded exchanges still open. */
  readonly openConnections: number;
  close(): Promise<void>;
}

/**
 * A tiny loopback HTTP proxy, like the one a self-hosted runner sits behind.
 * It supports CONNECT tunnels (what @actions/http-client uses, for http and
 * https targets alike) and absolute-URI forwarding (what a plain HTTP proxy
 * client sends). It never resolves names: `hosts` maps the names it may reach
 * to loopback addresses (`{ 'armox.test': '127.0.0.1' }`); any other target
 * gets 403. Everything it sees is recorded in `seen`.
 */
export async function startProxy(hosts: Record<string, string>): Promise<TestProxy> {
  const sockets = new Set<Socket>();
  let open = 0;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const seen: ProxiedRequest[] = [];
  const resolve = (hostname: string): string | undefined => hosts[hostname.toLowerCase()];

  const server: Server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute URI expected');
      return;
    }
    seen.push({
      kind: 'forward',
      target: url.host,
      method: req.method ?? 'GET',
      url: req.url ?? '',
      headers: { ...req.headers },
      at: Date.now(),
    });
    const address = resolve(url.hostname);
    if (!address || url.protocol !== 'http:') {
      res.writeHead(403).end('host not allowed');
      return;
    }
    open += 1;
    const upstream = httpRequest(
      {
        host: address,
        port: Number(url.port || 80),
        method: req.method,
        path: url.pathname + url.search,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    res.once('close', () => {
      open -= 1;
      upstream.destroy();
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });

  server.on('connect', (req, client: Socket, head: Buffer) => {
    track(client);
    const target = req.url ?? '';
    seen.push({ kind: 'connect', target, method: 'CONNECT', url: target, headers: { ...req.headers }, at: Date.now() });
    const match = /^([^:]+):(\d+)$/.exec(target);
    const address = match ? resolve(match[1]!) : undefined;
    if (!match || !address) {
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    open += 1;
    const upstream = connect(Number(match[2]), address);
    track(upstream);
    let closed = false;
    const closeBoth = () => {
      if (closed) return;
      closed = true;
      open -= 1;
      client.destroy();
      upstream.destroy();
    };
    upstream.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      client.pipe(upstream);
      upstream.pipe(client);
    });
    for (const socket of [client, upstream]) {
      socket.on('error', closeBoth);
      socket.once('close', closeBoth);
    }
  });
  server.on('connection', track);

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    get openConnections() {
      return open;
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/**
 * A `NODE_OPTIONS` value that makes a child process resolve the given names to
 * the given addresses without asking DNS (the names in `hosts` are otherwise
 * unresolvable: `armox.test`). Every other name resolves as usual.
 */
export function resolveHostsOption(hosts: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'armox-hosts-'));
  const file = path.join(dir, 'hosts.mjs');
  writeFileSync(
    file,
    `import dns from 'node:dns';
const hosts = ${JSON.stringify(hosts)};
const lookup = dns.lookup;
dns.lookup = function (hostname, options, callback) {
  const address = hosts[String(hostname).toLowerCase()];
  if (address === undefined) return lookup.call(this, hostname, options, callback);
  const done = typeof options === 'function' ? options : callback;
  const all = typeof options === 'object' && options !== null && options.all;
  const family = address.includes(':') ? 6 : 4;
  process.nextTick(() => (all ? done(null, [{ address, family }]) : done(null, address, family)));
};
`,
  );
  return `--import ${JSON.stringify(file)}`;
}
