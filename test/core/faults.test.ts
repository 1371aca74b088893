/**
 * Every fault switch of the emulator, run against the action's core in this
 * process (fast: short retry delays and request timeouts). The process-level
 * cases (signals, secrets in the log, proxies) are in faults-e2e.test.ts and
 * security.test.ts. docs/faults.md lists which test shows what.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  IDS,
  MODEL_IDS,
  SKETCH_TO_RENDER,
  startEmulator,
  type ArmoxEmulator,
  type FaultRule,
  type RecordedRequest,
  type SeedJobOptions,
} from '../../emulator/armox-emulator.js';
import type { ClientOptions } from '../../src/armox/client.js';
import { ActionError, CancelledError, TimeoutError } from '../../src/core/errors.js';
import { runInProcess, stillUntil, type InProcessRun } from '../helpers/in-process.js';

// Each test has its own emulator, so tests run concurrently (most of their time is spent waiting).
const emulators: ArmoxEmulator[] = [];
async function fresh(): Promise<ArmoxEmulator> {
  const emu = await startEmulator();
  emulators.push(emu);
  return emu;
}
afterAll(async () => {
  await Promise.all(emulators.splice(0).map((emu) => emu.close()));
});

const SKETCH = {
  'app-name': 'Sketch to Render',
  inputs: 'Input Images: [https://example.com/sketch.jpg]\nAspect Ratio: "16:9"',
};

/** Paths as the emulator records them (prefix strings or RegExps over path+query). */
const JOB = /\/api\/v1\/jobs\/[^/?]+$/;
const CANCEL = /\/api\/v1\/jobs\/[^/?]+\/cancel$/;
const LIST_JOBS = '/jobs?';

type CoreRun = InProcessRun;

/**
 * A request timeout short enough that a hung request costs little, long enough that an answered one never meets it:
 * on a loaded 2-core machine a loopback answer can take far longer than the few milliseconds it takes alone.
 */
const REQUEST_TIMEOUT_MS = 5_000;
/** What a test sets where a request hangs on purpose: the bound a test proves the step does not wait out. */
const LONG_REQUEST_TIMEOUT_MS = 60_000;

/** The action's core against the emulator (test/helpers/in-process.ts), with a short request timeout. */
function runCore(
  emu: ArmoxEmulator,
  inputs: Record<string, string>,
  options: { client?: Partial<ClientOptions>; signal?: AbortSignal; now?: () => number } = {},
): Promise<CoreRun> {
  return runInProcess(emu, inputs, {
    signal: options.signal,
    now: options.now,
    client: { requestTimeoutMs: REQUEST_TIMEOUT_MS, ...options.client },
  });
}

/** Milliseconds between successive requests. */
function gaps(requests: RecordedRequest[]): number[] {
  return requests.slice(1).map((request, i) => request.at - requests[i]!.at);
}

function onlyJobId(emu: ArmoxEmulator): string {
  expect(emu.jobs.size).toBe(1);
  return [...emu.jobs.keys()][0]!;
}

