/**
 * Faults where the process matters, against the bundled action
 * (`node dist/index.js`, run the way the GitHub runner runs it): workflow
 * cancellation by signal, hung servers with a short timeout, malformed answers
 * as they appear in the log, bad inputs. Run `npm run build` first.
 * The in-process fault suite is faults.test.ts; secrets and proxies are in security.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type ArmoxEmulator, type EmulatorOptions } from '../../emulator/armox-emulator.js';
import { runBundledAction, startAction, type ActionRun } from '../../scripts/action-runner.js';
import { SIGNALS_REACH_CHILDREN } from '../helpers/platform.js';

const SKETCH = {
  'app-name': 'Sketch to Render',
  inputs: 'Input Images: [https://example.com/sketch.jpg]\nAspect Ratio: "16:9"',
};
const JOB = /\/api\/v1\/jobs\/[^/?]+$/;
const CANCEL = /\/api\/v1\/jobs\/[^/?]+\/cancel$/;
/** When the runner follows SIGINT with SIGTERM. */
const SIGTERM_AFTER_MS = 7_500;

const emulators: ArmoxEmulator[] = [];
async function emulator(options?: EmulatorOptions): Promise<ArmoxEmulator> {
  const emu = await startEmulator(options);
  emulators.push(emu);
  return emu;
}
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((emu) => emu.close()));
});

function inputsFor(emu: ArmoxEmulator, extra: Record<string, string> = {}): Record<string, string> {
  return { 'api-key': emu.apiKey, 'api-url': emu.apiUrl, ...SKETCH, ...extra };
}

/** Stack-trace lines anywhere in the log, except inside `::debug::` lines (where the stack belongs). */
function stackLines(run: ActionRun): string[] {
  const lines = [...run.stdout.split('\n').filter((line) => !line.startsWith('::debug::')), ...run.stderr.split('\n')];
  return lines.filter((line) => /^\s+at /.test(line));
}

function errorLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
}

async function until<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.runIf(SIGNALS_REACH_CHILDREN)('workflow cancellation (SIGINT, as the runner sends it)', () => {
  it('while waiting: cancels the remote job, sets job-id, exits on its own well before SIGTERM', async () => {
    const emu = await emulator({ job: { outcome: 'never' } });
    let stdout = '';
    const { child, done } = startAction({
      inputs: inputsFor(emu, { 'poll-interval': '10s' }),
      env: { RUNNER_DEBUG: '1' },
      onStdout: (chunk) => (stdout += chunk),
    });
    const jobId = await until(() => /Job ([0-9a-f-]{36}) accepted/.exec(stdout)?.[1], 'the job to be accepted');
    const signalledAt = Date.now();
    child.kill('SIGINT');
    const run = await done;
    const afterSignal = Date.now() - signalledAt;

    expect(afterSignal).toBeLessThan(SIGTERM_AFTER_MS - 2_500); // on its own: nothing in flight to wait for
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(emu.jobs.get(jobId)!.status).toBe('cancelled');
    expect(emu.requestCount('POST', CANCEL)).toBe(1);
    expect(run.outputs['job-id']).toBe(jobId);
    expect(run.outputs.status).toBe('cancelled');
    expect(run.stdout).toContain('Received SIGINT: cancelling.');
    expect(errorLines(run)).toEqual([`::error::The workflow was cancelled; job ${jobId} is cancelled.`]);
    expect(stackLines(run)).toEqual([]);
  });

  it('while a poll request hangs: still ends promptly with the job cancelled', async () => {
    const emu = await emulator({ job: { outcome: 'never' } });
    emu.fault({ kind: 'hang', method: 'GET', path: JOB, times: Infinity });
    const { child, done } = startAction({ inputs: inputsFor(emu, { 'poll-interval': '100ms' }) });
    await until(() => emu.requestCount('GET', JOB) > 0, 'the first poll');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const signalledAt = Date.now();
    child.kill('SIGINT');
    const run = await done;

    expect(Date.now() - signalledAt).toBeLessThan(SIGTERM_AFTER_MS - 2_500);
    expect(run.code).toBe(1);
    const jobId = run.outputs['job-id']!;
    expect(emu.jobs.get(jobId)!.status).toBe('cancelled');
    expect(emu.requestCount('GET', JOB)).toBe(1);
    expect(errorLines(run)).toEqual([`::error::The workflow was cancelled; job ${jobId} is cancelled.`]);
  });
});

