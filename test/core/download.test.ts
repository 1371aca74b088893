import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadFiles, type DownloadOptions } from '../../src/deliver/download.js';
import { ActionError, CancelledError, DeliveryTimeoutError, TimeoutError } from '../../src/core/errors.js';
import type { DownloadedFile } from '../../src/report/record.js';
import { Deadline } from '../../src/core/timing.js';
import { MemoryLogger } from '../helpers/memory-logger.js';
import { expectedBytes, expectedSha256, startFileServer, type FileServer } from '../helpers/file-server.js';

let server: FileServer;
let workspace: string;
let dir: string;
let log: MemoryLogger;

beforeEach(async () => {
  server = await startFileServer();
  workspace = await mkdtemp(path.join(tmpdir(), 'armox-download-'));
  dir = path.join(workspace, 'out', 'nested');
  log = new MemoryLogger();
});

afterEach(async () => {
  await server.close();
  await rm(workspace, { recursive: true, force: true });
});

function options(extra: Partial<DownloadOptions> = {}): DownloadOptions {
  return {
    dir,
    workspace,
    log,
    userAgent: 'armox-app-action/test',
    retryBaseMs: 5,
    retryMaxMs: 20,
    requestTimeoutMs: 2_000,
    ...extra,
  };
}

async function listDir(): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

