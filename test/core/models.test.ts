/** Models through the same pipeline as apps: the core in-process against the emulator. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MODEL_IDS, startEmulator, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { ActionError, InputError } from '../../src/core/errors.js';
import { renderSummary } from '../../src/report/summary.js';
import { runInProcess, stillUntil } from '../helpers/in-process.js';

let emu: ArmoxEmulator;
beforeEach(async () => {
  emu = await startEmulator();
});
afterEach(async () => {
  await emu.close();
});

const BANANA = { model: 'google/nano-banana', inputs: 'prompt: a red bicycle\nAspect Ratio: "16:9"' };

describe('a model run against the emulator', () => {
  it('a sync image model: one POST, no polling, outputs from the answer', async () => {
    const run = await runInProcess(emu, BANANA);
    expect(run.error).toBeUndefined();
    expect(run.outputs).toMatchObject({ model: MODEL_IDS.nanoBanana, status: 'completed', 'credits-charged': '70' });
    expect(run.outputs['app-id']).toBeUndefined();
    expect(JSON.parse(run.outputs['output-urls']!)).toHaveLength(1);
    expect(JSON.parse(run.outputs.outputs!)).toHaveProperty('outputImage');
    expect(emu.requestCount('POST', '/models/run')).toBe(1);
    expect(emu.requestCount('GET', '/jobs')).toBe(0);
    const body = JSON.parse(emu.findRequests('POST', '/models/run')[0]!.body) as unknown;
    expect(body).toEqual({ model: MODEL_IDS.nanoBanana, input: { prompt: 'a red bicycle', aspect_ratio: '16:9' } });
    expect(renderSummary(run.report.snapshot())).toContain('## ✅ Armox · Nano Banana (image model): completed');
  });

  it('finds the model by name, case-insensitively', async () => {
    const run = await runInProcess(emu, { ...BANANA, model: 'nano BANANA' });
    expect(run.error).toBeUndefined();
    expect(run.outputs.model).toBe(MODEL_IDS.nanoBanana);
  });

  it('an async video model: 202, then polled to the end', async () => {
    const run = await runInProcess(emu, { model: MODEL_IDS.kling, inputs: 'prompt: waves\nduration: "5"' });
    expect(run.error).toBeUndefined();
    expect(run.outputs.status).toBe('completed');
    expect(run.outputs['credits-charged']).toBe('400');
    expect(emu.requestCount('GET', `/jobs/${run.outputs['job-id']}`)).toBeGreaterThan(0);
    expect(JSON.parse(run.outputs['output-urls']!)[0]).toMatch(/^http/);
  });

  it('a text model: the text is an output, not a file', async () => {
    const run = await runInProcess(emu, { model: MODEL_IDS.gpt5Mini, inputs: 'prompt: a haiku' });
    expect(run.error).toBeUndefined();
    expect(JSON.parse(run.outputs['output-urls']!)).toEqual([]);
    expect(Object.values(JSON.parse(run.outputs.outputs!) as object).join('')).not.toBe('');
  });

  it('lists every problem before anything is charged', async () => {
    const run = await runInProcess(emu, {
      model: 'google/nano-banana',
      inputs: 'aspect_rato: "16:9"\noutput_format: gif',
    });
    expect(run.error).toBeInstanceOf(InputError);
    const message = run.error!.message;
    expect(message).toContain('Did you mean "aspect_ratio"');
    expect(message).toContain('"gif" is not one of its options');
    expect(message).toMatch(/missing the prompt/);
    expect(message).toContain('Nothing was submitted and no credits were spent.');
    expect(emu.requestCount('POST', '/models/run')).toBe(0);
  });

  it('refuses images for a model that takes none, and an unknown model, before any run', async () => {
    const images = await runInProcess(emu, {
      model: MODEL_IDS.gpt5Mini,
      inputs: 'prompt: hi\nimage_input: [https://example.com/a.png]',
    });
    expect(images.error!.message).toMatch(/takes no images/);
    const unknown = await runInProcess(emu, { model: 'acme/nothing', inputs: 'prompt: hi' });
    expect(unknown.error!.message).toMatch(/acme\/nothing[\s\S]*google\/nano-banana/);
    expect(emu.requestCount('POST', '/models/run')).toBe(0);
  });

  it('max-credits refuses by price, spending nothing', async () => {
    const run = await runInProcess(emu, { model: MODEL_IDS.kling, inputs: 'prompt: waves', 'max-credits': '100' });
    expect(run.error).toBeInstanceOf(ActionError);
    expect(run.error!.message).toMatch(/max-credits is 100.*would cost 400/);
    expect(run.error!.message).toContain('Nothing was submitted');
    expect(emu.requestCount('POST', '/models/run')).toBe(0);
  });

  it('a batch of model runs', async () => {
    const run = await runInProcess(emu, {
      model: 'google/nano-banana',
      inputs: 'Aspect Ratio: "1:1"',
      batch: '- prompt: a cat\n- prompt: a dog\n  aspect_ratio: "9:16"',
    });
    expect(run.error).toBeUndefined();
    const results = JSON.parse(run.outputs.results!) as Array<Record<string, unknown>>;
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['1', 'completed'],
      ['2', 'completed'],
    ]);
    expect(run.outputs['credits-charged']).toBe('140');
    const bodies = emu.findRequests('POST', '/models/run').map((r) => JSON.parse(r.body) as { input: unknown });
    expect(bodies.map((b) => b.input)).toEqual([
      { prompt: 'a cat', aspect_ratio: '1:1' },
      { prompt: 'a dog', aspect_ratio: '9:16' },
    ]);
  });

  it('a lost submission answer is found among the recent jobs, never sent again', async () => {
    emu.fault({ kind: 'status', status: 500, afterHandling: true, method: 'POST', path: '/models/run' });
    const run = await runInProcess(emu, { model: MODEL_IDS.kling, inputs: 'prompt: waves' });
    expect(run.error).toBeUndefined();
    expect(emu.requestCount('POST', '/models/run')).toBe(1);
    expect(run.log.text).toContain('Found the submitted run among the recent jobs');
    expect(run.outputs.status).toBe('completed');
  });

  it('a model that takes only images: a prompt and missing images are refused before any request, dry run too', async () => {
    for (const dryRun of ['false', 'true']) {
      const run = await runInProcess(emu, {
        model: MODEL_IDS.upscaler,
        inputs: 'prompt: sharper\nscale: 2',
        'dry-run': dryRun,
      });
      expect(run.error).toBeInstanceOf(InputError);
      const message = run.error!.message;
      expect(message).toContain(
        'inputs: "prompt": model nightmareai/real-esrgan takes no prompt (its input types: image)',
      );
      expect(message).toContain('missing the images: model nightmareai/real-esrgan takes only images');
      expect(message).toContain('image_input  Images  image URLs (list), required');
    }
    expect(emu.requestCount('POST', '/models/run')).toBe(0);
    const ok = await runInProcess(emu, {
      model: MODEL_IDS.upscaler,
      inputs: 'image_input: [https://example.com/a.png]',
    });
    expect(ok.error).toBeUndefined();
  });

  it('a model that outlives the timeout: the message is about the run, not an app', async () => {
    emu.setJobPlan({ outcome: 'never' });
    const run = await runInProcess(
      emu,
      { model: MODEL_IDS.kling, inputs: 'prompt: waves', timeout: '3s' },
      { now: stillUntil(() => emu.jobs.size > 0) },
    );
    expect(run.error!.message).toContain('Raise timeout if the run needs longer');
    expect(run.error!.message).not.toMatch(/\bapp\b/);
  });

  it('wait: false with download-dir: a model answered inline has its files saved, unwarned; a job left running is warned about', async () => {
    const workspace = await mkdtemp(path.join(tmpdir(), 'armox-models-'));
    try {
      const env = { GITHUB_WORKSPACE: workspace };
      const sync = await runInProcess(emu, { ...BANANA, wait: 'false', 'download-dir': 'out' }, { env });
      expect(sync.error).toBeUndefined();
      expect(sync.log.text).not.toMatch(/download-dir/);
      expect(JSON.parse(sync.outputs.files!)).toEqual(['out/nano-banana.png']);
      const async = await runInProcess(
        emu,
        { model: MODEL_IDS.kling, inputs: 'prompt: waves', wait: 'false', 'download-dir': 'out' },
        { env },
      );
      expect(async.log.text).toContain(
        `warning: download-dir: nothing is downloaded for job ${async.outputs['job-id']}: with wait: false the files do not exist yet.`,
      );
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  });

  it('following a model job by job-id names the model and records the inputs it was sent', async () => {
    const first = await runInProcess(emu, { model: MODEL_IDS.kling, inputs: 'prompt: waves', wait: 'false' });
    const follow = await runInProcess(emu, { 'job-id': first.outputs['job-id']! });
    expect(follow.error).toBeUndefined();
    expect(follow.report.runs[0]!.inputs).toEqual({ prompt: 'waves' });
    expect(renderSummary(follow.report.snapshot())).toContain('## ✅ Armox · Kling 2.1 (video model): completed');
    // The submitting step was charged; following the job costs this step nothing (issue 17 §8).
    expect(follow.outputs['credits-charged']).toBe('0');
    // The name costs one GET /models; without it the job is still followed, named by its id.
    emu.fault({ kind: 'status', status: 500, method: 'GET', path: '/models', times: Infinity });
    const unnamed = await runInProcess(emu, { 'job-id': first.outputs['job-id']! });
    expect(unnamed.error).toBeUndefined();
    expect(renderSummary(unnamed.report.snapshot())).toContain('Armox · <code>kwaivgi/kling-v2.1</code> (model)');
  });

  it('dry-run prints the request and a skeleton with each default', async () => {
    const run = await runInProcess(emu, { ...BANANA, 'dry-run': 'true' });
    expect(run.error).toBeUndefined();
    expect(run.log.text).toContain('(POST /models/run)');
    expect(run.log.text).toMatch(/aspect_ratio: "?1:1"?/);
    expect(emu.requestCount('POST', '/models/run')).toBe(0);
  });
});