describe('hung servers and the timeout', () => {
  it('timeout 1s with an API that never answers: ends within a few seconds, not 60', async () => {
    const emu = await emulator();
    emu.fault({ kind: 'hang', method: 'GET', path: '/apps', times: Infinity });
    const run = await runBundledAction({ inputs: inputsFor(emu, { timeout: '1s' }) });
    expect(run.code).toBe(1);
    expect(run.durationMs).toBeLessThan(30_000); // half the 60 s request timeout it must not wait out
    expect(errorLines(run)).toEqual(['::error::GET /apps: the timeout ran out while waiting for the API to answer.']);
    expect(stackLines(run)).toEqual([]);
  });

  it('timeout 1s with a poll whose body never ends: the job is cancelled, the step ends promptly', async () => {
    const emu = await emulator({ job: { outcome: 'never' } });
    emu.fault({ kind: 'hang-body', method: 'GET', path: JOB, times: Infinity });
    const run = await runBundledAction({ inputs: inputsFor(emu, { timeout: '1s', 'poll-interval': '100ms' }) });
    expect(run.code).toBe(1);
    expect(run.durationMs).toBeLessThan(30_000); // half the 60 s request timeout it must not wait out
    expect(emu.jobs.get(run.outputs['job-id']!)!.status).toBe('cancelled');
    expect(errorLines(run)[0]).toMatch(
      /^::error::Job \S+ did not finish within 1s .*was cancelled so it stops spending credits/,
    );
    expect(stackLines(run)).toEqual([]);
  });
});

describe('malformed answers in the log: a clear error, no stack trace', () => {
  it.each([
    [
      'an HTML proxy page answering the submission',
      (emu: ArmoxEmulator) => emu.fault({ kind: 'html', method: 'POST', path: '/apps/run' }),
      /^::error::Submitting the run failed and its outcome is unknown: POST \/apps\/run failed: 502 "an answer that is not JSON \(text\/html/,
    ],
    [
      'a 50 MiB answer to the submission',
      (emu: ArmoxEmulator) => emu.fault({ kind: 'huge', method: 'POST', path: '/apps/run', chunked: true }),
      /^::error::Submitting the run failed and its outcome is unknown: POST \/apps\/run failed: the answer is more than the 8388608 bytes allowed/,
    ],
    [
      'truncated JSON from the submission',
      (emu: ArmoxEmulator) => emu.fault({ kind: 'truncate', method: 'POST', path: '/apps/run' }),
      null, // the run went through: it is found among the recent jobs and completes
    ],
    [
      'node_outputs that is a list',
      (emu: ArmoxEmulator) =>
        emu.fault({
          kind: 'body',
          method: 'GET',
          path: JOB,
          times: Infinity,
          body: '{"id":"j1","status":"completed","output_data":{"node_outputs":["https://x/y.png"]}}',
        }),
      /^::error::Job j1 completed, but its answer is malformed: output_data\.node_outputs is a list, not an object/,
    ],
  ] as const)('%s', async (_name, inject, error) => {
    const emu = await emulator();
    inject(emu);
    const run = await runBundledAction({
      inputs: inputsFor(emu, { 'poll-interval': '100ms' }),
      env: { RUNNER_DEBUG: '1' },
    });
    expect(stackLines(run)).toEqual([]);
    expect(run.stderr).toBe('');
    expect(emu.requestCount('POST', '/apps/run')).toBe(1);
    if (error) {
      expect(run.code).toBe(1);
      expect(errorLines(run)).toHaveLength(1);
      expect(errorLines(run)[0]).toMatch(error);
    } else {
      expect(run.code).toBe(0);
      expect(run.outputs.status).toBe('completed');
    }
  });
});

describe('bad inputs are refused before anything is sent', () => {
  it('several bad inputs: exit 1, one ::error:: naming each input, no stack, no request at all', async () => {
    const emu = await emulator();
    const run = await runBundledAction({
      inputs: inputsFor(emu, {
        timeout: 'ten minutes',
        wait: 'perhaps',
        'poll-interval': '0',
        'webhook-url': 'javascript:alert(1)',
      }),
    });
    expect(run.code).toBe(1);
    const errors = errorLines(run);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error::The action's inputs have 4 problems:/);
    expect(errors[0]).toContain('timeout: "ten minutes" is not a duration');
    expect(errors[0]).toContain('wait: "perhaps" is not a boolean');
    expect(errors[0]).toContain('poll-interval: "0" must be longer than zero');
    // webhook-url is a secret (it often carries a token): its value is masked even here.
    expect(errors[0]).toContain('webhook-url: "***" must be an http(s) URL');
    expect(stackLines(run)).toEqual([]);
    expect(emu.requests).toEqual([]);
  });

  it('job-id: ../apps sends nothing', async () => {
    const emu = await emulator();
    const run = await runBundledAction({
      inputs: { 'api-key': emu.apiKey, 'api-url': emu.apiUrl, 'job-id': '../apps' },
    });
    expect(run.code).toBe(1);
    expect(errorLines(run)).toEqual([expect.stringMatching(/^::error::job-id "\.\.\/apps" is not a job id/)]);
    expect(stackLines(run)).toEqual([]);
    expect(emu.requests).toEqual([]);
  });
});
