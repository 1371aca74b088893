/**
 * The post step (`runs.post`): the runner runs it after the job's steps, even
 * when the main step was killed. It cancels only the jobs the main step never
 * finished with, and otherwise sends nothing.
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { runBundledAction, startAction, type ActionRun } from '../../scripts/action-runner.js';
import { SIGNALS_REACH_CHILDREN } from '../helpers/platform.js';
import { readPostState } from '../../src/core/post-state.js';

const SKETCH = {
  'app-name': 'Sketch to Render',
  inputs: 'Input Images: [https://example.com/sketch.jpg]\nAspect Ratio: "16:9"',
};
const CANCEL = /^\/api\/v1\/jobs\/[^/]+\/cancel$/;
/** The runner kills the process this long after SIGTERM. */
const KILL_AFTER_SIGTERM_MS = 2_500;

let emu: ArmoxEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function emulator(options: Parameters<typeof startEmulator>[0] = {}): Promise<ArmoxEmulator> {
  emu = await startEmulator(options);
  return emu;
}

function inputs(server: ArmoxEmulator, extra: Record<string, string> = {}): Record<string, string> {
  return { 'api-key': server.apiKey, 'api-url': server.apiUrl, 'poll-interval': '50ms', ...SKETCH, ...extra };
}

/** The post step of `main`, started the way the runner starts it: same inputs, the main step's state. */
function postStep(server: ArmoxEmulator, main: ActionRun, extra: Record<string, string> = {}): Promise<ActionRun> {
  return runBundledAction({ inputs: inputs(server, extra), state: main.state, workspace: main.workspace });
}

/** The main step's saved state as the runner hands it to the post step. */
function stateEnv(main: ActionRun): Record<string, string> {
  return Object.fromEntries(Object.entries(main.state).map(([name, value]) => [`STATE_${name}`, value]));
}

async function until<T>(read: () => T | undefined, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts the main step, sends it `signal` once its log says the job was accepted, and waits for it to end. */
async function signalOnceAccepted(
  server: ArmoxEmulator,
  signal: NodeJS.Signals,
): Promise<{ main: ActionRun; jobId: string }> {
  let stdout = '';
  const { child, done } = startAction({ inputs: inputs(server), onStdout: (chunk) => (stdout += chunk) });
  const jobId = await until(() => /Job ([0-9a-f-]{36}) accepted/.exec(stdout)?.[1], 'the job to be accepted');
  child.kill(signal);
  return { main: await done, jobId };
}

/** Starts the main step, sends it `signal` once its submission reached Armox, and waits for it to end. */
async function signalOnceSent(
  server: ArmoxEmulator,
  signal: NodeJS.Signals,
  extra: Record<string, string> = {},
): Promise<ActionRun> {
  const { child, done } = startAction({ inputs: inputs(server, extra) });
  await until(() => (server.requestCount('POST', '/apps/run') > 0 ? true : undefined), 'the submission');
  child.kill(signal);
  return done;
}

describe('the post step', () => {
  it('cancels the job of a main step that was killed (SIGKILL, or a lost runner), and says so', async () => {
    const server = await emulator({ job: { outcome: 'never' } });
    const { main, jobId } = await signalOnceAccepted(server, 'SIGKILL');
    expect(main.signal).toBe('SIGKILL');
    expect(server.jobs.get(jobId)!.status).not.toBe('cancelled');

    const post = await postStep(server, main);
    expect(post.code).toBe(0);
    expect(server.jobs.get(jobId)!.status).toBe('cancelled');
    expect(post.stdout).toContain(`without finishing with job ${jobId}`);
    expect(post.stdout).toMatch(/killed or its runner was lost/);
    expect(post.stdout).not.toContain('::error::');
  });

  it('does nothing, and sends no request, after a main step that finished with its job', async () => {
    const server = await emulator();
    const main = await runBundledAction({ inputs: inputs(server) });
    expect(main.code).toBe(0);
    const before = server.requests.length;
    const post = await postStep(server, main);
    expect(post.code).toBe(0);
    expect(server.requests.length).toBe(before);
    expect(post.stdout).not.toMatch(/cancel/i);
  });

  it.each([
    ['wait: false', { wait: 'false' }],
    ['a timeout with cancel-on-timeout: false', { timeout: '1s', 'cancel-on-timeout': 'false' }],
  ])('leaves a job running on purpose alone: %s', async (_name, extra) => {
    const server = await emulator({ job: { outcome: 'never' } });
    const main = await runBundledAction({ inputs: inputs(server, extra) });
    const jobId = main.outputs['job-id']!;
    expect(jobId).toBeTruthy();
    const post = await postStep(server, main, extra);
    expect(post.code).toBe(0);
    expect(server.requestCount('POST', CANCEL)).toBe(0);
    expect(server.jobs.get(jobId)!.status).not.toBe('cancelled');
  });

  it.runIf(SIGNALS_REACH_CHILDREN)(
    'after a cancelled main step (SIGINT), sends nothing more: the main step cancelled the job itself',
    async () => {
      const server = await emulator({ job: { outcome: 'never' } });
      const { main } = await signalOnceAccepted(server, 'SIGINT');
      expect(server.requestCount('POST', CANCEL)).toBe(1);
      await postStep(server, main);
      expect(server.requestCount('POST', CANCEL)).toBe(1);
    },
  );

  it('never fails the job, even when the API cannot be reached', async () => {
    const server = await emulator({ job: { outcome: 'never' } });
    const { main } = await signalOnceAccepted(server, 'SIGKILL');
    await server.close();
    const post = await runBundledAction({ inputs: inputs(server), state: main.state });
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/::warning::Could not cancel job/);
    expect(post.durationMs).toBeLessThan(15_000);
  });
});

function errorLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
}

describe('a submission awaiting its answer when the step is cancelled or killed', () => {
  it.runIf(SIGNALS_REACH_CHILDREN)(
    'SIGTERM: the main step reports what it knows before the kill; the post step finds the job and cancels it',
    async () => {
      const server = await emulator({ job: { outcome: 'never' } });
      server.fault({ kind: 'hang', afterHandling: true, method: 'POST', path: '/apps/run' });
      const { child, done } = startAction({ inputs: inputs(server) });
      await until(() => (server.jobs.size > 0 ? true : undefined), 'the run to reach Armox');
      const signalledAt = Date.now();
      child.kill('SIGTERM');
      const main = await done;

      expect(Date.now() - signalledAt).toBeLessThan(KILL_AFTER_SIGTERM_MS);
      expect(main.signal).toBeNull();
      expect(main.code).toBe(1);
      const [jobId] = [...server.jobs.keys()];
      expect(server.jobs.get(jobId!)!.status).toBe('processing');
      const message =
        'The workflow was cancelled, and the step had to end before Armox answered the submission of the run: the post ' +
        'step cancels it (finding the submitted job among the recent jobs), so that nothing keeps spending credits.';
      expect(errorLines(main)).toEqual([`::error::${message}`]);
      expect(main.outputs.status).toBe('cancelled');
      expect(main.outputs['error-message']).toBe(message);
      expect(main.summary).toContain('cancelled');
      expect(existsSync(main.outputs.manifest!)).toBe(true);
      expect(readPostState(stateEnv(main)).pendingSubmissions).toHaveLength(1);

      const post = await postStep(server, main);
      expect(post.code).toBe(0);
      expect(server.jobs.get(jobId!)!.status).toBe('cancelled');
      expect(post.stdout).toMatch(/ended while the submission of the run awaited Armox's answer/);
      expect(post.stdout).toContain(`Cancelled job ${jobId} of the run`);
      expect(server.requestCount('POST', '/apps/run')).toBe(1);
    },
  );

  it.runIf(SIGNALS_REACH_CHILDREN)(
    "a batch, SIGINT then SIGTERM: the accepted job is cancelled at once and job-ids written; the post step cancels the pending item's job",
    async () => {
      const server = await emulator({ job: { outcome: 'never' } });
      server.fault({ kind: 'delay', ms: 0, method: 'POST', path: '/apps/run' });
      server.fault({ kind: 'hang', afterHandling: true, method: 'POST', path: '/apps/run' });
      const batch = '- Aspect Ratio: "1:1"\n- Aspect Ratio: "4:3"\n- Aspect Ratio: "16:9"';
      const { child, done } = startAction({ inputs: inputs(server, { batch, 'max-concurrency': '3' }) });
      await until(() => (server.jobs.size === 2 ? true : undefined), 'both runs to reach Armox');
      const [first, second] = [...server.jobs.keys()];
      child.kill('SIGINT');
      // Cancelled while item 2's submission still has no answer.
      await until(() => (server.jobs.get(first!)!.status === 'cancelled' ? true : undefined), 'item 1 to be cancelled');
      child.kill('SIGTERM');
      const main = await done;

      expect(main.code).toBe(1);
      expect(JSON.parse(main.outputs['job-ids']!)).toEqual([first]);
      const results = JSON.parse(main.outputs.results!) as Array<Record<string, unknown>>;
      expect(results.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'skipped']);
      expect(results[1]!['error-message']).toMatch(
        /its submission awaited Armox's answer; the post step looks for its job/,
      );
      expect(errorLines(main)[0]).toMatch(/the step had to end before Armox answered the submission of item "2"/);
      expect(server.jobs.get(second!)!.status).toBe('processing');

      const post = await postStep(server, main, { batch });
      expect(post.code).toBe(0);
      expect(server.jobs.get(second!)!.status).toBe('cancelled');
      expect(post.stdout).toContain(`Cancelled job ${second} of item "2"`);
      expect(server.requestCount('POST', '/apps/run')).toBe(2);
    },
  );

  it.runIf(SIGNALS_REACH_CHILDREN)(
    'SIGINT, and the answer comes 7 s later: the main step waits for it, cancels the job and sets job-id',
    async () => {
      const server = await emulator({ job: { outcome: 'never' } });
      server.fault({ kind: 'delay', ms: 7_000, method: 'POST', path: '/apps/run' });
      const main = await signalOnceSent(server, 'SIGINT');

      const [jobId] = [...server.jobs.keys()];
      expect(server.jobs.get(jobId!)!.status).toBe('cancelled');
      expect(main.outputs['job-id']).toBe(jobId);
      expect(errorLines(main)).toEqual([`::error::The workflow was cancelled; job ${jobId} is cancelled.`]);
      expect(readPostState(stateEnv(main))).toMatchObject({ openJobs: [], pendingSubmissions: [] });
      expect(Object.keys(main.state).some((name) => name.startsWith('armox-job-'))).toBe(true);
    },
  );

  it('killed while a submission Armox never took was in flight: the post step finds no job and cancels nothing', async () => {
    const server = await emulator({ job: { outcome: 'never' } });
    server.fault({ kind: 'hang', method: 'POST', path: '/apps/run' });
    const main = await signalOnceSent(server, 'SIGKILL');

    const post = await postStep(server, main);
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/::warning::No job of the run was found among the recent jobs: Armox did not take it/);
    expect(server.requestCount('POST', CANCEL)).toBe(0);
    expect(server.jobs.size).toBe(0);
  });

  it('killed while Armox was still taking the submission: the post step looks again, finds the late job and cancels it', async () => {
    const server = await emulator({ job: { outcome: 'never' } });
    // Armox handles the request only once the post step has looked once: its job does not exist yet then.
    let handle!: () => void;
    const handled = new Promise<void>((resolve) => (handle = resolve));
    server.fault({ kind: 'delay', until: handled, method: 'POST', path: '/apps/run' });
    const main = await signalOnceSent(server, 'SIGKILL');

    const listsBefore = server.requestCount('GET', /^\/api\/v1\/jobs(\?|$)/);
    const posted = postStep(server, main);
    await until(
      () => (server.requestCount('GET', /^\/api\/v1\/jobs(\?|$)/) > listsBefore ? true : undefined),
      'its first look',
    );
    handle();
    const post = await posted;
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/No job of the run listed yet: looking again/);
    const [jobId] = [...server.jobs.keys()];
    expect(server.jobs.get(jobId!)!.status).toBe('cancelled');
    expect(post.stdout).toContain(`Cancelled job ${jobId} of the run`);
  });

  it("never cancels another run's identical job that the main step had seen before sending", async () => {
    const server = await emulator({ job: { outcome: 'never' } });
    // Another workflow's run with the same inputs, a moment before: running, and listed by this step (reuse).
    const other = await runBundledAction({ inputs: inputs(server, { wait: 'false' }) });
    const otherJob = other.outputs['job-id']!;
    server.fault({ kind: 'hang', method: 'POST', path: '/apps/run' });
    const { child, done } = startAction({ inputs: inputs(server, { reuse: '1h' }) });
    await until(() => (server.requestCount('POST', '/apps/run') > 1 ? true : undefined), 'the submission');
    child.kill('SIGKILL');
    const main = await done;

    const post = await postStep(server, main, { reuse: '1h' });
    expect(post.code).toBe(0);
    expect(server.jobs.get(otherJob)!.status).not.toBe('cancelled');
    expect(server.requestCount('POST', CANCEL)).toBe(0);
  });
});

