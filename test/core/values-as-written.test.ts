/**
 * Values as written (issue 17 §8): YAML would read `1.10` as 1.1 and `0x1F`
 * as 31; a text input gets the text as written, a number setting still a
 * number. What Armox receives is checked on the emulator.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDS, MODEL_IDS, startEmulator, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { runInProcess } from '../helpers/in-process.js';

let emu: ArmoxEmulator;
beforeEach(async () => {
  emu = await startEmulator();
});
afterEach(async () => {
  await emu.close();
});

function sent(path: string): Record<string, unknown> {
  const [request] = emu.findRequests('POST', path);
  return JSON.parse(request!.body) as Record<string, unknown>;
}

describe('text inputs get the scalar as written', () => {
  it.each(['1.10', '0x1F', '1e3', '007', 'True', '+5', '.5'])('an app text input written %s', async (written) => {
    const run = await runInProcess(emu, { 'app-id': IDS.posterCampaign.app, inputs: `Prompt: ${written}` });
    expect(run.error).toBeUndefined();
    const { inputs } = sent('/apps/run') as { inputs: Record<string, unknown> };
    expect(Object.values(inputs)).toContain(written);
  });

  it('a model prompt written 1.10 in a batch item', async () => {
    const run = await runInProcess(emu, { model: MODEL_IDS.gpt5Mini, batch: 'a:\n  prompt: 1.10\n' });
    expect(run.error).toBeUndefined();
    expect((sent('/models/run') as { input: { prompt: unknown } }).input.prompt).toBe('1.10');
  });

  it('a number setting still gets a number', async () => {
    const run = await runInProcess(emu, {
      model: MODEL_IDS.gpt5Mini,
      inputs: 'prompt: hi\nmax_completion_tokens: 0x400',
    });
    expect(run.error).toBeUndefined();
    expect((sent('/models/run') as { input: Record<string, unknown> }).input.max_completion_tokens).toBe(1024);
  });
});

describe('following a job with job-id', () => {
  it('names what the job ran, and counts no charge for this step', async () => {
    const submitted = await runInProcess(emu, {
      'app-id': IDS.posterCampaign.app,
      inputs: 'Prompt: a lighthouse',
      wait: 'false',
    });
    expect(submitted.error).toBeUndefined();
    expect(Number(submitted.outputs['credits-charged'])).toBeGreaterThan(0);
    const followed = await runInProcess(emu, { 'job-id': submitted.outputs['job-id']! });
    expect(followed.error).toBeUndefined();
    expect(followed.outputs).toMatchObject({
      'app-id': IDS.posterCampaign.app,
      'app-name': 'Poster Campaign',
      status: 'completed',
      'credits-charged': '0',
    });
    expect(JSON.parse(followed.outputs.results!)[0]['credits-charged']).toBe(0);
  });

  it('names a model job by its model', async () => {
    const submitted = await runInProcess(emu, { model: MODEL_IDS.kling, inputs: 'prompt: waves', wait: 'false' });
    const followed = await runInProcess(emu, { 'job-id': submitted.outputs['job-id']! });
    expect(followed.outputs).toMatchObject({ model: MODEL_IDS.kling, 'credits-charged': '0' });
  });
});
