import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDS, startEmulator, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { InputError } from '../../src/core/errors.js';
import { runInProcess, stillUntil } from '../helpers/in-process.js';

let emu: ArmoxEmulator;
beforeEach(async () => {
  emu = await startEmulator();
});
afterEach(async () => {
  await emu.close();
});

const SKETCH = {
  'app-name': 'Sketch to Render',
  inputs: 'Input Images: [https://example.com/sketch.jpg]\nAspect Ratio: "16:9"',
};

describe('a run against the emulator', () => {
  it('validates, submits once, waits and sets every output', async () => {
    const run = await runInProcess(emu, SKETCH);
    expect(run.error).toBeUndefined();
    expect(run.outputs).toMatchObject({
      'app-id': IDS.sketchToRender.app,
      'app-name': 'Sketch to Render',
      status: 'completed',
      'credits-charged': '200',
    });
    expect(run.outputs['job-id']).toMatch(/^[0-9a-f-]{36}$/);
    const urls = JSON.parse(run.outputs['output-urls']!) as string[];
    expect(urls).toHaveLength(1);
    expect(run.outputs['output-url']).toBe(urls[0]);
    expect(urls[0]!.startsWith(emu.storageUrl)).toBe(true);
    expect(Object.keys(JSON.parse(run.outputs.outputs!) as object)).toEqual([IDS.sketchToRender.renderNode]);
    expect(emu.requestCount('POST', '/apps/run')).toBe(1);
    const body = JSON.parse(emu.findRequests('POST', '/apps/run')[0]!.body) as unknown;
    expect(body).toEqual({
      app_id: IDS.sketchToRender.app,
      inputs: {
        [IDS.sketchToRender.inputImages]: ['https://example.com/sketch.jpg'],
        [IDS.sketchToRender.aspectRatio]: '16:9',
      },
    });
  });

  it('sends the key, a user agent, and webhook_url when given', async () => {
    await runInProcess(emu, { ...SKETCH, 'webhook-url': 'https://hooks.example.com/armox' });
    const submit = emu.findRequests('POST', '/apps/run')[0]!;
    expect(submit.headers.authorization).toBe(`Bearer ${emu.apiKey}`);
    expect(submit.headers['user-agent']).toMatch(/^armox-app-action\//);
    expect((JSON.parse(submit.body) as { webhook_url: string }).webhook_url).toBe('https://hooks.example.com/armox');
  });

  it('submits nothing when the inputs do not match the contract', async () => {
    const run = await runInProcess(emu, {
      'app-name': 'Sketch to Render',
      inputs: 'Input Images: ./local.png\nColour: red',
    });
    expect(run.error).toBeInstanceOf(InputError);
    expect(run.error!.message).toContain('unknown input "Colour"');
    expect(run.error!.message).toContain('missing required input: "Aspect Ratio"');
    // Not a URL, so read as a repository file: outside a workflow there is no repository.
    expect(run.error!.message).toContain('"Input Images" (./local.png): a path is read as a file of this repository');
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
    expect(run.outputs['app-id']).toBe(IDS.sketchToRender.app);
    expect(run.outputs['job-id']).toBeUndefined();
  });

  it('lists the apps when the name matches none, or several', async () => {
    const none = await runInProcess(emu, { 'app-name': 'Nope' });
    expect(none.error!.message).toMatch(/matches no app[\s\S]*Poster Campaign/);
    emu.apps.push({ ...emu.apps[0]!, id: 'dup-id', name: 'SKETCH TO RENDER' });
    const several = await runInProcess(emu, SKETCH);
    expect(several.error!.message).toMatch(/matches 2 apps; use app-id/);
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
  });

  it('merges inputs-file under inputs', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/armox-inputs-`);
    writeFileSync(`${dir}/poster.yml`, 'Prompt: from the file\nStyle: ink\n');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const run = await runInProcess(emu, {
        'app-name': 'Poster Campaign',
        'inputs-file': 'poster.yml',
        inputs: 'Prompt: from inputs',
      });
      expect(run.error).toBeUndefined();
    } finally {
      process.chdir(cwd);
    }
    const body = JSON.parse(emu.findRequests('POST', '/apps/run')[0]!.body) as { inputs: Record<string, string> };
    expect(Object.values(body.inputs).sort()).toEqual(['from inputs', 'ink']);
  });

  it('explains a missing inputs-file', async () => {
    const run = await runInProcess(emu, {
      'app-name': 'Poster Campaign',
      'inputs-file': 'does/not/exist.yml',
      inputs: 'Prompt: x',
    });
    expect(run.error!.message).toMatch(/inputs-file: cannot read does\/not\/exist.yml \(no such file/);
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
  });

  it('dry-run validates and shows the request but submits nothing', async () => {
    const run = await runInProcess(emu, { ...SKETCH, 'dry-run': 'true' });
    expect(run.error).toBeUndefined();
    expect(run.report.outcome).toBe('dry-run');
    expect(run.log.text).toContain('Request that would be sent (POST /apps/run)');
    expect(run.log.text).toContain('inputs: |');
    expect(run.outputs['job-id']).toBeUndefined();
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
  });

  it('wait: false returns at acceptance with the job id', async () => {
    const run = await runInProcess(emu, { ...SKETCH, wait: 'false' });
    expect(run.error).toBeUndefined();
    expect(run.outputs.status).toBe('processing');
    expect(run.outputs['job-id']).toBeDefined();
    expect(emu.requestCount('GET', '/jobs/')).toBe(0);
  });

  it('job-id waits for an existing job instead of submitting', async () => {
    const first = await runInProcess(emu, { ...SKETCH, wait: 'false' });
    const jobId = first.outputs['job-id']!;
    const second = await runInProcess(emu, { 'job-id': jobId });
    expect(second.error).toBeUndefined();
    expect(second.outputs).toMatchObject({ 'job-id': jobId, status: 'completed', 'app-id': IDS.sketchToRender.app });
    expect(second.outputs['output-url']).toContain(emu.storageUrl);
    expect(emu.requestCount('POST', '/apps/run')).toBe(1);
  });

  it('job-id with wait: false reports the status once', async () => {
    emu.setJobPlan({ processingPolls: 5 });
    const first = await runInProcess(emu, { ...SKETCH, wait: 'false' });
    const second = await runInProcess(emu, { 'job-id': first.outputs['job-id']!, wait: 'false' });
    expect(second.error).toBeUndefined();
    expect(second.outputs.status).toBe('processing');
    expect(emu.requestCount('GET', '/jobs/')).toBe(1);
  });

  it('reports an unknown job id with the API message', async () => {
    const run = await runInProcess(emu, { 'job-id': 'no-such-job' });
    expect(run.error!.message).toMatch(/GET \/jobs\/no-such-job failed: 404 "Job not found"/);
  });

  it('logs status changes, not every poll', async () => {
    emu.setJobPlan({ pendingPolls: 2, processingPolls: 3 });
    const run = await runInProcess(emu, SKETCH);
    const changes = run.log.lines.filter((line) => /\] job .*: /.test(line));
    expect(changes.map((line) => line.split(': ').pop())).toEqual(['pending', 'processing', 'completed']);
    expect(emu.requestCount('GET', '/jobs/')).toBe(6);
  });

  it.each([
    ['failed', 'Model provider error: generation failed', /failed: Model provider error/],
    ['cancelled', 'Job was cancelled', /was cancelled: Job was cancelled/],
  ] as const)('fails the step when the job is %s, keeping the job id', async (outcome, message, pattern) => {
    emu.setJobPlan({ processingPolls: 1, outcome, errorMessage: message });
    const run = await runInProcess(emu, SKETCH);
    expect(run.error!.message).toMatch(pattern);
    expect(run.outputs).toMatchObject({ status: outcome, 'error-message': message });
    expect(run.outputs['job-id']).toBeDefined();
  });

  it('cancels the job when the timeout runs out, and says how to resume', async () => {
    emu.setJobPlan({ outcome: 'never' });
    const run = await runInProcess(emu, { ...SKETCH, timeout: '3s' }, { now: stillUntil(() => emu.jobs.size > 0) });
    expect(run.error!.message).toMatch(/did not finish within 3s .*was cancelled so it stops spending credits/);
    expect(run.outputs.status).toBe('cancelled');
    expect(emu.requestCount('POST', '/jobs/')).toBe(1);
    expect(emu.jobs.get(run.outputs['job-id']!)!.status).toBe('cancelled');
  });

  it('leaves the job running with cancel-on-timeout: false', async () => {
    emu.setJobPlan({ outcome: 'never' });
    const run = await runInProcess(
      emu,
      { ...SKETCH, timeout: '3s', 'cancel-on-timeout': 'false' },
      { now: stillUntil(() => emu.jobs.size > 0) },
    );
    const jobId = run.outputs['job-id']!;
    expect(run.error!.message).toContain(`run this action with job-id: ${jobId}`);
    expect(emu.requestCount('POST', `/jobs/${jobId}/cancel`)).toBe(0);
    expect(emu.jobs.get(jobId)!.status).toBe('processing');
  });

  it('reports the finished job when the cancel answers 409', async () => {
    // The job finishes on the server as the action's cancel is refused, before it reads the job again.
    await emu.close();
    emu = await startEmulator({
      log: (line) => {
        if (/^api POST \S+\/cancel -> /.test(line))
          for (const job of emu.jobs.values()) emu.settleJob(job.id, 'completed');
      },
    });
    emu.setJobPlan({ outcome: 'never' });
    emu.fault({
      method: 'POST',
      path: /\/cancel$/,
      kind: 'status',
      status: 409,
      body: '{"error":"Job cannot be cancelled: it is completed"}',
    });
    const run = await runInProcess(emu, { ...SKETCH, timeout: '3s' }, { now: stillUntil(() => emu.jobs.size > 0) });
    expect(run.error).toBeUndefined();
    expect(run.outputs.status).toBe('completed');
    expect(run.outputs['output-url']).toContain(emu.storageUrl);
  });

  it('surfaces 401 and 402 with the API text and a hint', async () => {
    const wrongKey = await runInProcess(emu, { ...SKETCH, 'api-key': 'sk_live_wrong' });
    expect(wrongKey.error!.message).toMatch(/GET \/apps failed: 401 "Invalid API key". Check the api-key secret/);
    emu.credits = 10;
    const broke = await runInProcess(emu, SKETCH);
    expect(broke.error!.message).toMatch(
      /POST \/apps\/run failed: 402 "Insufficient credits. Required 200, available 10". Add credits/,
    );
    expect(broke.outputs['job-id']).toBeUndefined();
  });

  it('surfaces 403 with the subscription hint, submitting nothing', async () => {
    emu.fault({
      method: 'GET',
      path: '/apps',
      kind: 'status',
      status: 403,
      body: '{"error":"API access requires a Pro plan"}',
    });
    const run = await runInProcess(emu, SKETCH);
    expect(run.error!.message).toMatch(
      /GET \/apps failed: 403 "API access requires a Pro plan". API access needs an eligible/,
    );
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
  });

  it('cancels the remote job when the workflow is cancelled', async () => {
    emu.setJobPlan({ outcome: 'never' });
    const controller = new AbortController();
    const running = runInProcess(emu, { ...SKETCH, 'poll-interval': '10s' }, { signal: controller.signal });
    while (emu.jobs.size === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    const run = await running;
    expect(run.error!.message).toMatch(/The workflow was cancelled; job .* is cancelled/);
    expect(emu.jobs.get(run.outputs['job-id']!)!.status).toBe('cancelled');
  });
});

describe('a submission the deadline stops before sending', () => {
  it('is reported as not sent, so it is never mistaken for a lost answer', async () => {
    const { ArmoxClient } = await import('../../src/armox/client.js');
    const { MemoryLogger } = await import('../helpers/memory-logger.js');
    const { NotSentError } = await import('../../src/core/errors.js');
    const { Deadline } = await import('../../src/core/timing.js');
    const client = new ArmoxClient({
      apiUrl: emu.apiUrl,
      apiKey: emu.apiKey,
      log: new MemoryLogger(),
    });
    const request = { app_id: IDS.sketchToRender.app, inputs: {} };
    await expect(client.runApp(request, Deadline.after(0))).rejects.toBeInstanceOf(NotSentError);
    expect(emu.requests).toEqual([]);
  });
});
