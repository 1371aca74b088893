/**
 * The API key stays secret (no log line shows it, at any log level, whatever
 * the API answers), goes to api-url's origin only, and the action works behind
 * the proxies self-hosted runners use. End-to-end cases spawn dist/index.js
 * (run `npm run build` first); the rest run in this process.
 */
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type ArmoxEmulator, type EmulatorOptions } from '../../emulator/armox-emulator.js';
import { runBundledAction, type ActionRun } from '../../scripts/action-runner.js';
import { ArmoxClient } from '../../src/armox/client.js';
import { downloadFiles } from '../../src/deliver/download.js';
import { CancelledError } from '../../src/core/errors.js';
import { MemoryLogger } from '../helpers/memory-logger.js';
import { Deadline } from '../../src/core/timing.js';
import { runInProcess } from '../helpers/in-process.js';
import { resolveHostsOption, startProxy, type TestProxy } from '../helpers/proxy.js';

const SECRET = 'sk_test_SECRET_9f8e7d';
/** Any piece of the key's secret part: a quote cut short must not show it either. */
const LEAK = /SECRET_9|9f8e7d/;
const SKETCH = {
  'app-name': 'Sketch to Render',
  inputs: 'Input Images: [https://example.com/sketch.jpg]\nAspect Ratio: "16:9"',
};

const cleanups: Array<() => Promise<void>> = [];
async function emulator(options?: EmulatorOptions): Promise<ArmoxEmulator> {
  const emu = await startEmulator(options);
  cleanups.push(() => emu.close());
  return emu;
}
async function proxy(): Promise<TestProxy> {
  const started = await startProxy({ 'armox.test': '127.0.0.1' });
  cleanups.push(() => started.close());
  return started;
}
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** Runs `fn` with `http_proxy` pointing at `through`, as a runner behind a proxy sets it (in process). */
async function withProxy(through: TestProxy, fn: () => Promise<void>): Promise<void> {
  const saved = process.env.http_proxy;
  process.env.http_proxy = through.url;
  try {
    await fn();
  } finally {
    if (saved === undefined) delete process.env.http_proxy;
    else process.env.http_proxy = saved;
  }
}

/** The proxy's open tunnels, once a teardown has had up to 2 s to close them. */
async function openTunnelsAfterTeardown(through: TestProxy): Promise<number> {
  const started = Date.now();
  while (through.openConnections > 0 && Date.now() - started < 2_000) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return through.openConnections;
}

/** The log (stdout, stderr) and the step outputs, except the `::add-mask::` command that masks the key. */
function leaks(run: ActionRun): string[] {
  const lines = [
    ...run.stdout.split('\n').filter((line) => line !== `::add-mask::${SECRET}`),
    ...run.stderr.split('\n'),
    ...run.outputHistory.map(([name, value]) => `output ${name}=${value}`),
  ];
  return lines.filter((line) => LEAK.test(line));
}

/** The error text a server that echoes request headers would send, placed so that a 500-character quote cuts the key in two. */
function echoing(prefix: string): string {
  return `${prefix.padEnd(476, '.')} Bearer ${SECRET} (headers echoed back)`;
}