describe.concurrent('429 rate limits', () => {
  it.each([
    ['GET /apps', 'GET', '/apps'],
    ['POST /apps/run', 'POST', '/apps/run'],
    ['GET /jobs/:id', 'GET', JOB],
  ] as const)('%s: waits out Retry-After in seconds, then goes on', async (_name, method, path) => {
    const emu = await fresh();
    const fault = emu.fault({ kind: 'rate-limit', method, path, retryAfter: '1' });
    const run = await runCore(emu, SKETCH);
    expect(run.error).toBeUndefined();
    expect(fault.hits).toBe(1);
    const [limited, retried] = emu.findRequests(method, path);
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(1000);
    expect(run.log.text).toMatch(/rate limited by the API; retrying in 1s/);
    // A 429 means the run was not taken: sending it again charges once.
    expect(emu.requestCount('POST', '/apps/run')).toBe(method === 'POST' ? 2 : 1);
    expect(emu.jobs.size).toBe(1);
    expect(run.outputs.status).toBe('completed');
  });

  it('POST /jobs/:id/cancel: waits out Retry-After, then cancels', async () => {
    const emu = await fresh();
    emu.setJobPlan({ outcome: 'never' });
    emu.fault({ kind: 'rate-limit', method: 'POST', path: CANCEL, retryAfter: '1' });
    const run = await runCore(emu, { ...SKETCH, timeout: '3s' }, { now: stillUntil(() => emu.jobs.size > 0) });
    expect(run.error).toBeInstanceOf(TimeoutError);
    expect(run.error!.message).toMatch(/was cancelled so it stops spending credits/);
    const [limited, retried] = emu.findRequests('POST', CANCEL);
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(1000);
    expect(emu.jobs.get(onlyJobId(emu))!.status).toBe('cancelled');
  });

  it('Retry-After as an HTTP date: no request before that date', async () => {
    const emu = await fresh();
    const date = new Date(Math.ceil((Date.now() + 1500) / 1000) * 1000);
    emu.fault({ kind: 'rate-limit', method: 'GET', path: '/apps', retryAfter: date.toUTCString() });
    const run = await runCore(emu, SKETCH);
    expect(run.error).toBeUndefined();
    const [, retried] = emu.findRequests('GET', '/apps');
    expect(retried!.at).toBeGreaterThanOrEqual(date.getTime());
  });

  it('without Retry-After: exponential backoff with jitter', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'rate-limit', method: 'GET', path: '/apps', retryAfter: null, times: 3 });
    let draws = 0;
    const random = () => {
      draws += 1;
      return 0.5;
    };
    const run = await runCore(emu, SKETCH, { client: { retryBaseMs: 100, retryMaxMs: 10_000, random } });
    expect(run.error).toBeUndefined();
    // Attempt n waits between half and all of 100 ms × 2^n; with the jitter at 0.5, three quarters.
    const waits = gaps(emu.findRequests('GET', '/apps'));
    expect(waits).toHaveLength(3);
    expect(waits[0]).toBeGreaterThanOrEqual(150);
    expect(waits[1]).toBeGreaterThanOrEqual(300);
    expect(waits[2]).toBeGreaterThanOrEqual(600);
    expect(draws).toBeGreaterThanOrEqual(3);
  });

  it('repeated 429s with Retry-After: 0 still back off, with jitter', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'rate-limit', method: 'GET', path: '/apps', retryAfter: '0', times: 3 });
    const run = await runCore(emu, SKETCH, { client: { retryBaseMs: 100, retryMaxMs: 10_000, random: () => 0.5 } });
    expect(run.error).toBeUndefined();
    const waits = gaps(emu.findRequests('GET', '/apps'));
    expect(waits).toHaveLength(3);
    // The first 429 is taken at its word (retry now); the next ones wait 3/4 of 100 ms × 2^n at least.
    expect(waits[1]).toBeGreaterThanOrEqual(300);
    expect(waits[2]).toBeGreaterThanOrEqual(600);
  });

  it('repeated 429s: gives up with a clear error, without submitting', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'rate-limit', method: 'GET', path: '/apps', retryAfter: null, times: Infinity });
    const run = await runCore(emu, SKETCH, { client: { retryBaseMs: 10, retryMaxMs: 40 } });
    expect(run.error!.message).toMatch(
      /^GET \/apps failed: 429 rate limited \(Rate limit exceeded\) and the limit did not clear in time\. Poll less often/,
    );
    expect(emu.requestCount('GET', '/apps')).toBe(9); // the first answer and 8 waits
    expect(emu.requestCount('POST', null)).toBe(0);
  });

  it('a Retry-After longer than the time left: no request before it allows, not even the next poll', async () => {
    const emu = await fresh();
    emu.setJobPlan({ outcome: 'never' });
    emu.fault({ kind: 'rate-limit', method: 'GET', path: JOB, retryAfter: '4', times: Infinity });
    const run = await runCore(
      emu,
      { ...SKETCH, timeout: '3s' },
      { client: { requestTimeoutMs: LONG_REQUEST_TIMEOUT_MS }, now: stillUntil(() => emu.jobs.size > 0) },
    );
    expect(run.error).toBeInstanceOf(TimeoutError);
    const [limited, ...later] = emu.requests.filter((request) => request.at >= emu.findRequests('GET', JOB)[0]!.at);
    expect(later.length).toBeGreaterThan(0);
    for (const request of later) expect(request.at - limited!.at).toBeGreaterThanOrEqual(4000);
    // The clean-up still cancels the job once the window has passed.
    expect(emu.jobs.get(onlyJobId(emu))!.status).toBe('cancelled');
  });

  it('X-RateLimit-Remaining: 0 slows down before a 429: the next request waits for the reset', async () => {
    const emu = await fresh();
    emu.setRateLimitRemaining(0, 1);
    const run = await runCore(emu, SKETCH);
    expect(run.error).toBeUndefined();
    const apps = emu.findRequests('GET', '/apps')[0]!;
    const submit = emu.findRequests('POST', '/apps/run')[0]!;
    // The reset the emulator announced is at least this (it was computed after the request arrived).
    const reset = Math.ceil(apps.at / 1000 + 1) * 1000;
    expect(submit.at).toBeGreaterThanOrEqual(reset);
    // The balance is read alongside the app list: the request that waits is the first one sent after them.
    expect(run.log.text).toMatch(/rate-limit window is used up; waiting \d+s before (GET \/apps|POST \/apps\/run)/);
  });

  it('a workflow cancelled while a 429 on the submission is sat out submits nothing', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'rate-limit', method: 'POST', path: '/apps/run', retryAfter: '600' });
    const controller = new AbortController();
    const running = runCore(emu, SKETCH, { signal: controller.signal });
    while (emu.requestCount('POST', '/apps/run') === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    const run = await running;
    expect(run.error).toBeInstanceOf(CancelledError);
    expect(run.ms).toBeLessThan(60_000); // not the 10 minutes Retry-After asked for
    expect(emu.requestCount('POST', '/apps/run')).toBe(1);
    expect(emu.jobs.size).toBe(0);
    expect(run.outputs['job-id']).toBeUndefined();
  });
});

