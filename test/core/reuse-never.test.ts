/**
 * What a maximum age (`reuse: 1h`) never adopts, with the action's core in this
 * process against the emulator's real job list: each near-miss is passed over
 * and the run is submitted and paid. The spawned dist/index.js proves the same
 * wiring in test/e2e/reuse.test.ts (a match within the age is adopted, an old
 * one and one whose file is gone are not); these cases add nothing by spawning.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDS, startEmulator, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { runInProcess, type InProcessRun } from '../helpers/in-process.js';

let emu: ArmoxEmulator;
beforeEach(async () => {
  emu = await startEmulator();
});
afterEach(async () => {
  expect(emu.errors).toEqual([]);
  await emu.close();
});

const POSTER_ID = IDS.posterCampaign.app;
const POSTER = { 'app-name': 'Poster Campaign', inputs: 'Prompt: a lighthouse', reuse: '1h' };
/** Poster Campaign's inputs as the action sends them for `POSTER`. */
const SENT = { [IDS.posterCampaign.prompt]: 'a lighthouse' };
const MINUTE = 60_000;

const posts = () => emu.requestCount('POST', '/apps/run');

/** The step submitted a new run, paid for it, and succeeded. */
function expectPaid(run: InProcessRun): void {
  expect(run.error).toBeUndefined();
  expect(run.outputs).toMatchObject({ status: 'completed', reused: 'false' });
  expect(Number(run.outputs['credits-charged'])).toBeGreaterThan(0);
  expect(posts()).toBe(1);
}

describe('what is never reused', () => {
  it.each([
    ['one value differs', { [IDS.posterCampaign.prompt]: 'a lighthouse at dusk' }],
    ['an input more', { ...SENT, [IDS.posterCampaign.style]: 'noir' }],
    ['an input less', {}],
  ])('inputs that differ (%s)', async (_, inputs) => {
    const past = emu.seedJob({ appId: POSTER_ID, inputs, createdAt: Date.now() - MINUTE, creditsCharged: 1000 });
    const run = await runInProcess(emu, POSTER);
    expectPaid(run);
    expect(run.outputs['job-id']).not.toBe(past.id);
  });

  it.each(['failed', 'cancelled'] as const)('a %s job', async (status) => {
    const past = emu.seedJob({ appId: POSTER_ID, inputs: SENT, status, createdAt: Date.now() - MINUTE });
    const run = await runInProcess(emu, POSTER);
    expectPaid(run);
    expect(run.outputs['job-id']).not.toBe(past.id);
  });

  it('a job of another app with the same inputs', async () => {
    const past = emu.seedJob({ appId: IDS.productShot.app, inputs: SENT, createdAt: Date.now() - MINUTE });
    const run = await runInProcess(emu, POSTER);
    expectPaid(run);
    expect(run.outputs['job-id']).not.toBe(past.id);
  });

  it('the same job, unchanged, is reused (the cases above can fail)', async () => {
    const past = emu.seedJob({ appId: POSTER_ID, inputs: SENT, createdAt: Date.now() - MINUTE, creditsCharged: 1000 });
    const run = await runInProcess(emu, POSTER);
    expect(run.error).toBeUndefined();
    expect(run.outputs).toMatchObject({ 'job-id': past.id, reused: 'true', 'credits-charged': '0' });
    expect(posts()).toBe(0);
  });
});