describe('a submission awaiting its answer when the timeout runs out', () => {
  it('the pending submission stays in the step state, so the post step cancels the job Armox creates late', async () => {
    const server = await emulator({ job: { outcome: 'never' } });
    // Armox takes the run 8 s after it arrives: after the 4 s timeout (room for the reads before
    // paying on a loaded machine) and the main step's own lookup.
    server.fault({ kind: 'delay', ms: 8_000, method: 'POST', path: '/apps/run' });
    const main = await runBundledAction({ inputs: inputs(server, { timeout: '4s' }) });

    expect(main.code).toBe(1);
    expect(errorLines(main)[0]).toMatch(
      /outcome is unknown: .*The timeout ran out meanwhile: the post step looks for its job once more and cancels it\.$/,
    );
    expect(readPostState(stateEnv(main)).pendingSubmissions).toEqual([
      expect.objectContaining({ item: '1', what: 'the run' }),
    ]);
    const jobId = await until(() => [...server.jobs.keys()][0], 'Armox to take the run');

    const post = await postStep(server, main);
    expect(post.code).toBe(0);
    expect(server.jobs.get(jobId)!.status).toBe('cancelled');
    expect(post.stdout).toContain(`Cancelled job ${jobId} of the run`);
    expect(server.requestCount('POST', '/apps/run')).toBe(1);
  });
});