describe.concurrent('5xx, resets and hangs on reads: retried within the timeout', () => {
  const kinds: Array<[string, Omit<FaultRule, 'method' | 'path'>]> = [
    ['500', { kind: 'status', status: 500 }],
    ['503', { kind: 'status', status: 503, body: '{"error":"Service unavailable"}' }],
    ['502 HTML page', { kind: 'html' }],
    ['reset', { kind: 'reset' }],
    ['hang', { kind: 'hang' }],
    ['hang-body', { kind: 'hang-body' }],
    ['truncate', { kind: 'truncate' }],
    ['huge (9 MiB, chunked)', { kind: 'huge', bytes: 9 * 1024 * 1024, chunked: true }],
  ];
  const reads = [
    ['GET /apps', '/apps'],
    ['GET /jobs/:id', JOB],
  ] as const;

  it.each(reads.flatMap(([call, path]) => kinds.map(([name, rule]) => [call, name, path, rule] as const)))(
    '%s, %s once: retried, the run completes',
    async (_call, _name, path, rule) => {
      const emu = await fresh();
      const fault = emu.fault({ ...rule, method: 'GET', path });
      const run = await runCore(emu, SKETCH);
      expect(run.error).toBeUndefined();
      expect(fault.hits).toBe(1);
      expect(run.outputs.status).toBe('completed');
      // Polls: one more than without the fault, unless the fault let the emulator handle the request (a cut-short answer).
      const handled = rule.kind === 'truncate' || rule.kind === 'hang-body';
      expect(emu.requestCount('GET', path)).toBe(path === JOB && !handled ? 3 : 2);
      expect(emu.requestCount('POST', '/apps/run')).toBe(1);
    },
  );

  it('a read that keeps failing gives up after 5 attempts with the last error', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'status', method: 'GET', path: '/apps', status: 500, times: Infinity });
    const run = await runCore(emu, SKETCH);
    expect(run.error!.message).toBe('GET /apps failed: 500 "Injected failure".');
    expect(emu.requestCount('GET', '/apps')).toBe(5);
    expect(run.log.text).toMatch(/Retrying in [\d.]+s \(attempt 2 of 5\)/);
  });

  it('a hung read never outlives the timeout (1s, with the default 60s request timeout)', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'hang', method: 'GET', path: '/apps', times: Infinity });
    const run = await runCore(
      emu,
      { ...SKETCH, timeout: '1s' },
      { client: { requestTimeoutMs: LONG_REQUEST_TIMEOUT_MS } },
    );
    expect(run.error).toBeInstanceOf(TimeoutError);
    expect(run.error!.message).toBe('GET /apps: the timeout ran out while waiting for the API to answer.');
    expect(run.ms).toBeLessThan(LONG_REQUEST_TIMEOUT_MS / 2);
  });

  it('a poll that hangs until the timeout: the job is cancelled', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'hang-body', method: 'GET', path: JOB, times: Infinity });
    const run = await runCore(
      emu,
      { ...SKETCH, timeout: '3s' },
      { client: { requestTimeoutMs: LONG_REQUEST_TIMEOUT_MS }, now: stillUntil(() => emu.jobs.size > 0) },
    );
    expect(run.error).toBeInstanceOf(TimeoutError);
    expect(run.error!.message).toMatch(/did not finish within 3s .*was cancelled/);
    expect(run.ms).toBeLessThan(LONG_REQUEST_TIMEOUT_MS / 2);
    expect(emu.jobs.get(onlyJobId(emu))!.status).toBe('cancelled');
  });

  it.each([
    ['500', { kind: 'status', status: 500 }],
    ['reset', { kind: 'reset' }],
    ['hang', { kind: 'hang' }],
  ] as const)('a cancel that meets a %s is sent again (cancelling twice is harmless)', async (_name, rule) => {
    const emu = await fresh();
    emu.setJobPlan({ outcome: 'never' });
    emu.fault({ ...rule, method: 'POST', path: CANCEL });
    const run = await runCore(emu, { ...SKETCH, timeout: '3s' }, { now: stillUntil(() => emu.jobs.size > 0) });
    expect(run.error!.message).toMatch(/was cancelled so it stops spending credits/);
    expect(emu.requestCount('POST', CANCEL)).toBe(2);
    expect(emu.jobs.get(onlyJobId(emu))!.status).toBe('cancelled');
  });
});

