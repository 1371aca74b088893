/**
 * Batches in-process against the emulator, where spawning the bundle adds
 * nothing: the log of a large batch, the jobs the post step would cancel,
 * spending caps and account errors. End to end: test/e2e/batch.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MODEL_IDS, startEmulator, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { runInProcess, stillUntil } from '../helpers/in-process.js';
import { MAX_SINGLE_READS } from '../../src/execute/watch.js';

const UPSCALE = { 'app-name': 'Upscale Image' };

interface Result {
  name: string;
  'job-id': string | null;
  status: string;
  'credits-charged': number | null;
  'error-message': string | null;
}
/** `count` items of the seeded Upscale Image app (50 credits a run). */
function upscales(count: number): string {
  return Array.from({ length: count }, (_, i) => `- Image: https://example.com/${i + 1}.png`).join('\n');
}

let emu: ArmoxEmulator;
beforeEach(async () => {
  emu = await startEmulator();
});
afterEach(async () => {
  await emu.close();
});

describe('the log of a batch', () => {
  it('stays readable for 100 items: one line per item when accepted and when ended, a progress line every few polls', async () => {
    emu.setJobPlan({ pendingPolls: 1, processingPolls: 2 });
    const run = await runInProcess(emu, {
      ...UPSCALE,
      batch: upscales(100),
      'max-concurrency': '25',
      'poll-interval': '20ms',
    });
    expect(run.error).toBeUndefined();
    const info = run.log.lines.filter((line) => !/^(debug|warning): /.test(line) && !line.startsWith('['));
    const timed = run.log.lines.filter((line) => /^\[ *[\dms.]+\] /.test(line));
    const accepted = timed.filter((line) => / accepted \(50 credits\)\.$/.test(line));
    const ended = timed.filter((line) => /: completed, 1 file\.$/.test(line));
    expect(accepted).toHaveLength(100);
    expect(ended.map((line) => /\] (\d+):/.exec(line)![1])).toEqual(
      Array.from({ length: 100 }, (_, i) => String(i + 1)),
    );
    // One line per state change, at info: `[  12s] 7: processing`.
    const changes = timed.filter((line) => /^\[ *[\dms.]+\] \d+: (pending|processing)$/.test(line));
    for (const item of ['1', '50', '100']) {
      expect(changes.filter((line) => line.endsWith(`] ${item}: processing`))).toHaveLength(1);
    }

    const progress = info.filter((line) => /^\d+\/100 completed/.test(line));
    for (const line of progress) expect(line).toMatch(/^\d+\/100 completed, \d+ running, [\d ]+ credits$/);
    expect(progress.at(-1)).toBe('100/100 completed, 0 running, 5 000 credits');
    const polls = emu.requestCount('GET', '/jobs?');
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(polls / 5) + 1);
    expect(new Set(progress).size).toBe(progress.length);
    // Everything else: the app line and a few notes, not one per item.
    expect(info.length - progress.length).toBeLessThan(10);
  });

  it('names the reason of each item that did not complete', async () => {
    emu.setJobPlan({ outcome: 'failed', errorMessage: 'out of VRAM' });
    const run = await runInProcess(emu, { ...UPSCALE, batch: upscales(2) });
    expect(run.log.lines.filter((line) => line.includes(': failed (out of VRAM).'))).toHaveLength(2);
    expect(run.error!.message).toBe(
      '2 of 2 runs did not complete:\n- 1: failed (out of VRAM)\n- 2: failed (out of VRAM)',
    );
  });
});

