/**
 * Money in-process against the emulator: a charge the step cannot see is not
 * zero (max-credits counts it at its estimate until a poll shows it), and the
 * balance is checked before paying. End to end: test/e2e/batch.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { MODEL_IDS, startEmulator, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { manifestOf } from '../../src/report/manifest.js';
import { renderSummary } from '../../src/report/summary.js';
import { runInProcess } from '../helpers/in-process.js';

type Shown = ArmoxEmulator['chargeShown']['job'];
interface Result {
  name: string;
  status: string;
  'credits-charged': number | null;
  'error-message': string | null;
}

const KLING = { model: MODEL_IDS.kling, batch: '- prompt: a\n- prompt: b\n- prompt: c\n- prompt: d' };
const V2_ID = '6c093a77-5d40-49fc-9b13-784a96c93d13';
const V2 = {
  'app-name': 'product shot v2',
  batch: [1, 2, 3, 4].map((i) => `- Product Images: [https://example.com/${i}.png]`).join('\n'),
};

// Tests run concurrently: each has its own emulator.
const emulators: ArmoxEmulator[] = [];
afterAll(async () => {
  await Promise.all(emulators.map((emu) => emu.close()));
});
async function fresh(): Promise<ArmoxEmulator> {
  const emu = await startEmulator();
  emulators.push(emu);
  return emu;
}

const spent = (emu: ArmoxEmulator) => 100_000 - emu.credits;
const results = (outputs: Record<string, string>) => JSON.parse(outputs.results!) as Result[];

/** Where the charge first appears: never in the run's answer, and in the polls at once, at the end, or never while running. */
const HIDDEN: Array<[Shown, Shown]> = [
  ['omitted', 'shown'],
  ['zero', 'shown'],
  ['omitted', 'zero-until-finished'],
  ['zero', 'omitted-until-finished'],
];