describe.concurrent('submit (POST /apps/run): never sent twice', () => {
  const html = '<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>';
  it.each([
    ['500', { kind: 'status', status: 500 }, false],
    ['500 after handling', { kind: 'status', status: 500, afterHandling: true }, true],
    ['502 HTML page', { kind: 'html' }, false],
    ['reset', { kind: 'reset' }, false],
    ['reset after handling', { kind: 'reset', afterHandling: true }, true],
    ['hang', { kind: 'hang' }, false],
    ['hang after handling', { kind: 'hang', afterHandling: true }, true],
    ['truncated answer (after handling)', { kind: 'truncate' }, true],
    ['hang-body (after handling)', { kind: 'hang-body' }, true],
    ['202 {}', { kind: 'body', status: 202, body: '{}' }, false],
    ['202 {} after handling', { kind: 'body', status: 202, body: '{}', afterHandling: true }, true],
    ['202 []', { kind: 'body', status: 202, body: '[]' }, false],
    ['202 [] after handling', { kind: 'body', status: 202, body: '[]', afterHandling: true }, true],
    ['200 HTML', { kind: 'body', status: 200, body: html, headers: { 'content-type': 'text/html' } }, false],
    [
      '200 HTML after handling',
      { kind: 'body', status: 200, body: html, headers: { 'content-type': 'text/html' }, afterHandling: true },
      true,
    ],
  ] as const)('%s', async (_name, rule, wentThrough) => {
    const emu = await fresh();
    emu.fault({ ...(rule as FaultRule), method: 'POST', path: '/apps/run' });
    const run = await runCore(emu, SKETCH);
    expect(emu.requestCount('POST', '/apps/run')).toBe(1);
    expect(emu.requestCount('GET', LIST_JOBS)).toBe(1);
    expect(run.log.text).toMatch(/may or may not have accepted the run; it is not sent again/);
    if (wentThrough) {
      // The run went through: found among the recent jobs, followed to the end.
      expect(run.error).toBeUndefined();
      expect(run.outputs['job-id']).toBe(onlyJobId(emu));
      expect(run.outputs.status).toBe('completed');
      expect(run.log.text).toContain(`Found the submitted run among the recent jobs: ${onlyJobId(emu)}`);
    } else {
      expect(emu.jobs.size).toBe(0);
      expect(run.error).toBeInstanceOf(ActionError);
      expect(run.error!.message).toMatch(
        /^Submitting the run failed and its outcome is unknown: POST \/apps\/run failed: .* It was not retried, so it was charged at most once\./,
      );
      expect(run.outputs['job-id']).toBeUndefined();
      expect(run.report.nextSteps.join('\n')).toMatch(/GET \/api\/v1\/jobs/);
    }
  });

  it('a submission that hangs until the timeout: stops at the timeout, still sent once', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'hang', method: 'POST', path: '/apps/run' });
    const run = await runCore(
      emu,
      { ...SKETCH, timeout: '1s' },
      {
        client: { requestTimeoutMs: LONG_REQUEST_TIMEOUT_MS },
        now: stillUntil(() => emu.requestCount('POST', '/apps/run') > 0),
      },
    );
    expect(run.error!.message).toMatch(
      /^Submitting the run failed and its outcome is unknown: POST \/apps\/run: the timeout ran out/,
    );
    expect(run.ms).toBeLessThan(LONG_REQUEST_TIMEOUT_MS / 2);
    expect(emu.requestCount('POST', '/apps/run')).toBe(1);
  });

  it('the answer is lost and the recent jobs cannot be listed either: says so, sends once', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'reset', method: 'POST', path: '/apps/run', afterHandling: true });
    emu.fault({ kind: 'status', method: 'GET', path: LIST_JOBS, status: 503, times: Infinity });
    const run = await runCore(emu, SKETCH);
    expect(run.error!.message).toMatch(/outcome is unknown/);
    expect(run.log.text).toMatch(/Could not list the recent jobs: GET \/jobs failed: 503/);
    expect(emu.requestCount('POST', '/apps/run')).toBe(1);
  });
});

