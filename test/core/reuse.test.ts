import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../src/armox/types.js';
import { ActionError, CancelledError } from '../../src/core/errors.js';
import { checkOutputsAnswer, pickReusableJob, reuseSince } from '../../src/request/reuse.js';
import { workflowRunStartedAt } from '../../src/request/workflow-run.js';
import { Deadline } from '../../src/core/timing.js';
import { USER_AGENT } from '../../src/core/version.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { startFileServer, type FileServer } from '../helpers/file-server.js';
import { MemoryLogger } from '../helpers/memory-logger.js';

let files: FileServer;
let log: MemoryLogger;

beforeEach(async () => {
  files = await startFileServer();
  log = new MemoryLogger();
});

afterEach(async () => {
  await files.close();
});

const options = (deadlineMs = 10_000) => ({ deadline: Deadline.after(deadlineMs), log, retryDelayMs: 10 });

describe('checkOutputsAnswer', () => {
  it('is ok when every file answers a HEAD, sent without any credentials', async () => {
    files.route('/a.png', { size: 2_000_000 });
    files.route('/b.mp4', { size: 10 });
    const result = await checkOutputsAnswer([`${files.url}/a.png`, `${files.url}/b.mp4`], options());
    expect(result).toEqual({ ok: true });
    expect(files.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['HEAD /a.png', 'HEAD /b.mp4']);
    for (const request of files.requests) {
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers['user-agent']).toBe(USER_AGENT);
    }
  });

  it('is ok for no files at all', async () => {
    expect(await checkOutputsAnswer([], options())).toEqual({ ok: true });
  });

  it('names the file that is gone, and checks no further', async () => {
    files.route('/a.png', { size: 10 });
    const result = await checkOutputsAnswer(
      [`${files.url}/a.png`, `${files.url}/gone.png`, `${files.url}/a.png`],
      options(),
    );
    expect(result).toEqual({ ok: false, reason: `${files.url}/gone.png answered 404` });
    expect(files.count('/a.png')).toBe(1);
  });

  it.each([405, 403, 501])('asks for one byte with a ranged GET when HEAD is refused with %i', async (status) => {
    files.route('/a.png', { size: 10, fail: { status, times: 1 } });
    expect(await checkOutputsAnswer([`${files.url}/a.png`], options())).toEqual({ ok: true });
    expect(files.requests.map((r) => [r.method, r.headers.range])).toEqual([
      ['HEAD', undefined],
      ['GET', 'bytes=0-0'],
    ]);
  });

  it('is ok when HEAD is always refused and the ranged GET is answered with the whole (large) file', async () => {
    // The file server refuses by request count, not by method: this host refuses every HEAD and ignores Range.
    const seen: string[] = [];
    const host = createServer((req, res) => {
      seen.push(`${req.method} ${req.headers.range}`);
      if (req.method === 'HEAD') return void res.writeHead(405).end();
      res.writeHead(200, { 'Content-Length': 5_000_000 });
      res.end(Buffer.alloc(5_000_000));
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(host.address() as AddressInfo).port}/big.bin`;
      expect(await checkOutputsAnswer([url], options())).toEqual({ ok: true });
      expect(seen).toEqual(['HEAD undefined', 'GET bytes=0-0']);
    } finally {
      host.closeAllConnections();
      await new Promise((resolve) => host.close(resolve));
    }
  });

  it('fails when HEAD and GET are both refused', async () => {
    files.route('/a.png', { status: 403 });
    const result = await checkOutputsAnswer([`${files.url}/a.png`], options());
    expect(result).toEqual({ ok: false, reason: `${files.url}/a.png answered 403` });
  });

  it('follows redirects', async () => {
    files.route('/moved.png', { redirect: '/a.png' });
    files.route('/a.png', { size: 10 });
    expect(await checkOutputsAnswer([`${files.url}/moved.png`], options())).toEqual({ ok: true });
    expect(files.count('/a.png')).toBe(1);
  });

  it('gives up on a redirect loop', async () => {
    files.route('/loop.png', { redirect: '/loop.png' });
    const result = await checkOutputsAnswer([`${files.url}/loop.png`], options());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('redirected more than');
  });

  it('tries a transient failure once more', async () => {
    files.route('/a.png', { size: 10, fail: { status: 503, times: 1 } });
    expect(await checkOutputsAnswer([`${files.url}/a.png`], options())).toEqual({ ok: true });
    expect(files.count('/a.png')).toBe(2);
  });

  it('fails after a transient failure repeats', async () => {
    files.route('/a.png', { size: 10, fail: { status: 503, times: 5 } });
    const result = await checkOutputsAnswer([`${files.url}/a.png`], options());
    expect(result).toEqual({ ok: false, reason: `${files.url}/a.png answered 503` });
    expect(files.count('/a.png')).toBe(2);
  });

  it('stays within the deadline when the host hangs', async () => {
    files.route('/a.png', { size: 10, delayMs: 60_000 });
    const started = Date.now();
    const result = await checkOutputsAnswer([`${files.url}/a.png`], options(300));
    expect(result.ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('fails, without a request, when the deadline has passed', async () => {
    files.route('/a.png', { size: 10 });
    const result = await checkOutputsAnswer([`${files.url}/a.png`], options(0));
    expect(result).toEqual({ ok: false, reason: `${files.url}/a.png was not checked: the timeout ran out` });
    expect(files.requests).toEqual([]);
  });

  it('rejects with CancelledError when the workflow is cancelled', async () => {
    files.route('/a.png', { size: 10, delayMs: 60_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(
      checkOutputsAnswer([`${files.url}/a.png`], { ...options(), signal: controller.signal }),
    ).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('pickReusableJob', () => {
  const job = (id: string, file: string): Job => ({
    id,
    status: 'completed',
    created_at: '2026-11-28T10:00:00Z',
    output_data: { node_outputs: { n1: { outputImage: `${files.url}${file}` } } },
  });
  const outputUrls = (j: Job) => [
    String((j.output_data?.node_outputs as Record<string, { outputImage: string }>).n1!.outputImage),
  ];

  it('takes the most recent candidate whose files answer, logging why others were passed over', async () => {
    files.route('/old.png', { size: 10 });
    const picked = await pickReusableJob([job('new', '/gone.png'), job('old', '/old.png')], {
      ...options(),
      outputUrls,
    });
    expect(picked?.id).toBe('old');
    expect(log.text).toContain(
      `Not reusing job new (created 2026-11-28T10:00:00Z): ${files.url}/gone.png answered 404.`,
    );
  });

  it('gives nothing when no candidate answers', async () => {
    expect(await pickReusableJob([job('a', '/gone.png')], { ...options(), outputUrls })).toBeUndefined();
  });

  it('adopts a job once per step: a second identical item gets the next one, or nothing', async () => {
    files.route('/a.png', { size: 10 });
    files.route('/b.png', { size: 10 });
    const claimed = new Set<string>();
    const candidates = [job('a', '/a.png'), job('b', '/b.png')];
    const pick = () => pickReusableJob(candidates, { ...options(), outputUrls, claimed });
    expect((await pick())?.id).toBe('a');
    expect((await pick())?.id).toBe('b');
    expect(await pick()).toBeUndefined();
    expect([...claimed]).toEqual(['a', 'b']);
  });

  it('checks at most maxChecks candidates', async () => {
    const candidates = ['/1', '/2', '/3', '/4'].map((file, i) => job(`j${i}`, file));
    expect(await pickReusableJob(candidates, { ...options(), outputUrls, maxChecks: 2 })).toBeUndefined();
    expect(files.requests.map((r) => r.path)).toEqual(['/1', '/2']);
  });
});

describe('workflow run start (reuse: rerun)', () => {
  let github: FakeGitHub;
  beforeEach(async () => {
    github = await startFakeGitHub();
    github.seedWorkflowRun('octo/app', { id: 42, createdAt: '2026-11-28T10:00:00Z', runAttempt: 2 });
  });
  afterEach(async () => {
    await github.close();
  });

  const run = (overrides: Partial<Parameters<typeof workflowRunStartedAt>[0]> = {}) => ({
    token: github.token,
    apiUrl: `${github.url}/`,
    repository: 'octo/app',
    runId: '42',
    log,
    ...overrides,
  });

  it('reads the run created_at with the token', async () => {
    expect(await workflowRunStartedAt(run())).toBe(Date.parse('2026-11-28T10:00:00Z'));
    const request = github.requests.at(-1)!;
    expect(request.path).toBe('/repos/octo/app/actions/runs/42');
    expect(request.headers.authorization).toMatch(new RegExp(`^(token|Bearer) ${github.token}$`));
  });

  it.each([
    [
      'the token lacks actions: read (403)',
      () => (github.forbidActionsRead = true),
      {},
      /403 "Resource not accessible/,
    ],
    ['the run is not visible (404)', () => undefined, { runId: '7' }, /404 "Not Found"/],
    ['there is no token', () => undefined, { token: '' }, /github-token is empty/],
  ])('names the permission when %s', async (_, setup, overrides, detail) => {
    setup();
    const failure = workflowRunStartedAt(run(overrides));
    await expect(failure).rejects.toBeInstanceOf(ActionError);
    await expect(failure).rejects.toThrow(detail);
    await expect(failure).rejects.toThrow('permissions: actions: read');
  });

  it('says the token was refused (401)', async () => {
    await expect(workflowRunStartedAt(run({ token: 'ghs_wrong' }))).rejects.toThrow(
      /refused github-token \(401 Bad credentials\)/,
    );
  });

  it('needs GITHUB_REPOSITORY and GITHUB_RUN_ID', async () => {
    await expect(workflowRunStartedAt(run({ runId: undefined }))).rejects.toThrow(/GITHUB_RUN_ID/);
    await expect(workflowRunStartedAt(run({ repository: 'octo' }))).rejects.toThrow(/GITHUB_REPOSITORY/);
  });

  describe('reuseSince', () => {
    it('asks nothing on the first attempt', async () => {
      expect(await reuseSince({ mode: 'rerun' }, { ...run(), runAttempt: '1' })).toBeUndefined();
      expect(github.requests).toEqual([]);
    });

    it('is the run start on a re-run', async () => {
      expect(await reuseSince({ mode: 'rerun' }, { ...run(), runAttempt: '2' })).toBe(
        Date.parse('2026-11-28T10:00:00Z'),
      );
    });

    it('warns with the permission and reuses nothing when the run cannot be read', async () => {
      github.forbidActionsRead = true;
      expect(await reuseSince({ mode: 'rerun' }, { ...run(), runAttempt: '2' })).toBeUndefined();
      expect(log.lines.filter((l) => l.startsWith('warning:'))).toEqual([
        expect.stringContaining('permissions: actions: read'),
      ]);
      expect(log.text).toContain('Submitting as usual');
    });

    it('stops, rather than submitting, when the workflow is cancelled while the run is read', async () => {
      const controller = new AbortController();
      controller.abort();
      const since = reuseSince({ mode: 'rerun' }, { ...run(), runAttempt: '2', signal: controller.signal });
      await expect(since).rejects.toBeInstanceOf(CancelledError);
      expect(log.text).not.toContain('Submitting as usual');
    });

    it('is now minus the age for a maximum age, on any attempt, without asking GitHub', async () => {
      const now = Date.parse('2026-11-28T12:00:00Z');
      expect(await reuseSince({ mode: 'max-age', maxAgeMs: 3_600_000 }, { ...run(), runAttempt: '1', now })).toBe(
        now - 3_600_000,
      );
      expect(github.requests).toEqual([]);
    });

    it('is nothing for reuse: false', async () => {
      expect(await reuseSince({ mode: 'off' }, { ...run(), runAttempt: '3' })).toBeUndefined();
      expect(github.requests).toEqual([]);
    });
  });
});