describe.concurrent('max-credits counts a charge it cannot see at its estimate', () => {
  it.each(HIDDEN)(
    'four 400-credit model runs, cap 500, run answer %s, polls %s: one is submitted, the rest skipped saying why',
    async (runAnswer, job) => {
      const emu = await fresh();
      emu.chargeShown = { runAnswer, job };
      const run = await runInProcess(emu, { ...KLING, 'max-credits': '500' });
      expect(emu.requestCount('POST', '/models/run')).toBe(1);
      expect(spent(emu)).toBe(400);
      const all = results(run.outputs);
      expect(all.map((r) => r.status)).toEqual(['completed', 'skipped', 'skipped', 'skipped']);
      expect(all[1]!['error-message']).toMatch(
        /^not submitted: max-credits is 500: 400 credits spent so far, and the next run would cost 400 \(the price of model/,
      );
      expect(run.outputs['credits-charged']).toBe('400');
      expect(run.error!.message).toMatch(/^3 of 4 runs did not complete/);
    },
  );

  it.each([['omitted'], ['zero']] as const)(
    'wait: false, run answer %s: the accepted job counts at its price, so one of four is submitted',
    async (runAnswer) => {
      const emu = await fresh();
      emu.chargeShown = { runAnswer, job: 'shown' };
      const run = await runInProcess(emu, { ...KLING, 'max-credits': '500', wait: 'false' });
      expect(emu.requestCount('POST', '/models/run')).toBe(1);
      const all = results(run.outputs);
      expect(all.map((r) => r.status)).toEqual(['processing', 'skipped', 'skipped', 'skipped']);
      expect(all[1]!['error-message']).toContain(
        'max-credits is 500: 400 credits spent so far (counting 400 for item "1", whose charge is not known yet)',
      );
    },
  );

  it.each(HIDDEN)(
    'an app estimated at 150 from its history, cap 200, run answer %s, polls %s: spends 150, not 600',
    async (runAnswer, job) => {
      const emu = await fresh();
      emu.seedJob({ appId: V2_ID, createdAt: Date.now() - 60_000, creditsCharged: 150 });
      emu.chargeShown = { runAnswer, job };
      const run = await runInProcess(emu, { ...V2, 'max-credits': '200', 'max-concurrency': '4' });
      expect(emu.requestCount('POST', '/apps/run')).toBe(1);
      expect(spent(emu)).toBe(150);
      expect(results(run.outputs).map((r) => r.status)).toEqual(['completed', 'skipped', 'skipped', 'skipped']);
    },
  );

  it('an app without history: the first charge is waited for before the next submission, then the cap holds', async () => {
    const emu = await fresh();
    emu.chargeShown = { runAnswer: 'omitted', job: 'zero-until-finished' };
    const run = await runInProcess(emu, { ...V2, 'max-credits': '400', 'max-concurrency': '4' });
    expect(emu.requestCount('POST', '/apps/run')).toBe(2);
    expect(spent(emu)).toBe(300);
    expect(results(run.outputs).map((r) => r.status)).toEqual(['completed', 'completed', 'skipped', 'skipped']);
    expect(run.log.text).toContain("max-credits: estimating 150 credits a run from the first run's charge.");
  });

  it('a charge first shown by a poll that crosses the cap is warned about, and nothing more is submitted', async () => {
    const emu = await fresh();
    emu.chargeShown = { runAnswer: 'omitted', job: 'omitted-until-finished' };
    const run = await runInProcess(emu, { ...V2, 'max-credits': '100' });
    expect(emu.requestCount('POST', '/apps/run')).toBe(1);
    const warning = run.log.lines.find((line) => line.startsWith('warning: max-credits (100) is crossed'));
    expect(warning).toMatch(/Armox charged 150 credits for item "1" \(job \S+\), so this step has spent 150\./);
    expect(warning).toContain('nothing more is submitted');
    expect(run.report.notes).toContain(warning!.slice('warning: '.length));
    expect(results(run.outputs).map((r) => r.status)).toEqual(['completed', 'skipped', 'skipped', 'skipped']);
  });
});

describe.concurrent('the balance, before paying', () => {
  it('a batch that does not fit the balance: nothing is submitted, saying the balance, the estimate and what fits', async () => {
    const emu = await fresh();
    emu.credits = 1_000;
    const run = await runInProcess(emu, KLING);
    expect(emu.requestCount('POST', '/models/run')).toBe(0);
    expect(run.error!.message).toMatch(
      /^The Armox balance is 1000 credits, and the 4 runs would cost an estimated 1600 \(400 each, the price of model .*\); 2 would fit\. Nothing was submitted/,
    );
    expect(results(run.outputs).map((r) => r.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    expect(run.outputs['credits-charged']).toBe('0');
    expect(run.report.balance).toEqual({ before: 1_000, after: 1_000, afterFrom: 'charges' });
  });

  it('only what max-credits lets through is checked against the balance', async () => {
    const emu = await fresh();
    emu.credits = 1_000;
    const run = await runInProcess(emu, { ...KLING, 'max-credits': '800' });
    expect(emu.requestCount('POST', '/models/run')).toBe(2);
    expect(run.log.text).toContain('Balance: 1000 credits, enough for the estimated 800 (2 runs).');
  });

  it('a single run the balance cannot pay is refused before it is sent', async () => {
    const emu = await fresh();
    emu.credits = 300;
    const run = await runInProcess(emu, { model: MODEL_IDS.kling, inputs: 'prompt: waves' });
    expect(emu.requestCount('POST', '/models/run')).toBe(0);
    expect(run.error!.message).toMatch(/^The Armox balance is 300 credits, and the run would cost 400 \(the price/);
    expect(run.outputs.status).toBe('skipped');
  });

  it('a dry run warns that the balance does not fit, and does not fail for it', async () => {
    const emu = await fresh();
    emu.credits = 1_000;
    const run = await runInProcess(emu, { ...KLING, 'dry-run': 'true' });
    expect(run.error).toBeUndefined();
    const warning = run.log.lines.find((line) => line.startsWith('warning: The Armox balance is 1000 credits'));
    expect(warning).toContain('The real run would submit nothing unless credits are added first.');
    expect(run.report.notes).toContain(warning!.slice('warning: '.length));
  });

  it.each([
    ['a 403', { kind: 'status', status: 403, body: '{"error":"Forbidden"}' }, /403/],
    ['a 500 every time', { kind: 'status', status: 500 }, /500/],
    ['an answer without credits', { kind: 'body', body: '{"object":"account"}' }, /no "credits" number/],
  ] as const)('an unreadable balance (%s) is warned about, and the step goes on', async (_name, rule, why) => {
    const emu = await fresh();
    emu.fault({ ...rule, method: 'GET', path: '/account', times: Infinity });
    const run = await runInProcess(emu, { model: MODEL_IDS.nanoBanana, inputs: 'prompt: a cat' });
    expect(run.error).toBeUndefined();
    const warning = run.log.lines.find((line) => line.startsWith('warning: The Armox balance could not be read'));
    expect(warning).toMatch(why);
    expect(warning).toContain('Going on without checking that the runs fit it.');
    expect(run.report.balance).toBeUndefined();
  });

  it('the balance is read alongside the model list, not after it: no round trip added before paying', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'delay', ms: 500, method: 'GET', path: '/models' });
    const run = await runInProcess(emu, { model: MODEL_IDS.nanoBanana, inputs: 'prompt: a cat' });
    expect(run.error).toBeUndefined();
    const list = emu.findRequests('GET', '/models')[0]!;
    const [before, after] = emu.findRequests('GET', '/account');
    // Read one after the other, the balance could not arrive before the list's held answer.
    expect(before!.at).toBeLessThan(list.at + 500);
    expect(after!.at).toBeGreaterThan(emu.findRequests('POST', '/models/run')[0]!.at);
  });

  it('refused inputs: the balance read alongside the contract is not mentioned, even when it failed', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'status', status: 500, method: 'GET', path: '/account', times: Infinity });
    const run = await runInProcess(emu, { model: MODEL_IDS.nanoBanana, inputs: 'prompt: a cat\naspect_ratio: 7:5' });
    expect(run.error?.message).toMatch(/aspect_ratio/);
    expect(run.log.text).not.toContain('balance');
    expect(run.report.balance).toBeUndefined();
    expect(emu.requestCount('POST', '/models/run')).toBe(0);
  });

  it('a rehearsal reads no balance (nothing it does is charged)', async () => {
    const emu = await fresh();
    const paid = await runInProcess(emu, { model: MODEL_IDS.nanoBanana, inputs: 'prompt: a cat' });
    expect(paid.error).toBeUndefined();
    const before = emu.requestCount('GET', '/account');
    const rehearsal = await runInProcess(emu, {
      model: MODEL_IDS.nanoBanana,
      inputs: 'prompt: a dog',
      rehearsal: 'true',
    });
    expect(rehearsal.error).toBeUndefined();
    expect(emu.requestCount('GET', '/account')).toBe(before);
    expect(rehearsal.report.balance).toBeUndefined();
  });

  it('the record keeps the balance before and after: read again at the end', async () => {
    const emu = await fresh();
    const run = await runInProcess(emu, { model: MODEL_IDS.nanoBanana, inputs: 'prompt: a cat' });
    expect(run.report.balance).toEqual({ before: 100_000, after: 99_930, afterFrom: 'account' });
    const manifest = await manifestOf(run.report.snapshot(), process.cwd());
    expect(manifest.balance).toEqual({ before: 100_000, after: 99_930, after_from: 'account' });
    expect(renderSummary(run.report.snapshot())).toContain('balance 100000 → 99930 credits');
  });

  it('the balance after: the one before minus the charges when it cannot be read again', async () => {
    const emu = await fresh();
    emu.fault({ kind: 'delay', ms: 0, method: 'GET', path: '/account' });
    emu.fault({ kind: 'status', status: 403, method: 'GET', path: '/account', times: Infinity });
    const run = await runInProcess(emu, { model: MODEL_IDS.nanoBanana, inputs: 'prompt: a cat' });
    expect(run.report.balance).toEqual({ before: 100_000, after: 99_930, afterFrom: 'charges' });
  });
});
