/**
 * End to end: the bundled dist/index.js, started the way the runner starts it,
 * against the emulator. Outputs are read back from GITHUB_OUTPUT.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDS, startEmulator, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { runBundledAction, type ActionRun } from '../../scripts/action-runner.js';

let emu: ArmoxEmulator;
beforeEach(async () => {
  emu = await startEmulator();
});
afterEach(async () => {
  await emu.close();
});

function run(inputs: Record<string, string>, env?: Record<string, string>): Promise<ActionRun> {
  return runBundledAction({
    inputs: { 'api-key': emu.apiKey, 'api-url': emu.apiUrl, 'poll-interval': '50ms', ...inputs },
    env,
  });
}

const SKETCH = {
  'app-name': 'Sketch to Render',
  inputs: 'Input Images: [https://example.com/sketch.jpg]\nAspect Ratio: "16:9"',
};

/** Lines of the log that look like a stack trace, outside debug lines. */
function stackLines(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => /^\s+at /.test(line) || (/\bat .*\.js:\d+:\d+/.test(line) && !line.startsWith('::debug::')));
}

describe('dist/index.js end to end', () => {
  it('runs an app and sets every output', async () => {
    const result = await run(SKETCH);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`::add-mask::${emu.apiKey}`);
    expect(result.outputs).toMatchObject({
      'app-id': IDS.sketchToRender.app,
      'app-name': 'Sketch to Render',
      status: 'completed',
      'credits-charged': '200',
    });
    const urls = JSON.parse(result.outputs['output-urls']!) as string[];
    expect(result.outputs['output-url']).toBe(urls[0]);
    expect(JSON.parse(result.outputs.outputs!)).toHaveProperty(IDS.sketchToRender.renderNode);
    expect(result.summary).toContain('## ✅ Armox · Sketch to Render: completed');
    expect(emu.requestCount('POST', '/apps/run')).toBe(1);
  });

  it('sets the job id before it polls, so a paid job is never lost', async () => {
    const result = await run(SKETCH);
    const names = result.outputHistory.map(([name]) => name);
    expect(names.indexOf('job-id')).toBeGreaterThan(-1);
    expect(names.indexOf('job-id')).toBeLessThan(names.indexOf('output-url'));
    expect(result.stdout.indexOf(`Job ${result.outputs['job-id']} accepted`)).toBeLessThan(
      result.stdout.indexOf('completed'),
    );
  });

  it('fails with a clear error and no stack trace when the inputs are wrong', async () => {
    const result = await run({ 'app-name': 'Sketch to Render', inputs: 'Input Images: sketch.jpg\nColour: red' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::The inputs do not match the contract of app "Sketch to Render"/);
    expect(result.stdout).toContain('unknown input \\"Colour\\"'.replace(/\\"/g, '"'));
    expect(stackLines(result.stdout)).toEqual([]);
    expect(result.outputs['error-message']).toContain('missing required input: "Aspect Ratio"');
    expect(result.outputs['job-id']).toBeUndefined();
    expect(result.outputs['credits-charged']).toBe('0');
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
  });

  it('dry-run prints the request and a skeleton, and submits nothing', async () => {
    const result = await run({ ...SKETCH, 'dry-run': 'true' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Request that would be sent (POST /apps/run)');
    expect(result.stdout).toContain('Input Images: [https://example.com/image.jpg]');
    expect(result.summary).toContain('dry run: nothing submitted');
    expect(result.outputs['job-id']).toBeUndefined();
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
  });

  it('a dry-run compiles no WebAssembly: no client it does not call is loaded (undici, octokit)', async () => {
    const preload = fileURLToPath(new URL('../helpers/report-wasm.cjs', import.meta.url));
    const result = await run({ ...SKETCH, 'dry-run': 'true' }, { NODE_OPTIONS: `--require ${preload}` });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Request that would be sent (POST /apps/run)');
    expect(result.stderr).not.toContain('[wasm]');
  });

  it('submits now and waits later with job-id', async () => {
    const submitted = await run({ ...SKETCH, wait: 'false' });
    expect(submitted.code).toBe(0);
    expect(submitted.outputs.status).toBe('processing');
    const jobId = submitted.outputs['job-id']!;
    expect(submitted.stdout).toContain(`job-id: ${jobId}`);

    const waited = await run({ 'job-id': jobId });
    expect(waited.code).toBe(0);
    expect(waited.outputs).toMatchObject({ 'job-id': jobId, status: 'completed', 'app-id': IDS.sketchToRender.app });
    expect(emu.requestCount('POST', '/apps/run')).toBe(1);
  });

  it('a failed job fails the step with job-id, status and error-message', async () => {
    emu.setJobPlan({ outcome: 'failed', errorMessage: 'Model provider error: NSFW filter' });
    const result = await run(SKETCH);
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ status: 'failed', 'error-message': 'Model provider error: NSFW filter' });
    expect(result.outputs['job-id']).toBeTruthy();
    expect(result.stdout).toMatch(/::error::Job .* failed: Model provider error: NSFW filter/);
    expect(result.summary).toMatch(/^## ❌ Armox · Sketch to Render: failed/);
    expect(result.summary).toContain('Credits of a failed job are refunded');
  });

  it('times out, cancels the job, and says how to resume', async () => {
    emu.setJobPlan({ outcome: 'never' });
    const result = await run({ ...SKETCH, timeout: '1s' });
    expect(result.code).toBe(1);
    const jobId = result.outputs['job-id']!;
    expect(result.outputs.status).toBe('cancelled');
    expect(result.outputs['error-message']).toMatch(/did not finish within 1s/);
    expect(emu.jobs.get(jobId)!.status).toBe('cancelled');
    expect(result.summary).toMatch(/^## ⏱️ Armox · Sketch to Render: timed out/);
    // Set although the job gave none, so `fromJSON(steps.<id>.outputs.output-urls)` always parses.
    expect(result.outputs['output-urls']).toBe('[]');
  });

  it('refuses bad action inputs before any request', async () => {
    const result = await run({ ...SKETCH, timeout: '10 minutes', wait: 'yes please', 'job-id': '../apps' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::The action's inputs have \d problems/);
    expect(result.stdout).toContain('timeout: \\"10 minutes\\" is not a duration'.replace(/\\"/g, '"'));
    expect(emu.requests).toEqual([]);
  });
});