describe('jobs in flight and the post step', () => {
  it('every job in flight is in the post step state until handled; a timeout cancels them all', async () => {
    emu.setJobPlan({ outcome: 'never' });
    let most: string[] = [];
    const run = await runInProcess(
      emu,
      { ...UPSCALE, batch: upscales(3), timeout: '3s' },
      {
        onOpenJobs: (ids) => (most = ids.length > most.length ? ids : most),
        now: stillUntil(() => emu.jobs.size === 3),
      },
    );
    expect(run.error?.name).toBe('TimeoutError');
    expect(most.sort()).toEqual([...emu.jobs.keys()].sort());
    expect(run.openJobs).toEqual([]);
    expect([...emu.jobs.values()].every((job) => job.status === 'cancelled')).toBe(true);
    const results = JSON.parse(run.outputs.results!) as Result[];
    expect(results.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    const why = 'the timeout (3s) ran out before it finished; it was cancelled so it stops spending credits';
    expect(results.map((r) => r['error-message'])).toEqual([why, why, why]);
    expect(run.outputs['error-message']!.split('\n')).toEqual(results.map((r) => `${r.name}: timed-out (${why})`));
  });

  it('a single run that timed out: its results entry says what the error-message output says', async () => {
    emu.setJobPlan({ outcome: 'never' });
    const run = await runInProcess(
      emu,
      { ...UPSCALE, inputs: 'Image: https://example.com/1.png', timeout: '3s' },
      { now: stillUntil(() => emu.jobs.size > 0) },
    );
    expect(run.error?.name).toBe('TimeoutError');
    const [result] = JSON.parse(run.outputs.results!) as Result[];
    expect(result!['error-message']).toMatch(/^Job \S+ did not finish within 3s .* was cancelled/);
    expect(result!['error-message']).toBe(run.error!.message);
    expect(run.outputs['error-message']).toBe(run.error!.message);
  });

  it.each([
    ['a single run', { 'app-name': 'Upscale Image', inputs: 'Image: https://example.com/1.png' }],
    ['a batch', { ...UPSCALE, batch: upscales(2) }],
  ])('%s: each job is in the post step state before the log says it was accepted', async (_name, inputs) => {
    emu.setJobPlan({ outcome: 'never' });
    const saved = new Set<string>();
    const saidBeforeSaved: string[] = [];
    const run = await runInProcess(
      emu,
      { ...inputs, wait: 'false' },
      {
        onOpenJobs: (ids, log) => {
          for (const id of ids.filter((id) => !saved.has(id))) {
            saved.add(id);
            if (log.text.includes(`${id} accepted`)) saidBeforeSaved.push(id);
          }
        },
      },
    );
    expect(run.error).toBeUndefined();
    expect(emu.jobs.size).toBeGreaterThan(0);
    expect(saidBeforeSaved).toEqual([]);
  });

  it('cancel-on-timeout: false leaves every job running and says how to follow each', async () => {
    emu.setJobPlan({ outcome: 'never' });
    const run = await runInProcess(
      emu,
      {
        ...UPSCALE,
        batch: upscales(2),
        timeout: '3s',
        'cancel-on-timeout': 'false',
      },
      { now: stillUntil(() => emu.jobs.size === 2) },
    );
    expect(run.error!.message).toMatch(/^2 jobs \(.+, .+\) did not finish within 3s; they keep running on Armox/);
    expect([...emu.jobs.values()].map((job) => job.status)).toEqual(['processing', 'processing']);
    expect(run.openJobs).toEqual([]);
  });

  it('wait: false hands every job over (the post step cancels none of them)', async () => {
    const run = await runInProcess(emu, { ...UPSCALE, batch: upscales(3), wait: 'false' });
    expect(run.error).toBeUndefined();
    expect(run.openJobs).toEqual([]);
    expect(JSON.parse(run.outputs['job-ids']!)).toHaveLength(3);
  });
});

describe('spending and account errors', () => {
  it('an account error (402) stops submitting: the rest are skipped, naming why', async () => {
    emu.credits = 120; // two runs of 50
    const run = await runInProcess(emu, { ...UPSCALE, batch: upscales(4) });
    const results = JSON.parse(run.outputs.results!) as Array<{ status: string; 'error-message': string | null }>;
    expect(results.map((r) => r.status)).toEqual(['completed', 'completed', 'error', 'skipped']);
    expect(results[2]!['error-message']).toMatch(/Insufficient credits/);
    expect(results[3]!['error-message']).toMatch(/^not submitted: the API refused item "3": .*Insufficient credits/);
    expect(emu.requestCount('POST', '/apps/run')).toBe(3);
    expect(run.error!.message).toMatch(/^2 of 4 runs did not complete/);
    expect(run.outputs.status).toBe('failed');
  });

  it('the first item refused (402), the rest skipped: every output is still set, one entry per item', async () => {
    emu.credits = 10;
    const run = await runInProcess(emu, { ...UPSCALE, batch: upscales(3) });
    expect(emu.requestCount('POST', '/apps/run')).toBe(1);
    const results = JSON.parse(run.outputs.results!) as Result[];
    expect(results.map((r) => [r.name, r.status, r['job-id'], r['credits-charged']])).toEqual([
      ['1', 'error', null, null],
      ['2', 'skipped', null, 0],
      ['3', 'skipped', null, 0],
    ]);
    expect(results.every((r) => r['error-message'])).toBe(true);
    expect(run.outputs['job-ids']).toBe('[]');
    expect(run.outputs['credits-charged']).toBe('0');
    expect(run.outputs.status).toBe('failed');
    expect(run.outputs['error-message']!.split('\n')).toHaveLength(3);
  });

  it('a model batch that max-credits skips entirely: results, job-ids, credits-charged and status are set', async () => {
    const batch = '- prompt: a cat\n- prompt: a dog';
    const run = await runInProcess(emu, { model: MODEL_IDS.nanoBanana, batch, 'max-credits': '10' });
    expect(emu.requestCount('POST', '/models/run')).toBe(0);
    const results = JSON.parse(run.outputs.results!) as Result[];
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['1', 'skipped'],
      ['2', 'skipped'],
    ]);
    expect(results[0]!['error-message']).toMatch(/^not submitted: max-credits is 10: 0 credits spent so far/);
    expect(run.outputs['job-ids']).toBe('[]');
    expect(run.outputs['credits-charged']).toBe('0');
    expect(run.outputs.status).toBe('failed');
  });

  it('max-credits with a model: its price decides, and the message says so', async () => {
    const batch = '- prompt: a cat\n- prompt: a dog\n- prompt: a cow';
    const run = await runInProcess(emu, { model: MODEL_IDS.nanoBanana, batch, 'max-credits': '150' });
    expect(emu.requestCount('POST', '/models/run')).toBe(2);
    const lines = run.outputs['error-message']!.split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^3: skipped \(not submitted: max-credits is 150: 140 credits spent .* would cost 70 \(the price of model/,
      ),
    ]);
  });

  it('max-credits on a single app run: estimated from its recent runs, nothing submitted when it could cross', async () => {
    emu.seedJob({ appId: '28c5f633-190c-45b8-87df-b40652859f0f', createdAt: Date.now() - 60_000, creditsCharged: 100 });
    const run = await runInProcess(emu, {
      'app-name': 'Product Shot',
      inputs: 'Product Image: https://example.com/p.png',
      'max-credits': '80',
    });
    expect(run.error!.message).toMatch(
      /max-credits is 80: 0 credits spent so far, and the next run would cost 100 \(estimated from 1 recent run\)/,
    );
    expect(run.error!.message).toContain('Nothing was submitted');
    expect(run.log.text).toContain(
      'max-credits: estimating 100 credits a run, the most that 1 recent run of this app was charged',
    );
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
    // A run not submitted is `skipped`, in status and in its results entry; nothing was charged.
    expect(run.outputs.status).toBe('skipped');
    expect(JSON.parse(run.outputs.results!)).toEqual([
      expect.objectContaining({ name: '1', 'job-id': null, status: 'skipped', 'credits-charged': 0 }),
    ]);
    expect(run.outputs['credits-charged']).toBe('0');
  });

  it('max-credits crossed by a run whose cost could not be known: said before submitting, warned after, delivered', async () => {
    const run = await runInProcess(emu, {
      ...UPSCALE,
      inputs: 'Image: https://example.com/1.png',
      'max-credits': '10',
    });
    expect(run.error).toBeUndefined();
    expect(run.outputs.status).toBe('completed');
    expect(run.outputs['credits-charged']).toBe('50');
    const before = run.log.lines.findIndex((line) =>
      line.includes("the first run's charge cannot be checked against max-credits (10) before Armox accepts it"),
    );
    const accepted = run.log.lines.findIndex((line) => / accepted \(50 credits\)\.$/.test(line));
    expect(before).toBeGreaterThanOrEqual(0);
    expect(before).toBeLessThan(accepted);
    const warning = run.log.lines.find((line) => line.startsWith('warning: max-credits (10) is crossed'));
    expect(warning).toMatch(/Armox charged 50 credits for the run \(job \S+\), so this step has spent 50\./);
    expect(warning).toContain("Its cost could not be known before Armox accepted it: an app's contract has no price");
    expect(warning).toContain('The run is paid for, so its results are delivered.');
    expect(run.report.notes).toContain(warning!.slice('warning: '.length));
  });

  it('says nothing about estimates when max-credits is not set', async () => {
    const run = await runInProcess(emu, { ...UPSCALE, batch: upscales(2) });
    expect(run.error).toBeUndefined();
    expect(run.log.text).not.toContain('max-credits');
  });
});

