/** A dry run tells what the real run would do, max-credits and reuse included, before anything is charged. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MODEL_IDS, startEmulator, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { ActionError, InputError } from '../../src/core/errors.js';
import { runInProcess } from '../helpers/in-process.js';

let emu: ArmoxEmulator;
beforeEach(async () => {
  emu = await startEmulator();
});
afterEach(async () => {
  await emu.close();
});

const KLING = { model: MODEL_IDS.kling, inputs: 'prompt: waves' };
const DRY = { 'dry-run': 'true' };

describe('a dry run and max-credits', () => {
  it('fails as the real run would when the price crosses the cap, with the same message', async () => {
    const real = await runInProcess(emu, { ...KLING, 'max-credits': '100' });
    const dry = await runInProcess(emu, { ...KLING, 'max-credits': '100', ...DRY });
    expect(dry.error).toBeInstanceOf(ActionError);
    expect(dry.error!.message).toBe(real.error!.message);
    expect(dry.error!.message).toMatch(/^max-credits is 100: .*would cost 400 .*Nothing was submitted/);
    // Still shows what would be sent.
    expect(dry.log.text).toContain('Request that would be sent (POST /models/run)');
    expect(emu.requestCount('POST', '/models/run')).toBe(0);
  });

  it('passes when the price fits', async () => {
    const dry = await runInProcess(emu, { ...KLING, 'max-credits': '400', ...DRY });
    expect(dry.error).toBeUndefined();
  });

  it('a batch: names the items the cap would skip, and fails saying so', async () => {
    const dry = await runInProcess(emu, {
      model: MODEL_IDS.nanoBanana,
      batch: '- prompt: a\n- prompt: b\n- prompt: c',
      'max-credits': '150',
      ...DRY,
    });
    expect(dry.error!.message).toBe(
      '1 of 3 runs would not be submitted:\n- 3: skipped (not submitted: max-credits is 150: 140 credits spent so far, ' +
        'and the next run would cost 70 (the price of model google/nano-banana (image)), which could cross it.)',
    );
    expect(dry.report.runs.map((run) => run.outcome)).toEqual([undefined, undefined, 'skipped']);
    expect(emu.requestCount('POST', '/models/run')).toBe(0);
  });

  it.each([
    ['a dry run', DRY],
    ['a real run', {}],
  ])('%s with invalid inputs and a cap too low reports both', async (_name, extra) => {
    const run = await runInProcess(emu, {
      model: MODEL_IDS.kling,
      inputs: 'promt: waves',
      'max-credits': '100',
      ...extra,
    });
    expect(run.error).toBeInstanceOf(InputError);
    expect(run.error!.message).toContain('unknown key "promt"');
    expect(run.error!.message).toMatch(/\nmax-credits would also refuse the run: max-credits is 100: .*would cost 400/);
    expect(emu.requestCount('POST', '/models/run')).toBe(0);
  });
});

describe('a dry run and reuse', () => {
  it('says why nothing is reused on a first attempt, and sets reused to false', async () => {
    const dry = await runInProcess(emu, { ...KLING, ...DRY }, { env: { GITHUB_RUN_ATTEMPT: '1' } });
    expect(dry.error).toBeUndefined();
    expect(dry.log.text).toContain(
      'reuse: rerun: first attempt of this workflow run, nothing to reuse; the run would be submitted.',
    );
    expect(dry.outputs.reused).toBe('false');
  });

  it('says so with reuse: false, and when a window finds no match', async () => {
    const off = await runInProcess(emu, { ...KLING, ...DRY, reuse: 'false' });
    expect(off.log.text).toContain('reuse: false: no earlier job is reused; the run would be submitted.');
    expect(off.outputs.reused).toBe('false');
    const window = await runInProcess(emu, { ...KLING, ...DRY, reuse: '7d' });
    expect(window.log.text).toContain('reuse: looking for completed jobs at most 7d old');
    expect(window.log.text).toContain('Nothing to reuse; a run would be submitted and charged.');
    expect(window.outputs.reused).toBe('false');
  });
});

describe('a dry run whose inputs are refused', () => {
  it.each([
    ['an app with no inputs given', { 'app-name': 'Sketch to Render' }, 'Aspect Ratio: ""  # text, required'],
    ['a model without its prompt', { model: MODEL_IDS.nanoBanana }, 'prompt: ""  # required'],
  ])('%s: still gives the ready-to-paste inputs block, then fails', async (_name, inputs, line) => {
    const dry = await runInProcess(emu, { ...inputs, ...DRY });
    expect(dry.error).toBeInstanceOf(InputError);
    expect(dry.log.text).toContain('Ready-to-paste inputs (fill in what the problems below name):');
    expect(dry.log.text).toContain(line);
    expect(dry.report.snapshot().dryRun?.skeleton).toContain(line);
  });
});
