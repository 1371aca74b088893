/**
 * The post step (`runs.post`): the runner runs it after the job's steps, even
 * when the main step was killed. It cancels only the jobs the main step never
 * finished with, and otherwise sends nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { runBundledAction, startAction, type ActionRun } from '../../scripts/action-runner.js';

const SKETCH = {
  'app-name': 'Sketch to Render',
  inputs: 'Input Images: [https://example.com/sketch.jpg]\nAspect Ratio: "16:9"',
};
const CANCEL = /^\/api\/v1\/jobs\/[^/]+\/cancel$/;

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

async function until<T>(read: () => T | undefined, what: string, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the post step', { timeout: 30_000 }, () => {
  it('cancels the job of a main step that was killed (SIGKILL, or a lost runner), and says so', async () => {
    const server = await emulator({ job: { outcome: 'never' } });
    let stdout = '';
    const { child, done } = startAction({ inputs: inputs(server), onStdout: (chunk) => (stdout += chunk) });
    const jobId = await until(() => /Job ([0-9a-f-]{36}) accepted/.exec(stdout)?.[1], 'the job to be accepted');
    child.kill('SIGKILL');
    const main = await done;
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

  it('after a cancelled main step (SIGINT), sends nothing more: the main step cancelled the job itself', async () => {
    const server = await emulator({ job: { outcome: 'never' } });
    let stdout = '';
    const { child, done } = startAction({ inputs: inputs(server), onStdout: (chunk) => (stdout += chunk) });
    await until(() => /Job ([0-9a-f-]{36}) accepted/.exec(stdout)?.[1], 'the job to be accepted');
    child.kill('SIGINT');
    const main = await done;
    expect(server.requestCount('POST', CANCEL)).toBe(1);
    await postStep(server, main);
    expect(server.requestCount('POST', CANCEL)).toBe(1);
  });

  it('never fails the job, even when the API cannot be reached', async () => {
    const server = await emulator({ job: { outcome: 'never' } });
    let stdout = '';
    const { child, done } = startAction({ inputs: inputs(server), onStdout: (chunk) => (stdout += chunk) });
    await until(() => /Job ([0-9a-f-]{36}) accepted/.exec(stdout)?.[1], 'the job to be accepted');
    child.kill('SIGKILL');
    const main = await done;
    await server.close();
    const post = await runBundledAction({ inputs: inputs(server), state: main.state });
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/::warning::Could not cancel job/);
    expect(post.durationMs).toBeLessThan(15_000);
  });
});