describe.concurrent('a lost submission answer is told from identical recent jobs', () => {
  /** The same run as an app and as a model, and how to seed an earlier job with its inputs. */
  const KINDS = [
    {
      kind: 'app',
      path: '/apps/run',
      inputs: SKETCH,
      seed: (emu: ArmoxEmulator, options: Partial<SeedJobOptions>) =>
        emu.seedJob({
          appId: SKETCH_TO_RENDER.id,
          inputs: {
            [IDS.sketchToRender.inputImages]: ['https://example.com/sketch.jpg'],
            [IDS.sketchToRender.aspectRatio]: '16:9',
          },
          createdAt: Date.now(),
          ...options,
        }),
    },
    {
      kind: 'model',
      path: '/models/run',
      inputs: { model: MODEL_IDS.nanoBanana, inputs: 'prompt: a' },
      seed: (emu: ArmoxEmulator, options: Partial<SeedJobOptions>) =>
        emu.seedJob({ modelId: MODEL_IDS.nanoBanana, input: { prompt: 'a' }, createdAt: Date.now(), ...options }),
    },
  ] as const;

  it.each(KINDS)(
    '$kind: a failed identical job from 30 s earlier is passed over; the new job is found',
    async ({ path, inputs, seed }) => {
      const emu = await fresh();
      const earlier = seed(emu, { status: 'failed', createdAt: Date.now() - 30_000 });
      emu.fault({ kind: 'reset', method: 'POST', path, afterHandling: true });
      const run = await runCore(emu, inputs);
      expect(run.error).toBeUndefined();
      expect(emu.requestCount('POST', path)).toBe(1);
      const ours = [...emu.jobs.keys()].find((id) => id !== earlier.id)!;
      expect(run.outputs['job-id']).toBe(ours);
      expect(run.outputs.status).toBe('completed');
      expect(run.report.runs[0]!.jobId).toBe(ours);
    },
  );

  it.each(KINDS)(
    '$kind: the run never reached Armox: an earlier failed identical job is not taken for it, but named',
    async ({ path, inputs, seed }) => {
      const emu = await fresh();
      const earlier = seed(emu, { status: 'failed', createdAt: Date.now() - 30_000 });
      emu.fault({ kind: 'reset', method: 'POST', path });
      const run = await runCore(emu, inputs);
      expect(emu.jobs.size).toBe(1);
      expect(run.outputs['job-id']).toBeUndefined();
      expect(run.error!.message).toMatch(/outcome is unknown/);
      // Seeded 30 s before this test's clock reading; the step sends a moment later (seconds, on a loaded machine).
      const age = new RegExp(`${earlier.id} \\(failed, created (\\d+)s before it was sent\\)`).exec(run.error!.message);
      expect(Number(age?.[1])).toBeGreaterThanOrEqual(30);
      expect(run.report.nextSteps.join('\n')).toContain(earlier.id);
    },
  );

  it('a job the step listed before sending (for reuse) is not the submitted one, whatever its creation time says', async () => {
    const emu = await fresh();
    // Armox's clock ahead of the runner's: the earlier job looks created after the submission.
    const earlier = KINDS[1].seed(emu, { status: 'failed', createdAt: Date.now() + 5_000 });
    emu.fault({ kind: 'reset', method: 'POST', path: '/models/run', afterHandling: true });
    const run = await runCore(emu, { ...KINDS[1].inputs, reuse: '1h' });
    expect(run.error).toBeUndefined();
    expect(emu.requestCount('GET', LIST_JOBS)).toBe(2);
    expect(run.outputs['job-id']).not.toBe(earlier.id);
    expect(run.outputs['job-id']).toBe([...emu.jobs.keys()].find((id) => id !== earlier.id));
  });

  it("an identical job created long after the submission (another run's) is not taken for it", async () => {
    const emu = await fresh();
    const later = KINDS[1].seed(emu, { createdAt: Date.now() + 5 * 60_000 });
    emu.fault({ kind: 'reset', method: 'POST', path: '/models/run' });
    const run = await runCore(emu, KINDS[1].inputs);
    expect(emu.jobs.size).toBe(1);
    expect(run.outputs['job-id']).toBeUndefined();
    expect(run.error!.message).toMatch(/outcome is unknown/);
    expect(emu.jobs.get(later.id)!.status).not.toBe('cancelled');
  });

  it('truly ambiguous: refuses to guess, names every job it could be, sends nothing again', async () => {
    const emu = await fresh();
    const other = KINDS[1].seed(emu, { createdAt: Date.now() + 5_000 });
    emu.fault({ kind: 'reset', method: 'POST', path: '/models/run', afterHandling: true });
    const run = await runCore(emu, KINDS[1].inputs);
    expect(emu.requestCount('POST', '/models/run')).toBe(1);
    const ours = [...emu.jobs.keys()].find((id) => id !== other.id)!;
    expect(run.log.text).toMatch(/Several recent jobs match this run/);
    expect(run.outputs['job-id']).toBeUndefined();
    expect(run.error!.message).toMatch(/outcome is unknown: .* Recent jobs with the same inputs that it may be/);
    expect(run.error!.message).toContain(ours);
    expect(run.error!.message).toContain(other.id);
    const next = run.report.nextSteps.join('\n');
    expect(next).toContain(ours);
    expect(next).toContain(other.id);
  });

  it('a batch of two identical items whose answers are both lost: each finds its own job', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'reset', method: 'POST', path: '/models/run', afterHandling: true, times: 2 });
    const run = await runCore(emu, { model: MODEL_IDS.nanoBanana, batch: '- prompt: a\n- prompt: a' });
    expect(run.error).toBeUndefined();
    expect(emu.requestCount('POST', '/models/run')).toBe(2);
    const ids = JSON.parse(run.outputs['job-ids']!) as string[];
    expect(new Set(ids).size).toBe(2);
    expect(ids.sort()).toEqual([...emu.jobs.keys()].sort());
  });
});

describe.concurrent('malformed or surprising answers: a clear error, never a crash', () => {
  it('an HTML error page from a proxy, every time', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'html', method: 'GET', path: '/apps', times: Infinity });
    const run = await runCore(emu, SKETCH);
    expect(run.error!.message).toMatch(
      /^GET \/apps failed: 502 "an answer that is not JSON \(text\/html, \d+ bytes: 502 Bad Gateway 502 Bad Gateway cloudflare\)"\.$/,
    );
  });

  it('a 200 HTML page instead of JSON, every time', async () => {
    const emu = await fresh();
    emu.fault({
      kind: 'body',
      method: 'GET',
      path: '/apps',
      times: Infinity,
      body: '<html><head><title>Sign in</title><script>var x = 1;</script></head><body>Please sign in</body></html>',
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    const run = await runCore(emu, SKETCH);
    expect(run.error!.message).toMatch(
      /^GET \/apps failed: the API sent an answer that is not JSON \(text\/html; charset=utf-8, \d+ bytes: Sign in Please sign in\)\.$/,
    );
  });

  it('truncated JSON, every time', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'truncate', method: 'GET', path: '/apps', times: Infinity });
    const run = await runCore(emu, SKETCH);
    expect(run.error!.message).toMatch(/^GET \/apps failed: the answer was cut short/);
  });

  it.each([
    ['with a Content-Length', false],
    ['chunked', true],
  ])('a body over 8 MiB (%s), every time', async (_name, chunked) => {
    const emu = await fresh();
    emu.fault({ kind: 'huge', method: 'GET', path: '/apps', times: Infinity, bytes: 9 * 1024 * 1024, chunked });
    // The size limit is what is proved: on a loaded machine 9 MiB may take longer than the short request timeout.
    const run = await runCore(emu, SKETCH, { client: { requestTimeoutMs: 10_000 } });
    expect(run.error!.message).toMatch(
      /^GET \/apps failed: the answer is (9437184 bytes, )?more than the 8388608( bytes)? allowed/,
    );
  });

  it('a job without a status: warns with the reason on every poll, then times out and cancels', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'body', method: 'GET', path: JOB, times: Infinity, body: '{"object":"job","id":"x"}' });
    const run = await runCore(emu, { ...SKETCH, timeout: '3s' }, { now: stillUntil(() => emu.jobs.size > 0) });
    expect(run.error).toBeInstanceOf(TimeoutError);
    expect(run.log.text).toMatch(
      /warning: GET \/jobs\/[0-9a-f-]+ failed: the API sent job x without a "status"\. Still waiting/,
    );
    expect(emu.jobs.get(onlyJobId(emu))!.status).toBe('cancelled');
  });

  it.each([
    ['a list', '[{"outputImage":"https://x/y.png"}]'],
    ['a string', '"https://x/y.png"'],
  ])(
    'node_outputs that is %s: the step fails, naming the problem, with the raw value in outputs',
    async (_name, raw) => {
      const emu = await fresh();
      emu.fault({
        kind: 'body',
        method: 'GET',
        path: JOB,
        times: Infinity,
        body: `{"object":"job","id":"j1","status":"completed","output_data":{"node_outputs":${raw}}}`,
      });
      const run = await runCore(emu, SKETCH);
      expect(run.error).toBeInstanceOf(ActionError);
      expect(run.error!.message).toMatch(
        /^Job j1 completed, but its answer is malformed: output_data\.node_outputs is (a list|a string), not an object/,
      );
      expect(run.outputs.outputs).toBe(raw);
      expect(run.outputs.status).toBe('completed');
    },
  );

  it('a job list without "data" while recovering a lost submission', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'reset', method: 'POST', path: '/apps/run', afterHandling: true });
    emu.fault({ kind: 'body', method: 'GET', path: LIST_JOBS, body: '{"object":"list"}' });
    const run = await runCore(emu, SKETCH);
    expect(run.error!.message).toMatch(/outcome is unknown/);
    expect(run.log.text).toMatch(
      /Could not list the recent jobs: GET \/jobs failed: the API sent a body without a "data" list of jobs/,
    );
  });
});