describe('downloadFiles', () => {
  it('streams each file to disk byte for byte, results in URL order', async () => {
    server.route('/files/a.png', { size: 300_000, contentType: 'image/png' });
    server.route('/files/b.mp4', { size: 1, contentType: 'video/mp4' });
    server.route('/files/empty.txt', { size: 0, contentType: 'text/plain' });
    const urls = ['/files/a.png', '/files/b.mp4', '/files/empty.txt'].map((p) => server.url + p);

    const files = await downloadFiles(urls, options());

    // Each file's SHA-256 is taken as it streams (for the manifest): it is the digest of the bytes on disk.
    const digest = async (name: string) =>
      createHash('sha256')
        .update(await readFile(path.join(dir, name)))
        .digest('hex');
    expect(files).toEqual([
      { url: urls[0], path: 'out/nested/a.png', bytes: 300_000, sha256: await digest('a.png') },
      { url: urls[1], path: 'out/nested/b.mp4', bytes: 1, sha256: await digest('b.mp4') },
      { url: urls[2], path: 'out/nested/empty.txt', bytes: 0, sha256: await digest('empty.txt') },
    ]);
    expect((await readFile(path.join(dir, 'a.png'))).equals(expectedBytes('/files/a.png', 300_000))).toBe(true);
    expect((await readFile(path.join(dir, 'b.mp4'))).equals(expectedBytes('/files/b.mp4', 1))).toBe(true);
    expect(await listDir()).toEqual(['a.png', 'b.mp4', 'empty.txt']);
    expect(log.lines.filter((line) => line.startsWith('Downloaded '))).toHaveLength(3);
    expect(log.text).toMatch(/Downloaded a\.png \(293\.0 KiB\) in (\d+ms|[\dhms]+)\./); // ms alone, seconds under load
  });

  it('downloads several files at once, never more than the concurrency', async () => {
    const urls: string[] = [];
    for (let i = 0; i < 6; i++) {
      // Each answer waits long enough that the third request arrives before the first is answered, even under load.
      server.route(`/slow/${i}.bin`, { size: 10_000, delayMs: 500 });
      urls.push(`${server.url}/slow/${i}.bin`);
    }
    const files = await downloadFiles(urls, options({ concurrency: 3 }));
    expect(server.maxConcurrent).toBe(3); // overlapped, not one after another (that would be 1)
    expect(files.map((f) => f.path)).toEqual(urls.map((_, i) => `out/nested/${i}.bin`));
  });

  it('retries transient failures: 5xx, 429 with Retry-After, resets, cut-short bodies, stalls', async () => {
    server.route('/500.bin', { size: 5_000, fail: { status: 500, times: 2 } });
    server.route('/429.bin', { size: 5_000, fail: { status: 429, times: 1, retryAfter: '0' } });
    server.route('/408.bin', { size: 5_000, fail: { status: 408, times: 1 } });
    server.route('/reset.bin', { size: 200_000, reset: { afterBytes: 70_000, times: 1 } });
    server.route('/short.bin', { size: 200_000, truncate: { afterBytes: 100_000, times: 2 } });
    server.route('/stall.bin', { size: 50_000, hang: { afterBytes: 1_000, times: 1 } });
    const names = ['500.bin', '429.bin', '408.bin', 'reset.bin', 'short.bin', 'stall.bin'];

    const files = await downloadFiles(
      names.map((n) => `${server.url}/${n}`),
      options({ concurrency: 6, requestTimeoutMs: 1_000 }),
    );

    expect(files.map((f) => f.bytes)).toEqual([5_000, 5_000, 5_000, 200_000, 200_000, 50_000]);
    for (const name of names) {
      const size = files[names.indexOf(name)]!.bytes;
      expect((await readFile(path.join(dir, name))).equals(expectedBytes(`/${name}`, size))).toBe(true);
    }
    expect([server.count('/500.bin'), server.count('/429.bin'), server.count('/408.bin')]).toEqual([3, 2, 2]);
    expect([server.count('/reset.bin'), server.count('/short.bin'), server.count('/stall.bin')]).toEqual([2, 3, 2]);
    expect(log.text).toContain('500.bin: HTTP 500');
    expect(log.text).toMatch(/stall\.bin: no data received for 1s; retrying/);
    expect(await listDir()).toEqual([...names].sort());
  });

  it('fails with the URL and reason when retries run out, leaving no partial file', async () => {
    server.route('/broken.png', { size: 100_000, truncate: { afterBytes: 50_000, times: 99 } });
    const url = `${server.url}/broken.png?sig=abc`;
    const error = await downloadFiles([url], options({ attempts: 3 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as Error).message).toContain(`Could not download ${url}`);
    expect((error as Error).message).toContain('after 3 attempts');
    expect(server.count('/broken.png')).toBe(3);
    expect(await listDir()).toEqual([]);
  });

  it('fails at once on 404 and other client errors', async () => {
    server.route('/gone.png', { status: 404 });
    server.route('/forbidden.png', { status: 403 });
    for (const name of ['gone.png', 'forbidden.png']) {
      const error = await downloadFiles([`${server.url}/${name}`], options()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ActionError);
      expect((error as Error).message).toMatch(new RegExp(`${name}: HTTP 40[34] `));
      expect(server.count(`/${name}`)).toBe(1);
    }
    expect(await listDir()).toEqual([]);
  });

  it('stops the downloads in flight when one file fails, removing their partial files', async () => {
    server.route('/done.txt', { body: 'finished', contentType: 'text/plain' });
    server.route('/huge.bin', { size: 10_000_000, hang: { afterBytes: 2_000_000, times: Infinity } });
    server.route('/missing.png', { status: 404, delayMs: 200 });
    const started = Date.now();
    const error = await downloadFiles(
      ['/done.txt', '/huge.bin', '/missing.png'].map((p) => server.url + p),
      options({ requestTimeoutMs: 60_000 }),
    ).catch((e: unknown) => e);
    expect((error as Error).message).toContain('/missing.png: HTTP 404');
    expect(Date.now() - started).toBeLessThan(30_000); // the hung download did not run to its 60 s timeout
    expect(await listDir()).toEqual(['done.txt']); // completed files stay; no .part left
  });

  it('follows redirects, absolute and relative', async () => {
    server.route('/real/data.json', { body: '{"ok":true}', contentType: 'application/json' });
    server.route('/hop', { redirect: '/real/data.json' });
    server.route('/start.json', { redirect: `${server.url}/hop` });
    const [file] = await downloadFiles([`${server.url}/start.json`], options());
    expect(file).toMatchObject({ path: 'out/nested/start.json', bytes: 11 });
    expect(await readFile(path.join(dir, 'start.json'), 'utf8')).toBe('{"ok":true}');
  });

  it('keeps hostile names inside the directory', async () => {
    const segments = [
      '..%2F..%2F..%2Fescape.txt',
      '..%5C..%5Cwin.txt',
      '...',
      '.hidden',
      'CON',
      'a%00b',
      'rtl%E2%80%AEtxt.exe',
    ];
    for (const segment of segments) server.route(`/h/${segment}`, { body: segment, contentType: 'text/plain' });
    const files = await downloadFiles(
      segments.map((s) => `${server.url}/h/${s}`),
      options(),
    );
    const names = files.map((f) => path.basename(f.path));
    expect(names).toEqual([
      '_.._.._escape.txt',
      '_.._win.txt',
      'output.txt',
      'hidden.txt',
      '_CON.txt',
      'a_b.txt',
      'rtltxt.exe',
    ]);
    for (const file of files) expect(path.dirname(path.resolve(workspace, file.path))).toBe(dir);
    expect((await readdir(workspace)).sort()).toEqual(['out']);
    expect((await readdir(path.join(workspace, 'out'))).sort()).toEqual(['nested']);
  });

  it('numbers duplicate names in URL order', async () => {
    server.route('/a/same.png', { size: 10, contentType: 'image/png', delayMs: 100 });
    server.route('/b/same.png', { size: 20, contentType: 'image/png' });
    server.route('/c/SAME.png', { size: 30, contentType: 'image/png' });
    const files = await downloadFiles(
      ['/a/same.png', '/b/same.png', '/c/SAME.png'].map((p) => server.url + p),
      options(),
    );
    expect(files.map((f) => [f.path, f.bytes])).toEqual([
      ['out/nested/same.png', 10],
      ['out/nested/same-2.png', 20],
      ['out/nested/SAME-3.png', 30],
    ]);
    expect((await readFile(path.join(dir, 'same-2.png'))).equals(expectedBytes('/b/same.png', 20))).toBe(true);
  });

  it('adds an extension from the Content-Type, whichever file answers first', async () => {
    server.route('/x/render', { size: 10, contentType: 'image/png; charset=binary', delayMs: 150 });
    server.route('/y/render', { size: 20, contentType: 'image/png' });
    server.route('/render.png', { size: 30, contentType: 'image/png' });
    server.route('/untyped', { size: 5, contentType: null });
    server.route('/voice', { size: 5, contentType: 'audio/mpeg' });
    const files = await downloadFiles(
      ['/x/render', '/y/render', '/render.png', '/untyped', '/voice'].map((p) => server.url + p),
      options({ concurrency: 5 }),
    );
    expect(files.map((f) => path.basename(f.path))).toEqual([
      'render-3.png',
      'render-2.png',
      'render.png',
      'untyped',
      'voice.mp3',
    ]);
    expect(files.map((f) => f.bytes)).toEqual([10, 20, 30, 5, 5]);
  });

  it('never sends an Authorization header to the storage host', async () => {
    server.route('/a.png', { size: 10 });
    server.route('/r', { redirect: '/a.png' });
    await downloadFiles([`${server.url}/a.png`, `${server.url}/r`], options());
    expect(server.requests.length).toBe(3);
    for (const request of server.requests) {
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers['user-agent']).toBe('armox-app-action/test');
    }
  });

  it('refuses URLs that are not http(s) before downloading anything', async () => {
    server.route('/ok.png', { size: 10 });
    for (const bad of [
      'file:///etc/passwd',
      'ftp://example.com/a.png',
      'javascript:alert(1)',
      'not a url',
      '/relative.png',
    ]) {
      const error = await downloadFiles([`${server.url}/ok.png`, bad], options()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ActionError);
      expect((error as Error).message).toContain('only http and https URLs');
    }
    expect(server.requests).toHaveLength(0);
  });

  it('stops and cleans up when the workflow is cancelled', async () => {
    server.route('/slow.bin', { size: 5_000_000, hang: { afterBytes: 1_000_000, times: Infinity } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const error = await downloadFiles([`${server.url}/slow.bin`], options({ signal: controller.signal })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CancelledError);
    expect(await listDir()).toEqual([]);
  });

  it('streams a 200 MiB file with flat memory', async () => {
    const size = 200 * 1024 * 1024;
    server.route('/big.mp4', { size, contentType: 'video/mp4' });
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      const [file] = await downloadFiles([`${server.url}/big.mp4`], options());
      expect(file?.bytes).toBe(size);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(peak - baseline).toBeLessThan(100 * 1024 * 1024);
    expect(await sha256File(path.join(dir, 'big.mp4'))).toBe(expectedSha256('/big.mp4', size));
  });
});

/** The defaults a real run has (60 s idle watchdog, 4 attempts, 1 s backoff), with a short deadline. */
function withDeadline(deadlineMs: number, extra: Partial<DownloadOptions> = {}): DownloadOptions {
  return { dir, workspace, log, userAgent: 'armox-app-action/test', deadline: Deadline.after(deadlineMs), ...extra };
}

describe('downloadFiles within the deadline', () => {
  it('a storage host that accepts and sends nothing: ends at the deadline, naming the file', async () => {
    server.route('/done.png', { size: 1_000, contentType: 'image/png' });
    server.route('/silent.mp4', { size: 1_000, silent: { times: Infinity } });
    const saved: DownloadedFile[] = [];
    const started = Date.now();
    const error = await downloadFiles(
      [`${server.url}/done.png`, `${server.url}/silent.mp4`],
      withDeadline(3_000, { onFileSaved: (file) => saved.push(file) }),
    ).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(30_000); // not the 60 s idle watchdog, not 4 attempts
    expect(error).toBeInstanceOf(DeliveryTimeoutError);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe(`The timeout ran out while downloading ${server.url}/silent.mp4.`);
    expect(saved).toEqual([
      { url: `${server.url}/done.png`, path: 'out/nested/done.png', bytes: 1_000, sha256: expect.any(String) },
    ]);
    expect(await listDir()).toEqual(['done.png']); // no partial file
    expect(server.count('/silent.mp4')).toBe(1);
  });

  it('a body that stalls half-way: the idle watchdog is cut short by the deadline', async () => {
    server.route('/stall.bin', { size: 5_000_000, hang: { afterBytes: 1_000_000, times: Infinity } });
    const started = Date.now();
    const error = await downloadFiles([`${server.url}/stall.bin`], withDeadline(1_000)).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(30_000); // not the 60 s idle watchdog
    expect(error).toBeInstanceOf(DeliveryTimeoutError);
    expect(await listDir()).toEqual([]);
  });

  it('a Retry-After that runs past the deadline: no wait, fails at once naming the file', async () => {
    server.route('/busy.png', { size: 10, fail: { status: 503, times: 9, retryAfter: '600' } });
    const started = Date.now();
    const error = await downloadFiles([`${server.url}/busy.png`], withDeadline(60_000)).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(30_000); // did not wait for the 60 s deadline
    expect(error).toBeInstanceOf(DeliveryTimeoutError);
    expect((error as Error).message).toBe(
      `The timeout ran out while downloading ${server.url}/busy.png: HTTP 503 Service Unavailable, and no time was left to try again.`,
    );
  });

  it('retries that fit in the deadline are still made', async () => {
    server.route('/flaky.png', { size: 10, fail: { status: 500, times: 2 } });
    const files = await downloadFiles(
      [`${server.url}/flaky.png`],
      withDeadline(10_000, { retryBaseMs: 50, retryMaxMs: 100 }),
    );
    expect(files.map((f) => f.path)).toEqual(['out/nested/flaky.png']);
    expect(server.count('/flaky.png')).toBe(3);
  });

  it('no time left at all: nothing is requested', async () => {
    server.route('/a.png', { size: 10 });
    const error = await downloadFiles([`${server.url}/a.png`], withDeadline(0)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryTimeoutError);
    expect(server.requests).toHaveLength(0);
    expect(await listDir()).toEqual([]);
  });
});