describe('the API key never reaches the log (RUNNER_DEBUG=1, dist/index.js)', () => {
  it.each<[string, (emu: ArmoxEmulator) => void, Record<string, string>, number]>([
    ['a successful run', () => {}, {}, 0],
    ['a wrong key (401)', (emu) => (emu.apiKey = 'sk_test_other_key'), {}, 1],
    [
      'a 500 on the submission',
      (emu) => emu.fault({ kind: 'status', method: 'POST', path: '/apps/run', status: 500 }),
      {},
      1,
    ],
    [
      'HTML pages, until the timeout',
      (emu) => emu.fault({ kind: 'html', method: 'GET', path: '/apps', times: Infinity }),
      { timeout: '2s' },
      1,
    ],
    ['a job that outlives the timeout', (emu) => emu.setJobPlan({ outcome: 'never' }), { timeout: '1s' }, 1],
    // Errors quote an input's first 80 characters: here the cut falls inside the key.
    ['an input quoted in an error, cut inside the key', () => {}, { 'app-name': 'q'.repeat(64) + SECRET }, 1],
    [
      'a 401 whose JSON error echoes the Authorization header',
      (emu) =>
        emu.fault({
          kind: 'status',
          method: 'GET',
          path: '/apps',
          status: 401,
          body: JSON.stringify({ error: echoing('Invalid token') }),
        }),
      {},
      1,
    ],
    [
      'a 400 on the submission that echoes the key',
      (emu) =>
        emu.fault({
          kind: 'status',
          method: 'POST',
          path: '/apps/run',
          status: 400,
          body: JSON.stringify({ error: `Bad request from ${SECRET}` }),
        }),
      {},
      1,
    ],
    [
      'an HTML page that echoes the Authorization header',
      (emu) =>
        emu.fault({
          kind: 'html',
          method: 'GET',
          path: '/apps',
          status: 400,
          body: `<html><body><pre>${echoing('Authorization:')}</pre></body></html>`,
        }),
      {},
      1,
    ],
    [
      'a 429 whose error echoes the key, beyond the timeout',
      (emu) =>
        emu.fault({
          kind: 'status',
          method: 'GET',
          path: '/apps',
          status: 429,
          headers: { 'retry-after': '60' },
          body: JSON.stringify({ error: echoing('Slow down') }),
        }),
      { timeout: '2s' },
      1,
    ],
    [
      'a job whose error message echoes the key',
      (emu) => emu.setJobPlan({ outcome: 'failed', errorMessage: `Provider rejected ${SECRET}` }),
      {},
      1,
    ],
  ])('%s', async (name, inject, extra, code) => {
    const emu = await emulator({ apiKey: SECRET });
    inject(emu);
    const run = await runBundledAction({
      inputs: { 'api-key': SECRET, 'api-url': emu.apiUrl, 'poll-interval': '100ms', ...SKETCH, ...extra },
      env: { RUNNER_DEBUG: '1' },
    });
    expect(run.code).toBe(code);
    expect(run.stdout).toContain(`::add-mask::${SECRET}`);
    expect(run.stdout.indexOf(`::add-mask::${SECRET}`)).toBe(0); // masked before anything else is printed
    expect(run.stdout).toContain('::debug::'); // debug lines were printed, and checked
    expect(leaks(run)).toEqual([]);
    if (!/error message echoes/.test(name)) expect(run.summary).not.toMatch(LEAK);
  });

  // The summary quotes the job's error_message markdown-escaped (`sk\_test\_…`), which the runner's
  // masking would miss: main.ts redacts the report before rendering it.
  it('the job summary does not quote a job error message that contains the key', async () => {
    const emu = await emulator({ apiKey: SECRET });
    emu.setJobPlan({ outcome: 'failed', errorMessage: `Provider rejected ${SECRET}` });
    const run = await runBundledAction({
      inputs: { 'api-key': SECRET, 'api-url': emu.apiUrl, 'poll-interval': '100ms', ...SKETCH },
      env: { RUNNER_DEBUG: '1' },
    });
    expect(run.code).toBe(1);
    expect(leaks(run)).toEqual([]);
    expect(run.summary).not.toMatch(LEAK);
  });

  it('the key from ARMOX_API_KEY is masked and kept out of the log too', async () => {
    const emu = await emulator({ apiKey: SECRET });
    emu.fault({
      kind: 'status',
      method: 'GET',
      path: '/apps',
      status: 401,
      body: JSON.stringify({ error: echoing('Invalid token') }),
    });
    const run = await runBundledAction({
      inputs: { 'api-url': emu.apiUrl, ...SKETCH },
      env: { RUNNER_DEBUG: '1', ARMOX_API_KEY: SECRET },
    });
    expect(run.code).toBe(1);
    expect(emu.findRequests('GET', '/apps')[0]!.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(run.stdout.indexOf(`::add-mask::${SECRET}`)).toBe(0);
    expect(leaks(run)).toEqual([]);
  });
});

describe("the key goes to api-url's origin only", () => {
  it('an error quoting the key cuts no piece of it into the message', async () => {
    const emu = await emulator({ apiKey: SECRET });
    emu.fault({
      kind: 'status',
      method: 'GET',
      path: '/apps',
      status: 403,
      body: JSON.stringify({ error: echoing('Forbidden') }),
    });
    const client = new ArmoxClient({ apiUrl: emu.apiUrl, apiKey: SECRET, log: new MemoryLogger() });
    const error = (await client.listApps(Deadline.after(5_000)).then(
      () => undefined,
      (caught: unknown) => caught,
    )) as Error;
    expect(error.message).toMatch(/^GET \/apps failed: 403 "Forbidden\.+ Bearer \*\*\* \(headers/);
    expect(error.message).not.toMatch(LEAK);
  });

  it('a redirect to another origin is not followed: that origin receives nothing', async () => {
    const emu = await emulator();
    emu.fault({
      kind: 'status',
      method: 'GET',
      path: '/apps',
      status: 307,
      headers: { location: `${emu.storageUrl}/api/v1/apps` },
      body: '',
    });
    const run = await runInProcess(emu, SKETCH);
    expect(run.error!.message).toMatch(
      /^GET \/apps failed: the API answered 307 redirecting to http:\/\/127\.0\.0\.1:\d+\/api\/v1\/apps\. Set api-url to the final address\./,
    );
    expect(emu.requests.filter((recorded) => recorded.origin === 'storage')).toEqual([]);
  });

  it('output files are fetched from the storage origin without the key (client level)', async () => {
    const emu = await emulator({ apiKey: SECRET });
    const run = await runInProcess(emu, { 'app-name': 'Poster Campaign', inputs: 'Prompt: a poster' });
    expect(run.error).toBeUndefined();
    const urls = JSON.parse(run.outputs['output-urls']!) as string[];
    expect(urls.length).toBeGreaterThan(1);
    const workspace = mkdtempSync(path.join(tmpdir(), 'armox-security-'));
    // storageRejectsAuthorization is on: a request carrying a key would fail the download.
    await downloadFiles(urls, {
      dir: path.join(workspace, 'out'),
      workspace,
      log: new MemoryLogger(),
      userAgent: 'armox-app-action/test',
    });
    const storage = emu.requests.filter((recorded) => recorded.origin === 'storage');
    expect(storage).toHaveLength(urls.length);
    for (const recorded of storage) expect(recorded.headers.authorization).toBeUndefined();
    for (const recorded of emu.requests.filter((r) => r.origin === 'api'))
      expect(recorded.headers.authorization).toBe(`Bearer ${SECRET}`);
  });

  it('the bundled action (no download-dir) sends nothing to the storage origin', async () => {
    const emu = await emulator({ apiKey: SECRET });
    const run = await runBundledAction({
      inputs: { 'api-key': SECRET, 'api-url': emu.apiUrl, 'poll-interval': '100ms', ...SKETCH },
    });
    expect(run.code).toBe(0);
    expect(run.outputs['output-url']).toContain(emu.storageUrl);
    expect(emu.requests.filter((recorded) => recorded.origin === 'storage')).toEqual([]);
  });

  // download-dir end to end (no Authorization header at the storage origin): test/results-e2e.test.ts.
});

describe('behind a proxy (http_proxy / https_proxy / no_proxy, as self-hosted runners set them)', () => {
  /** api-url on a name the proxy maps to the emulator: http-client never proxies loopback names. */
  function proxiedInputs(emu: ArmoxEmulator): Record<string, string> {
    return {
      'api-key': emu.apiKey,
      'api-url': emu.apiUrl.replace('127.0.0.1', 'armox.test'),
      'poll-interval': '100ms',
      ...SKETCH,
    };
  }
  /** The child resolves armox.test to 127.0.0.1 without DNS, so a bypassed proxy shows as a direct request, not a DNS lookup. */
  const resolveArmoxTest = resolveHostsOption({ 'armox.test': '127.0.0.1' });

  it('with http_proxy set, every request goes through the proxy, as a CONNECT tunnel', async () => {
    const emu = await emulator();
    const through = await proxy();
    const run = await runBundledAction({
      inputs: proxiedInputs(emu),
      env: { http_proxy: through.url, https_proxy: through.url, NODE_OPTIONS: resolveArmoxTest },
    });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('completed');
    const port = new URL(emu.apiUrl).port;
    // @actions/http-client tunnels plain-http targets too (CONNECT), so the proxy never sees the request headers.
    expect(through.seen.length).toBe(emu.requests.length);
    for (const seen of through.seen) {
      expect(seen).toMatchObject({ kind: 'connect', target: `armox.test:${port}` });
      expect(seen.headers.authorization).toBeUndefined();
    }
    for (const recorded of emu.requests) expect(recorded.headers.host).toBe(`armox.test:${port}`);
    expect(run.stdout).toContain('api-url uses plain http');
  });

  it('no_proxy=armox.test bypasses the proxy', async () => {
    const emu = await emulator();
    const through = await proxy();
    const run = await runBundledAction({
      inputs: proxiedInputs(emu),
      env: {
        http_proxy: through.url,
        https_proxy: through.url,
        no_proxy: 'localhost,armox.test',
        NODE_OPTIONS: resolveArmoxTest,
      },
    });
    expect(run.code).toBe(0);
    expect(through.seen).toEqual([]);
    expect(emu.requests.length).toBeGreaterThanOrEqual(3);
  });

  it('a proxy that is down: a clear error, no stack trace', async () => {
    const emu = await emulator();
    const down = await proxy();
    await down.close();
    const run = await runBundledAction({
      inputs: { ...proxiedInputs(emu), timeout: '2s' },
      env: { http_proxy: down.url, https_proxy: down.url, NODE_OPTIONS: resolveArmoxTest },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::GET \/apps failed: (ECONNRESET: )?tunneling socket could not be established, cause=connect ECONNREFUSED/,
    );
    expect(run.stdout.split('\n').filter((line) => !line.startsWith('::debug::') && /^\s+at /.test(line))).toEqual([]);
    expect(run.stderr).toBe('');
    expect(emu.requests).toEqual([]);
  });

  it('a request abandoned behind the proxy is torn down: its tunnel closes (in process)', async () => {
    const emu = await emulator({ job: { outcome: 'never' } });
    const through = await proxy();
    emu.fault({ kind: 'hang', method: 'GET', path: '/apps', times: Infinity });
    await withProxy(through, async () => {
      const controller = new AbortController();
      const client = new ArmoxClient({
        apiUrl: emu.apiUrl.replace('127.0.0.1', 'armox.test'),
        apiKey: emu.apiKey,
        log: new MemoryLogger(),
        signal: controller.signal,
      });
      const pending = client.listApps(Deadline.after(30_000)).catch((caught: unknown) => caught);
      while (emu.requestCount('GET', '/apps') === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(through.openConnections).toBe(1);
      controller.abort();
      expect(await pending).toBeInstanceOf(CancelledError);
      expect(await openTunnelsAfterTeardown(through)).toBe(0);
    });
  });

  it('a download stalled behind the proxy is torn down: its tunnel closes (in process)', async () => {
    const emu = await emulator();
    const through = await proxy();
    emu.storageFiles.set('/public/stall/film.mp4', { size: 1_000, contentType: 'video/mp4' });
    emu.fault({ origin: 'storage', kind: 'hang', path: '/public/stall/', times: Infinity });
    await withProxy(through, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'armox-stall-'));
      const url = `${emu.storageUrl.replace('127.0.0.1', 'armox.test')}/public/stall/film.mp4`;
      const pending = downloadFiles([url], {
        dir,
        workspace: dir,
        log: new MemoryLogger(),
        userAgent: 'test',
        attempts: 1,
        requestTimeoutMs: 200,
      }).catch((caught: unknown) => caught);
      expect(String(await pending)).toMatch(/no data received/);
      expect(await openTunnelsAfterTeardown(through)).toBe(0);
    });
  });

  it('the proxy helper also forwards absolute-URI requests (what plain HTTP proxy clients send)', async () => {
    const emu = await emulator();
    const through = await proxy();
    const port = new URL(emu.apiUrl).port;
    const target = `http://armox.test:${port}/api/v1/apps`;
    const status = await new Promise<number>((resolve, reject) => {
      const proxyUrl = new URL(through.url);
      request(
        {
          host: proxyUrl.hostname,
          port: proxyUrl.port,
          path: target,
          headers: { authorization: `Bearer ${emu.apiKey}` },
        },
        (answer) => {
          answer.resume();
          resolve(answer.statusCode ?? 0);
        },
      )
        .on('error', reject)
        .end();
    });
    expect(status).toBe(200);
    expect(through.seen).toEqual([expect.objectContaining({ kind: 'forward', method: 'GET', url: target })]);
    expect(emu.findRequests('GET', '/apps')).toHaveLength(1);
  });
});