describe.concurrent('job lifecycle surprises', () => {
  it('a job that stays pending forever: times out and is cancelled', async () => {
    const emu = await fresh();
    emu.setJobPlan({ pendingPolls: Infinity });
    const run = await runCore(emu, { ...SKETCH, timeout: '3s' }, { now: stillUntil(() => emu.jobs.size > 0) });
    expect(run.error!.message).toMatch(/did not finish within 3s \(last status: pending\) and was cancelled/);
    expect(run.outputs.status).toBe('cancelled');
    expect(emu.jobs.get(onlyJobId(emu))!.status).toBe('cancelled');
  });

  it('a job cancelled by someone else while processing: fails, says so, does not cancel again', async () => {
    const emu = await fresh();
    emu.setJobPlan({ outcome: 'never' });
    const running = runCore(emu, SKETCH);
    while (emu.requestCount('GET', JOB) < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    emu.settleJob(onlyJobId(emu), 'cancelled');
    const run = await running;
    expect(run.error!.message).toMatch(new RegExp(`^Job ${onlyJobId(emu)} was cancelled`));
    expect(run.outputs.status).toBe('cancelled');
    expect(run.report.nextSteps.join('\n')).toMatch(/cancelled outside this workflow/);
    expect(emu.requestCount('POST', CANCEL)).toBe(0);
  });
});

describe.concurrent('workflow cancellation (in process)', () => {
  it('while a poll hangs: ends at once and cancels the job', async () => {
    const emu = await fresh();
    emu.setJobPlan({ outcome: 'never' });
    emu.fault({ kind: 'hang', method: 'GET', path: JOB, times: Infinity });
    const controller = new AbortController();
    const running = runCore(emu, SKETCH, {
      signal: controller.signal,
      client: { requestTimeoutMs: LONG_REQUEST_TIMEOUT_MS },
    });
    while (emu.requestCount('GET', JOB) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const abortedAt = Date.now();
    controller.abort();
    const run = await running;
    expect(Date.now() - abortedAt).toBeLessThan(LONG_REQUEST_TIMEOUT_MS / 2);
    expect(run.error).toBeInstanceOf(CancelledError);
    expect(run.error!.message).toMatch(/The workflow was cancelled; job .* is cancelled/);
    expect(emu.jobs.get(onlyJobId(emu))!.status).toBe('cancelled');
  });
});

/** How long item 2's answer takes: long enough that the cancel of item 1 comes first even on a loaded machine. */
const ANSWER_DELAY_MS = 3_000;

/** Waits until `ready` holds (checked every 10 ms). */
async function whenReady(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe.concurrent('workflow cancellation while a submission awaits its answer (in process)', () => {
  it("a batch: the jobs already accepted are cancelled at once, not after the pending item's answer; its job when it comes", async () => {
    const emu = await fresh();
    emu.setJobPlan({ outcome: 'never' });
    emu.fault({ kind: 'delay', ms: 0, method: 'POST', path: '/apps/run' });
    const slow = emu.fault({ kind: 'delay', ms: ANSWER_DELAY_MS, method: 'POST', path: '/apps/run' });
    const batch = '- Aspect Ratio: "1:1"\n- Aspect Ratio: "4:3"\n- Aspect Ratio: "16:9"';
    const controller = new AbortController();
    const running = runCore(
      emu,
      { ...SKETCH, batch, 'max-concurrency': '3' },
      { signal: controller.signal, client: { requestTimeoutMs: LONG_REQUEST_TIMEOUT_MS } },
    );
    await whenReady(() => slow.hits > 0);
    controller.abort();
    const run = await running;

    const [first, second] = [...emu.jobs.keys()];
    const secondSent = emu.findRequests('POST', '/apps/run')[1]!.at;
    const firstCancel = emu.findRequests('POST', `/api/v1/jobs/${first}/cancel`)[0]!;
    expect(firstCancel.at).toBeLessThan(secondSent + ANSWER_DELAY_MS); // before item 2's answer came
    expect(emu.jobs.get(first!)!.status).toBe('cancelled');
    expect(emu.jobs.get(second!)!.status).toBe('cancelled');
    expect(emu.requestCount('POST', '/apps/run')).toBe(2);
    expect(run.error).toBeInstanceOf(CancelledError);
    expect(run.error!.message).toBe('The workflow was cancelled; 2 unfinished jobs cancelled.');
    expect(JSON.parse(run.outputs['job-ids']!)).toEqual([first, second]);
    expect(run.report.runs.map((r) => r.outcome)).toEqual(['cancelled', 'cancelled', 'skipped']);
    expect(run.openJobs).toEqual([]);
    expect(run.pendingSubmissions).toEqual([]);
    expect(run.log.text).toMatch(/Waiting for Armox's answer to the submission of item "2"/);
  });

  it('cancelled during the lookup of a lost answer: the lookup goes on, and the job it finds is cancelled', async () => {
    const emu = await fresh();
    emu.setJobPlan({ outcome: 'never' });
    emu.fault({ kind: 'reset', method: 'POST', path: '/apps/run', afterHandling: true });
    emu.fault({ kind: 'delay', ms: 300, method: 'GET', path: LIST_JOBS });
    const controller = new AbortController();
    const running = runCore(emu, SKETCH, { signal: controller.signal });
    await whenReady(() => emu.requestCount('GET', LIST_JOBS) > 0);
    controller.abort();
    const run = await running;

    const jobId = onlyJobId(emu);
    expect(emu.jobs.get(jobId)!.status).toBe('cancelled');
    expect(run.outputs['job-id']).toBe(jobId);
    expect(run.error).toBeInstanceOf(CancelledError);
    expect(run.error!.message).toBe(`The workflow was cancelled; job ${jobId} is cancelled.`);
    expect(run.openJobs).toEqual([]);
    expect(run.pendingSubmissions).toEqual([]);
  });

  it('cancelled while the outcome stays unknown: the submission is left in the step state for the post step', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'reset', method: 'POST', path: '/apps/run', afterHandling: true });
    emu.fault({ kind: 'status', status: 503, method: 'GET', path: LIST_JOBS, times: Infinity });
    const controller = new AbortController();
    const running = runCore(emu, SKETCH, { signal: controller.signal });
    await whenReady(() => emu.requestCount('GET', LIST_JOBS) > 0);
    controller.abort();
    const run = await running;

    expect(run.error!.message).toMatch(
      /outcome is unknown: .* the post step looks for its job once more and cancels it\.$/,
    );
    expect(run.pendingSubmissions).toHaveLength(1);
    expect(run.pendingSubmissions[0]).toMatchObject({ item: '1', what: 'the run', target: { kind: 'app' } });
  });

  it('not cancelled, an unknown outcome is told to the user and not left for the post step to cancel', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'reset', method: 'POST', path: '/apps/run', afterHandling: true });
    emu.fault({ kind: 'status', status: 503, method: 'GET', path: LIST_JOBS, times: Infinity });
    const run = await runCore(emu, SKETCH);
    expect(run.error!.message).toMatch(/outcome is unknown/);
    expect(run.pendingSubmissions).toEqual([]);
  });
});