describe('every problem with the batch at once, before anything is sent', () => {
  const image = 'Image: https://example.com/1.png';

  it("a bad item name does not hide another item's contract problem", async () => {
    const run = await runInProcess(emu, {
      ...UPSCALE,
      batch: `"a b":\n  ${image}\nok:\n  ${image}\n  Colour: red\n`,
    });
    const message = run.error!.message;
    expect(message).toMatch(/^batch: item name "a b" must be 1–64 letters/);
    expect(message).toMatch(/The batch's 2 runs do not match the contract of app "Upscale Image"[^:]*:/);
    expect(message).toMatch(/- batch: item "ok": unknown input "Colour"/);
    expect(message).toMatch(/Nothing was submitted and no credits were spent\.$/);
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
  });

  it('a YAML error in the shared inputs: the items are still read, and the message says why the contract was not checked', async () => {
    const run = await runInProcess(emu, {
      ...UPSCALE,
      inputs: 'Scale: "2',
      batch: `"..":\n  ${image}\nok:\n  ${image}\n`,
    });
    const message = run.error!.message;
    expect(message).toMatch(/^The runs' inputs have 2 problems:\n- inputs is not valid YAML or JSON at line 1/);
    expect(message).toContain('- batch: item name ".." must be');
    expect(message).toMatch(
      /The items were not checked against the contract of app "Upscale Image"[^:]*: every item includes inputs, which could not be read\./,
    );
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
  });

  it('an app that is not found does not hide the batch problems', async () => {
    const run = await runInProcess(emu, { 'app-name': 'Upscale Imag', batch: `"a b":\n  ${image}\n` });
    const message = run.error!.message;
    expect(message).toMatch(/Upscale Imag/);
    expect(message).toMatch(/The runs' inputs have problems too:\n- batch: item name "a b" must be/);
  });
});

describe('polling with more jobs in flight than the list shows', () => {
  it('300 items, 100 in flight, none listed: every job completes, with one list and at most MAX_SINGLE_READS single reads a round', async () => {
    // Every list answers empty, as if newer jobs had pushed all of the batch's out: each job is seen by single reads only.
    emu.fault({ kind: 'body', method: 'GET', path: '/jobs?', body: '{"object":"list","data":[]}', times: Infinity });
    emu.setJobPlan({ processingPolls: 1 });
    emu.rateLimit = { limit: 100_000, windowMs: 60_000 };
    const run = await runInProcess(emu, {
      ...UPSCALE,
      batch: upscales(300),
      'max-concurrency': '100',
      'poll-interval': '10ms',
      timeout: '10m',
    });
    expect(run.error).toBeUndefined();
    const results = JSON.parse(run.outputs.results!) as Result[];
    expect(results.filter((r) => r.status === 'completed')).toHaveLength(300);
    const lists = emu.requestCount('GET', '/jobs?');
    const singles = emu.requestCount('GET', /\/jobs\/[^/?]+$/);
    expect(singles).toBeGreaterThanOrEqual(2 * 300);
    expect(singles).toBeLessThanOrEqual(MAX_SINGLE_READS * lists);
  }, 120_000);
});