describe.concurrent('max-credits and a submission whose outcome is unknown', () => {
  it.each([
    ['a model batch (priced at 70)', { model: MODEL_IDS.nanoBanana, 'max-credits': '140' }, '/models/run', 140, 70],
    ['an app batch (estimated at 200 from a recent run)', { ...SKETCH, 'max-credits': '400' }, '/apps/run', 400, 200],
  ] as const)(
    '%s: it counts at its cost, so Armox never charges past the cap',
    async (_name, inputs, path, cap, each) => {
      const emu = await fresh();
      const model = path === '/models/run';
      if (!model) {
        // A recent run of the app, so max-credits has an estimate; the step's only good job list.
        emu.seedJob({ appId: SKETCH_TO_RENDER.id, inputs: { x: 'old' }, createdAt: Date.now() - 600_000 });
        emu.fault({ kind: 'delay', ms: 0, method: 'GET', path: LIST_JOBS });
      }
      emu.fault({ kind: 'status', status: 502, method: 'POST', path, afterHandling: true });
      emu.fault({ kind: 'status', status: 500, method: 'GET', path: LIST_JOBS, times: Infinity });
      const batch = model
        ? '- prompt: a\n- prompt: b\n- prompt: c'
        : '- Aspect Ratio: "1:1"\n- Aspect Ratio: "4:3"\n- Aspect Ratio: "16:9"';
      const run = await runCore(emu, { ...inputs, batch, 'max-concurrency': '1' });

      expect(100_000 - emu.credits).toBe(cap); // items 1 (outcome unknown) and 2; never item 3
      expect(emu.requestCount('POST', path)).toBe(2);
      const results = JSON.parse(run.outputs.results!) as Array<Record<string, unknown>>;
      expect(results.map((r) => r.status)).toEqual(['error', 'completed', 'skipped']);
      expect(results[0]!['credits-charged']).toBeNull();
      expect(results[0]!['error-message']).toMatch(/^Submitting item "1" failed and its outcome is unknown/);
      expect(results[2]!['error-message']).toContain(
        `${cap} credits spent so far (counting ${each} for item "1", whose outcome is unknown)`,
      );
      expect(run.outputs['credits-charged']).toBe(String(each));
      expect(run.error!.message).toMatch(/- 1: error \(Submitting item "1" failed and its outcome is unknown/);
    },
  );
});

describe.concurrent('polls the API refuses', () => {
  const BATCH = {
    ...SKETCH,
    batch: '- Aspect Ratio: "1:1"\n- Aspect Ratio: "4:3"\n- Aspect Ratio: "16:9"',
    'max-concurrency': '2',
  };

  it.each([
    ['a 404 HTML page from a proxy', { kind: 'html', status: 404 }],
    ['a 400', { kind: 'status', status: 400, body: '{"error":"Bad request"}' }],
    ['a 403', { kind: 'status', status: 403, body: '{"error":"Forbidden"}' }],
  ] as const)(
    'a batch: %s on the job list once: each job is read on its own, every item completes',
    async (_n, rule) => {
      const emu = await fresh();
      emu.setJobPlan({ processingPolls: 3 });
      emu.fault({ ...rule, method: 'GET', path: LIST_JOBS });
      const run = await runCore(emu, BATCH);
      expect(run.error).toBeUndefined();
      expect(run.outputs.status).toBe('completed');
      expect(emu.requestCount('GET', JOB)).toBeGreaterThanOrEqual(2);
      expect(run.log.text).toMatch(/GET \/jobs failed: .* Reading each job on its own instead\./);
    },
  );

  it.each([
    ['a 404 HTML page', { kind: 'html', status: 404 }],
    ['a 403', { kind: 'status', status: 403, body: '{"error":"Forbidden"}' }],
  ] as const)(
    'a single run: %s on GET /jobs/:id once is read again at the next poll; the run completes',
    async (_n, rule) => {
      const emu = await fresh();
      emu.fault({ ...rule, method: 'GET', path: JOB });
      const run = await runCore(emu, SKETCH);
      expect(run.error).toBeUndefined();
      expect(run.outputs.status).toBe('completed');
      expect(run.log.text).toMatch(/may be a proxy's answer: reading it again at the next poll \(1 of 3 tries\)/);
    },
  );

  it('a batch whose reads keep being refused: every job is handed over (not cancelled), the rest skipped, every output set', async () => {
    const emu = await fresh();
    emu.setJobPlan({ outcome: 'never' });
    emu.fault({ kind: 'html', status: 404, method: 'GET', path: LIST_JOBS, times: Infinity });
    emu.fault({ kind: 'html', status: 404, method: 'GET', path: JOB, times: Infinity });
    const run = await runCore(emu, BATCH);

    const ids = [...emu.jobs.keys()];
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(emu.jobs.get(id)!.status).toBe('processing');
    expect(emu.requestCount('POST', CANCEL)).toBe(0);
    expect(run.openJobs).toEqual([]); // the post step leaves them alone
    expect(run.outputs.status).toBe('failed');
    const results = JSON.parse(run.outputs.results!) as Array<Record<string, unknown>>;
    expect(results.map((r) => r.status)).toEqual(['processing', 'processing', 'skipped']);
    expect(results[0]!['error-message']).toMatch(
      new RegExp(
        `^the step stopped following its jobs \\(GET /jobs/.* failed: 404 .*\\); this one was not cancelled and keeps running on Armox: follow it with job-id: ${ids[0]}$`,
      ),
    );
    expect(results[2]!['error-message']).toMatch(/^not submitted: the step could not follow its jobs: GET \/jobs\//);
    expect(run.error!.message).toMatch(/^3 of 3 runs did not complete:/);
    for (const id of ids) {
      expect(run.error!.message).toContain(`follow it with job-id: ${id}`);
      expect(run.report.nextSteps).toContain(`To wait for it later, run this action with job-id: ${id}.`);
    }
  });

  it('a single run whose key is revoked mid-run (401 on every poll): the job is handed over with its id, not cancelled', async () => {
    const emu = await fresh();
    emu.setJobPlan({ outcome: 'never' });
    emu.fault({
      kind: 'status',
      status: 401,
      body: '{"error":"Invalid API key"}',
      method: 'GET',
      path: JOB,
      times: Infinity,
    });
    const run = await runCore(emu, SKETCH);
    const jobId = onlyJobId(emu);
    expect(emu.jobs.get(jobId)!.status).toBe('processing');
    expect(emu.requestCount('GET', JOB)).toBe(3);
    expect(run.openJobs).toEqual([]);
    expect(run.outputs['job-id']).toBe(jobId);
    expect(run.outputs.status).toBe('processing');
    expect(run.error!.message).toMatch(
      new RegExp(
        `^Could not follow job ${jobId}: GET /jobs/${jobId} failed: 401 "Invalid API key"\\. .* keeps running on Armox\\. To wait for it later, run this action with job-id: ${jobId}\\.$`,
      ),
    );
    expect(run.outputs['error-message']).toBe(run.error!.message);
  });
});
