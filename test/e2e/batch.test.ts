/**
 * Batches end to end: the bundled dist/index.js, started the way the runner
 * starts it, against the emulator (and the fake GitHub for release assets).
 * A small app of the tests' own keeps every run fast: one 2 KB image a job.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectedFileBytes, startEmulator, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { runBundledAction, startAction, type ActionRun } from '../../scripts/action-runner.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { SIGNALS_REACH_CHILDREN } from '../helpers/platform.js';

const BANNER = {
  id: 'banner-app',
  name: 'Banner',
  cost: 25,
  inputs: [
    { id: 'in-prompt', type: 'text' as const, label: 'Prompt', required: true, targetHandle: 'prompt' },
    { id: 'in-style', type: 'text' as const, label: 'Style', required: false, targetHandle: 'style' },
  ],
  outputs: [{ nodeId: 'n1', key: 'outputImage', file: { name: 'banner.png', size: 2_000, contentType: 'image/png' } }],
};
const REPOSITORY = 'octo/site';

/** Hooks run after each finished request (e.g. to change the job plan once the first job exists). */
let afterRequest: Array<(line: string) => void> = [];
let emu: ArmoxEmulator;
let github: FakeGitHub;
beforeEach(async () => {
  afterRequest = [];
  emu = await startEmulator({ log: (line) => afterRequest.forEach((hook) => hook(line)) });
  emu.apps.push(structuredClone(BANNER));
  github = await startFakeGitHub();
});
afterEach(async () => {
  await emu.close();
  await github.close();
});

function run(inputs: Record<string, string>, options: { workspace?: string; env?: Record<string, string> } = {}) {
  return runBundledAction({
    inputs: {
      'api-key': emu.apiKey,
      'api-url': emu.apiUrl,
      'poll-interval': '50ms',
      'github-token': github.token,
      'app-name': 'Banner',
      ...inputs,
    },
    env: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: REPOSITORY, GITHUB_EVENT_NAME: 'push', ...options.env },
    workspace: options.workspace,
  });
}

interface Result {
  name: string;
  'job-id': string | null;
  status: string | null;
  'credits-charged': number | null;
  'output-urls': string[];
  files: string[];
  'error-message': string | null;
}

function results(result: ActionRun): Result[] {
  return JSON.parse(result.outputs.results ?? '[]') as Result[];
}

/** The inputs of each `POST /apps/run`, in the order they were sent. */
function sentInputs(): Array<Record<string, unknown>> {
  return emu
    .findRequests('POST', '/apps/run')
    .map((r) => (JSON.parse(r.body) as { inputs: Record<string, unknown> }).inputs);
}

/** `[name, status]` of each item. */
function statuses(result: ActionRun): Array<[string, string | null]> {
  return results(result).map((item) => [item.name, item.status]);
}

/** Each `::error::` line of the log, decoded (the runner escapes newlines as %0A). */
function errorText(result: ActionRun): string {
  return result.stdout
    .split('\n')
    .filter((line) => line.startsWith('::error::'))
    .map((line) => line.slice('::error::'.length).replace(/%0A/g, '\n').replace(/%25/g, '%'))
    .join('\n');
}

/** A list batch of `count` items, each its own prompt. */
function prompts(count: number): string {
  return Array.from({ length: count }, (_, i) => `- Prompt: p${i}`).join('\n');
}

/** Resolves once `count` jobs exist. */
function jobsCreated(count: number): Promise<void> {
  return new Promise((resolve) => afterRequest.push(() => emu.jobs.size >= count && resolve()));
}

/** A workspace holding `files`. */
function workspaceWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'armox-ws-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Once, right after the first job was created (e.g. new jobs follow another plan, or a fault is armed). */
function afterFirstJob(action: () => void): void {
  let done = false;
  afterRequest.push((line) => {
    if (done || !line.startsWith('api POST /api/v1/apps/run') || emu.jobs.size !== 1) return;
    done = true;
    action();
  });
}

describe('batch: items and shared inputs', () => {
  it('a list batch: items 1, 2, … in order, shared inputs with the item value winning', async () => {
    const result = await run({
      inputs: 'Style: flat',
      batch: '- Prompt: a fox\n- Prompt: a hare\n  Style: woodcut\n- Prompt: an owl',
    });
    expect(result.code).toBe(0);
    expect(sentInputs()).toEqual([
      { 'in-prompt': 'a fox', 'in-style': 'flat' },
      { 'in-prompt': 'a hare', 'in-style': 'woodcut' },
      { 'in-prompt': 'an owl', 'in-style': 'flat' },
    ]);
    const items = results(result);
    expect(items.map((item) => [item.name, item.status, item['credits-charged']])).toEqual([
      ['1', 'completed', 25],
      ['2', 'completed', 25],
      ['3', 'completed', 25],
    ]);
    const jobIds = JSON.parse(result.outputs['job-ids']!) as string[];
    expect(jobIds).toEqual(items.map((item) => item['job-id']));
    expect(new Set(jobIds).size).toBe(3);
    // Each item's job ran its own inputs.
    for (const [index, id] of jobIds.entries()) {
      expect((emu.jobs.get(id)!.input_data as { inputs: unknown }).inputs).toEqual(sentInputs()[index]);
    }
    expect(result.outputs).toMatchObject({ status: 'completed', 'credits-charged': '75' });
    const urls = JSON.parse(result.outputs['output-urls']!) as string[];
    expect(urls).toEqual(items.flatMap((item) => item['output-urls']));
    expect(urls).toHaveLength(3);
    expect(result.outputs['output-url']).toBe(urls[0]);
    expect(result.outputs['job-id']).toBeUndefined();
    expect(result.outputs['error-message'] ?? '').toBe('');
    expect(emu.requestCount('GET', '/apps')).toBe(1);
  });

  it('a named batch: item names in the results, in the order given', async () => {
    const result = await run({
      inputs: 'Style: flat',
      batch: 'hero:\n  Prompt: a harbour\nlogo-v2.dark:\n  Prompt: a lighthouse\n  Style: ink\n',
    });
    expect(result.code).toBe(0);
    expect(statuses(result)).toEqual([
      ['hero', 'completed'],
      ['logo-v2.dark', 'completed'],
    ]);
    expect(sentInputs()).toEqual([
      { 'in-prompt': 'a harbour', 'in-style': 'flat' },
      { 'in-prompt': 'a lighthouse', 'in-style': 'ink' },
    ]);
    expect(result.outputs['credits-charged']).toBe('50');
  });

  it('takes a JSON batch too', async () => {
    const result = await run({ batch: '{"a": {"Prompt": "x"}, "b": {"Prompt": "y"}}' });
    expect(result.code).toBe(0);
    expect(statuses(result)).toEqual([
      ['a', 'completed'],
      ['b', 'completed'],
    ]);
  });
});

describe('batch: everything is checked before anything is submitted', () => {
  it('lists every invalid item by name and submits nothing', async () => {
    const result = await run({
      batch: 'ok:\n  Prompt: fine\nno-prompt:\n  Style: ink\ntypo:\n  Prompt: x\n  Colour: red\n',
    });
    expect(result.code).toBe(1);
    const error = errorText(result);
    expect(error).toContain('do not match the contract of app "Banner"');
    expect(error).toMatch(/no-prompt.*missing required input: "Prompt"/);
    expect(error).toMatch(/typo.*unknown input "Colour"/);
    expect(error).not.toMatch(/item "ok"/);
    expect(error).toContain('Nothing was submitted');
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
    // A JSON list even when nothing was submitted, so fromJSON in a later step parses (issue 17 §8).
    expect(result.outputs['job-ids']).toBe('[]');
  });

  it('refuses item names made of dots: nothing is written outside download-dir, nothing submitted', async () => {
    // The workspace alone in a folder of its own: `..` would write beside it.
    const workspace = path.join(mkdtempSync(path.join(tmpdir(), 'armox-parent-')), 'ws');
    mkdirSync(workspace);
    const result = await run(
      { batch: '"..":\n  Prompt: x\n".":\n  Prompt: y\n"...":\n  Prompt: z\n', 'download-dir': '.' },
      { workspace },
    );
    expect(result.code).toBe(1);
    const error = errorText(result);
    for (const name of ['..', '.', '...']) {
      expect(error).toContain(`batch: item name "${name}" must be 1–64 letters, digits, "_", "-" or "."`);
    }
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
    expect(readdirSync(path.dirname(workspace))).toEqual(['ws']);
    expect(readdirSync(workspace)).toEqual([]);
  });

  it('refuses bad and repeated item names, naming each', async () => {
    const result = await run({ batch: '"../up":\n  Prompt: x\n"a b":\n  Prompt: y\n' });
    expect(result.code).toBe(1);
    const error = errorText(result);
    expect(error).toContain('item name "../up"');
    expect(error).toContain('item name "a b"');
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
  });
});

describe('batch: concurrency, spending and failures', () => {
  it('max-concurrency holds: never more jobs unfinished than allowed', async () => {
    emu.setJobPlan({ pendingPolls: 1, processingPolls: 2 });
    const batch = prompts(7);
    const result = await run({ batch, 'max-concurrency': '3' });
    expect(result.code).toBe(0);
    expect(emu.maxUnfinished).toBe(3);
    expect(statuses(result).every(([, status]) => status === 'completed')).toBe(true);
    expect(emu.requestCount('POST', '/apps/run')).toBe(7);
  });

  it('max-credits: skips what could cross it, reports the skipped items and fails (estimate: the first charge)', async () => {
    const batch = prompts(5);
    const result = await run({ batch, 'max-credits': '60', 'download-dir': 'out' });
    expect(result.code).toBe(1);
    expect(emu.requestCount('POST', '/apps/run')).toBe(2);
    expect(statuses(result)).toEqual([
      ['1', 'completed'],
      ['2', 'completed'],
      ['3', 'skipped'],
      ['4', 'skipped'],
      ['5', 'skipped'],
    ]);
    expect(result.stdout).toContain("estimating 25 credits a run from the first run's charge");
    const lines = result.outputs['error-message']!.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^3: skipped \(not submitted: max-credits is 60: 50 credits spent so far/);
    expect(errorText(result)).toMatch(/3 of 5 runs did not complete/);
    expect(errorText(result)).toContain('max-credits');
    expect(result.outputs['credits-charged']).toBe('50');
    expect(result.outputs.status).toBe('failed');
    expect(results(result)[2]).toMatchObject({ 'job-id': null, 'credits-charged': 0, 'output-urls': [] });
    // What was paid for is delivered although the step fails.
    expect(JSON.parse(result.outputs.files!)).toEqual(['out/1/banner.png', 'out/2/banner.png']);
    expect(readdirSync(path.join(result.workspace, 'out')).sort()).toEqual(['1', '2']);
  });

  it('max-credits: estimates from the recent runs of the same app, then from what this step was charged, and says so', async () => {
    const hourAgo = Date.now() - 3_600_000;
    emu.seedJob({ appId: BANNER.id, createdAt: hourAgo, creditsCharged: 40 });
    emu.seedJob({ appId: BANNER.id, createdAt: hourAgo + 1_000, creditsCharged: 30 });
    const batch = prompts(4);
    const result = await run({ batch, 'max-credits': '80' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'estimating 40 credits a run, the most that 2 recent runs of this app were charged',
    );
    expect(result.stdout).toContain(
      'max-credits: estimating 25 credits a run from now on, the most a run of this step was charged (instead of 40, estimated from 2 recent runs).',
    );
    // 0 + 40 ≤ 80; then each run costs 25: 25 + 25 ≤ 80, 50 + 25 ≤ 80, 75 + 25 > 80.
    expect(emu.requestCount('POST', '/apps/run')).toBe(3);
    expect(statuses(result).map(([, status]) => status)).toEqual(['completed', 'completed', 'completed', 'skipped']);
    expect(results(result)[3]!['error-message']).toMatch(/next run would cost 25 \(the most a run of this step/);
  });

  it('fail-fast: after the first failed job nothing more is submitted, and the rest are skipped', async () => {
    emu.setJobPlan({ outcome: 'failed', errorMessage: 'GPU exploded' });
    afterFirstJob(() => emu.setJobPlan({}));
    const batch = prompts(4);
    const result = await run({ batch, 'max-concurrency': '1', 'fail-fast': 'true', 'download-dir': 'out' });
    expect(result.code).toBe(1);
    expect(emu.requestCount('POST', '/apps/run')).toBe(1);
    expect(statuses(result)).toEqual([
      ['1', 'failed'],
      ['2', 'skipped'],
      ['3', 'skipped'],
      ['4', 'skipped'],
    ]);
    const lines = result.outputs['error-message']!.split('\n');
    expect(lines[0]).toBe('1: failed (GPU exploded)');
    expect(lines[1]).toMatch(/^2: skipped \(not submitted: fail-fast/);
    expect(result.outputs.status).toBe('failed');
  });

  it('without fail-fast, a failed job does not stop the others (and its refunded charge does not count against max-credits)', async () => {
    emu.setJobPlan({ outcome: 'failed', errorMessage: 'GPU exploded' });
    afterFirstJob(() => emu.setJobPlan({}));
    const batch = prompts(3);
    // 25 (refunded) + 25 + 25 would cross 60; what is spent is 50.
    const result = await run({ batch, 'max-concurrency': '1', 'max-credits': '60', 'download-dir': 'out' });
    expect(result.code).toBe(1);
    expect(statuses(result)).toEqual([
      ['1', 'failed'],
      ['2', 'completed'],
      ['3', 'completed'],
    ]);
    expect(result.outputs['error-message']).toBe('1: failed (GPU exploded)');
    expect(JSON.parse(result.outputs.files!)).toEqual(['out/2/banner.png', 'out/3/banner.png']);
    // The failed job is refunded: the output, the results and the log all count 0 for it.
    expect(result.outputs['credits-charged']).toBe('50');
    expect(results(result).map((item) => item['credits-charged'])).toEqual([0, 25, 25]);
    expect(result.stdout).toMatch(/2\/3 completed, 0 running, 1 failed, 50 credits/);
    expect(errorText(result)).toMatch(/1 of 3 runs did not complete/);
  });

  it('a timeout cancels every job in flight, and skips what was not submitted', async () => {
    emu.setJobPlan({ outcome: 'never' });
    const batch = prompts(4);
    const result = await run({ batch, 'max-concurrency': '3', timeout: '2s' });
    expect(result.code).toBe(1);
    expect(result.durationMs).toBeLessThan(30_000); // jobs that never end: only the timeout stops the step
    const jobs = [...emu.jobs.values()];
    expect(jobs).toHaveLength(3);
    expect(jobs.map((job) => job.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(emu.unfinishedCount()).toBe(0);
    expect(emu.requestCount('POST', '/jobs/')).toBe(3);
    expect(statuses(result)).toEqual([
      ['1', 'cancelled'],
      ['2', 'cancelled'],
      ['3', 'cancelled'],
      ['4', 'skipped'],
    ]);
    expect(errorText(result)).toMatch(/3 jobs did not finish within 2s and were cancelled/);
    expect(result.summary).toContain('timed out');
  });
});

describe('batch: cancellation, the rate budget and lost answers', () => {
  it.runIf(SIGNALS_REACH_CHILDREN)('a cancelled workflow (SIGINT) cancels every job in flight', async () => {
    emu.setJobPlan({ outcome: 'never' });
    const batch = prompts(4);
    const created = jobsCreated(4);
    const { child, done } = startAction({
      inputs: { 'api-key': emu.apiKey, 'api-url': emu.apiUrl, 'app-name': 'Banner', 'poll-interval': '10s', batch },
    });
    await created;
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(1);
    expect([...emu.jobs.values()].map((job) => job.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(errorText(result)).toBe('The workflow was cancelled; 4 unfinished jobs cancelled.');
    expect(statuses(result).map(([, status]) => status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
  });

  it('a 429 pauses the whole step: no request of any item before Retry-After allows', async () => {
    afterFirstJob(() => emu.fault({ kind: 'rate-limit', method: 'POST', path: '/apps/run', retryAfter: '1' }));
    const batch = prompts(3);
    const result = await run({ batch });
    expect(result.code).toBe(0);
    expect(emu.jobs.size).toBe(3);
    const api = emu.requests.filter((request) => request.origin === 'api');
    // The second POST is the one refused (the reads before paying come first).
    const first = api.findIndex((request) => request.method === 'POST');
    const limited = api.findIndex((request, index) => index > first && request.method === 'POST');
    expect(api[limited + 1]!.at - api[limited]!.at).toBeGreaterThanOrEqual(1_000);
    expect(emu.requestCount('POST', '/apps/run')).toBe(4);
    expect(statuses(result).map(([, status]) => status)).toEqual(['completed', 'completed', 'completed']);
  });

  it('never submits an item twice: a lost answer is looked up, and not confused with an identical item', async () => {
    afterFirstJob(() =>
      emu.fault({ kind: 'status', status: 500, afterHandling: true, method: 'POST', path: '/apps/run' }),
    );
    const result = await run({ batch: '- Prompt: same\n- Prompt: same\n- Prompt: other' });
    expect(result.code).toBe(0);
    expect(emu.requestCount('POST', '/apps/run')).toBe(3);
    expect(emu.jobs.size).toBe(3);
    const jobIds = JSON.parse(result.outputs['job-ids']!) as string[];
    expect(jobIds).toEqual([...emu.jobs.keys()]);
    expect(result.stdout).toContain('Found the run of item "2" among the recent jobs');
  });
});

describe('batch: files, release assets and the summary per item', () => {
  it('downloads into download-dir/<item>/, names assets <item>-<file>, and summarises each item', async () => {
    github.seedRelease(REPOSITORY, 'v1.0.0');
    const result = await run({
      batch: 'hero:\n  Prompt: a harbour\nlogo:\n  Prompt: a lighthouse\n',
      'download-dir': 'out',
      'upload-to-release': 'v1.0.0',
    });
    expect(result.code).toBe(0);
    expect(readdirSync(path.join(result.workspace, 'out')).sort()).toEqual(['hero', 'logo']);
    for (const item of ['hero', 'logo']) {
      const bytes = readFileSync(path.join(result.workspace, 'out', item, 'banner.png'));
      expect(bytes.equals(expectedFileBytes('banner.png', 2_000))).toBe(true);
    }
    expect(JSON.parse(result.outputs.files!)).toEqual(['out/hero/banner.png', 'out/logo/banner.png']);
    expect(results(result).map((item) => item.files)).toEqual([['out/hero/banner.png'], ['out/logo/banner.png']]);
    const assets = github.releases[0]!.assets.map((asset) => asset.name).sort();
    expect(assets).toEqual(['hero-banner.png', 'logo-banner.png']);
    const urls = JSON.parse(result.outputs['release-assets']!) as string[];
    expect(urls.map((url) => url.split('/').pop())).toEqual(['hero-banner.png', 'logo-banner.png']);

    const summary = result.summary;
    expect(summary).toMatch(/^## ✅ Armox · Banner: 2 of 2 completed · 50 credits/);
    expect(summary).toContain('<details><summary>Runs</summary>\n\n| | Item | Credits | Duration | Job |');
    for (const [item, id, url] of results(result).map((r) => [r.name, r['job-id']!, r['output-urls'][0]!])) {
      // A gallery cell: the linked thumbnail, captioned with the icon and the item.
      expect(summary).toContain(`<a href="${url}"><img src="${url}" width="150" alt="${item}"></a><br>✅ ${item}</td>`);
      expect(summary).toContain(`| ✅ | ${item} | 25 | `);
      expect(summary).toContain(`<code title="${id}">${id!.slice(0, 8)}</code>`);
    }
    // No runner paths: the files are in the files output and the manifest.
    expect(summary).not.toContain('out/logo/banner.png');
    expect(summary).toContain('logo-banner.png');
  });
});

describe('batch: a failed delivery', () => {
  it("one item's failed download does not hold back the others' files; the step fails naming it", async () => {
    afterFirstJob(() => {
      const prefix = [...emu.jobs.keys()][0]!.slice(0, 8);
      emu.fault({ origin: 'storage', path: new RegExp(prefix), kind: 'status', status: 404, times: Infinity });
    });
    const result = await run({ batch: 'a:\n  Prompt: x\nb:\n  Prompt: y\nc:\n  Prompt: z\n', 'download-dir': 'out' });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.outputs.files!)).toEqual(['out/b/banner.png', 'out/c/banner.png']);
    // An item whose files were not delivered did not give its results: the batch failed.
    expect(result.outputs.status).toBe('failed');
    const jobA = results(result)[0]!['job-id']!;
    // The summary escapes markdown; unescaped, its next step names the item's own folder.
    expect(result.summary.replace(/\\/g, '')).toContain(`job-id: ${jobA} and download-dir: out/a.`);
    expect(result.outputs['error-message']).toMatch(/^a: Could not download \S+banner\.png: HTTP 404/);
    expect(errorText(result)).toMatch(/^The files of 1 item could not be delivered:\n- a: Could not download/);
    expect(results(result).map((item) => item['error-message'] !== null)).toEqual([true, false, false]);
    expect(result.summary).toMatch(/### Problems\n\n- ⚠️ <b>a<\/b>: Could not download/);
    expect(result.summary.split('\n')[0]).toContain('3 of 3 completed · 1 undelivered');
  });

  it('a failed job and a failed download: the rest is delivered, and the error names both', async () => {
    emu.setJobPlan({ outcome: 'failed', errorMessage: 'GPU exploded' });
    afterFirstJob(() => emu.setJobPlan({}));
    afterRequest.push((line) => {
      if (!line.startsWith('api POST /api/v1/apps/run') || emu.jobs.size !== 2) return;
      const prefix = [...emu.jobs.keys()][1]!.slice(0, 8);
      emu.fault({ origin: 'storage', path: new RegExp(prefix), kind: 'status', status: 404, times: Infinity });
    });
    const result = await run({ batch: prompts(3), 'max-concurrency': '1', 'download-dir': 'out' });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.outputs.files!)).toEqual(['out/3/banner.png']);
    expect(errorText(result)).toMatch(
      /^1 of 3 runs did not complete:\n- 1: failed \(GPU exploded\)\nThe files of 1 item could not be delivered:\n- 2: Could not download/,
    );
    expect(result.outputs['error-message']!.split('\n')).toEqual([
      '1: failed (GPU exploded)',
      expect.stringMatching(/^2: Could not download/),
    ]);
  });
  it('a delivery timeout names the item, gives each item its own folder to fetch again, and fails the batch', async () => {
    afterRequest.push((line) => {
      if (!line.startsWith('api POST /api/v1/apps/run') || emu.jobs.size !== 2) return;
      const prefix = [...emu.jobs.keys()][1]!.slice(0, 8);
      emu.fault({ origin: 'storage', path: new RegExp(prefix), kind: 'hang', times: Infinity });
    });
    const batch = 'a:\n  Prompt: x\nb:\n  Prompt: y\nc:\n  Prompt: z\n';
    const result = await run({ batch, 'download-dir': 'out', timeout: '3s' });
    expect(result.code).toBe(1);
    expect(result.durationMs).toBeLessThan(30_000); // half the 60 s idle watchdog a hung download would wait out
    const [a, b, c] = results(result);
    expect(statuses(result)).toEqual([
      ['a', 'completed'],
      ['b', 'completed'],
      ['c', 'completed'],
    ]);
    expect(result.outputs.status).toBe('failed');
    expect(JSON.parse(result.outputs.files!)).toEqual(['out/a/banner.png']);
    expect(a!['error-message']).toBeNull();
    expect(b!['error-message']).toMatch(/^The timeout ran out while downloading \S+banner\.png\./);
    expect(b!['error-message']).toContain(`job-id: ${b!['job-id']} and download-dir: out/b (`);
    expect(c!['error-message']).toBe(
      'Its files were not delivered: the timeout ran out before their turn. The job completed and was paid for; ' +
        `to fetch them without paying again, run this action with job-id: ${c!['job-id']} and download-dir: out/c.`,
    );
    expect(result.outputs['error-message']!.split('\n')).toEqual([
      `b: ${b!['error-message']}`,
      `c: ${c!['error-message']}`,
    ]);
    const error = errorText(result);
    expect(result.summary).toContain('| ⚠️ | c (files not delivered) | 25 |');
    expect(error).toMatch(/^Item "b": The timeout ran out while downloading/);
    expect(error).toContain(`job-id: ${b!['job-id']} and download-dir: out/b`);
    expect(error).toContain(
      'The files of 1 more item (c) were not delivered either: the timeout ran out before their turn.',
    );
    expect(error).not.toMatch(/download-dir: out[ .]/);
  });
});

describe('batch: polling', () => {
  it('one GET /jobs list per interval, however many jobs: polls do not grow with the batch', async () => {
    emu.setJobPlan({ processingPolls: 3 });
    const small = await run({ batch: '- Prompt: a\n- Prompt: b', 'max-concurrency': '20' });
    expect(small.code).toBe(0);
    const smallLists = emu.requestCount('GET', '/jobs?');
    emu.requests.length = 0;

    const batch = prompts(20);
    const large = await run({ batch, 'max-concurrency': '20' });
    expect(large.code).toBe(0);
    expect(emu.requestCount('POST', '/apps/run')).toBe(20);
    const lists = emu.requestCount('GET', '/jobs?');
    expect(lists).toBe(smallLists);
    expect(lists).toBeLessThanOrEqual(5);
    expect(emu.requestCount('GET', /\/jobs\/[^/?]+$/)).toBe(0);
    expect(emu.requestCount('GET', '/apps')).toBe(1);
  });

  it('falls back to GET /jobs/:id for a job the list no longer shows', async () => {
    emu.setJobPlan({ processingPolls: 2 });
    // Every GET /jobs list answers empty, as if 100 newer jobs had pushed the batch's out.
    emu.fault({ kind: 'body', method: 'GET', path: '/jobs?', body: '{"object":"list","data":[]}', times: Infinity });
    const result = await run({ batch: '- Prompt: a\n- Prompt: b' });
    expect(result.code).toBe(0);
    expect(statuses(result).map(([, status]) => status)).toEqual(['completed', 'completed']);
    expect(emu.requestCount('GET', /\/jobs\/[^/?]+$/)).toBeGreaterThanOrEqual(2 * 3);
  });
});

describe('batch: wait: false and dry-run', () => {
  it('wait: false submits every item (beyond max-concurrency) and sets job-ids and results', async () => {
    const batch = prompts(5);
    const result = await run({ batch, wait: 'false', 'max-concurrency': '2' });
    expect(result.code).toBe(0);
    expect(emu.requestCount('POST', '/apps/run')).toBe(5);
    expect(emu.requestCount('GET', '/jobs')).toBe(0);
    const jobIds = JSON.parse(result.outputs['job-ids']!) as string[];
    expect(jobIds).toHaveLength(5);
    expect(jobIds.every((id) => emu.jobs.has(id))).toBe(true);
    expect(results(result).map((item) => item['job-id'])).toEqual(jobIds);
    expect(results(result).every((item) => item.status === 'processing' || item.status === 'pending')).toBe(true);
    expect(result.outputs['credits-charged']).toBe('125');
    expect(result.outputs.status).toBe('processing');
    expect(result.stdout).toContain('Not waiting (wait: false)');
    expect(result.stdout).toContain('0/5 completed, 5 running, 125 credits');
  });

  it('dry-run validates every item and prints each request, submitting nothing', async () => {
    const result = await run({ batch: 'hero:\n  Prompt: a\nlogo:\n  Prompt: b\n', 'dry-run': 'true' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Dry run: all 2 runs match the contract of app "Banner"');
    expect(result.stdout).toContain('Request that would be sent for hero (POST /apps/run)');
    expect(result.stdout).toContain('Request that would be sent for logo (POST /apps/run)');
    expect(result.stdout).toContain('"in-prompt": "b"');
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
    expect(result.summary).toContain('<b>hero</b>');
  });
});

describe('batch: one item, and batch files', () => {
  it('a batch of one behaves exactly like a single run', async () => {
    github.seedRelease(REPOSITORY, 'v1.0.0');
    const common = { 'download-dir': 'out', 'upload-to-release': 'v1.0.0' };
    const single = await run({ ...common, inputs: 'Prompt: a' });
    const one = await run({ ...common, batch: 'hero:\n  Prompt: a' });
    for (const result of [single, one]) {
      expect(result.code).toBe(0);
      expect(result.outputs['job-id']).toBeTruthy();
      expect(JSON.parse(result.outputs.files!)).toEqual(['out/banner.png']);
      expect(readdirSync(path.join(result.workspace, 'out'))).toEqual(['banner.png']);
      expect(result.summary).toContain(`job <code title="${result.outputs['job-id']}">`);
      expect(result.summary).not.toContain('| Item |');
    }
    const keys = (result: ActionRun) => Object.keys(result.outputs).sort();
    expect(keys(one)).toEqual(keys(single));
    expect(github.releases[0]!.assets.map((asset) => asset.name)).toEqual(['banner.png']);
    expect(JSON.parse(one.outputs.outputs!)).toHaveProperty('n1');
    expect(results(one).map((item) => item.name)).toEqual(['hero']);
  });

  it('batch-file: YAML', async () => {
    const workspace = workspaceWith({ 'renders.yml': 'hero:\n  Prompt: a\nlogo:\n  Prompt: b\n' });
    const result = await run({ 'batch-file': 'renders.yml', inputs: 'Style: ink' }, { workspace });
    expect(result.code).toBe(0);
    expect(statuses(result)).toEqual([
      ['hero', 'completed'],
      ['logo', 'completed'],
    ]);
    expect(sentInputs()).toEqual([
      { 'in-prompt': 'a', 'in-style': 'ink' },
      { 'in-prompt': 'b', 'in-style': 'ink' },
    ]);
  });

  it('batch-file: JSON Lines, one mapping a line, items 1, 2, … (blank lines skipped)', async () => {
    const workspace = workspaceWith({ 'renders.jsonl': '{"Prompt": "a"}\n\n{"Prompt": "b", "Style": "ink"}\n' });
    const result = await run({ 'batch-file': 'renders.jsonl' }, { workspace });
    expect(result.code).toBe(0);
    expect(statuses(result)).toEqual([
      ['1', 'completed'],
      ['2', 'completed'],
    ]);
    expect(sentInputs()).toEqual([{ 'in-prompt': 'a' }, { 'in-prompt': 'b', 'in-style': 'ink' }]);
  });

  it('batch-file: a bad JSON Lines line is named by its line number, nothing submitted', async () => {
    const workspace = workspaceWith({ 'renders.jsonl': '{"Prompt": "a"}\n{"Prompt": \n["x"]\n' });
    const result = await run({ 'batch-file': 'renders.jsonl' }, { workspace });
    expect(result.code).toBe(1);
    expect(errorText(result)).toMatch(/line 2/);
    expect(errorText(result)).toMatch(/line 3|item "3"/);
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
  });
});

describe('batch: release asset names that clash across items', () => {
  it("one item's asset never replaces another's: the later one gets a numbered name, and the log says so", async () => {
    emu.apps.push({
      ...structuredClone(BANNER),
      id: 'pair-app',
      name: 'Pair',
      outputs: [
        { nodeId: 'n1', key: 'outputImage', file: { name: 'a.png', size: 500, contentType: 'image/png' } },
        { nodeId: 'n2', key: 'outputImage', file: { name: 'b-a.png', size: 600, contentType: 'image/png' } },
      ],
    });
    github.seedRelease(REPOSITORY, 'v1.0.0');
    // Item p's b-a.png and item p-b's a.png are both p-b-a.png.
    const result = await run({
      'app-name': 'Pair',
      batch: 'p:\n  Prompt: x\np-b:\n  Prompt: y\n',
      'download-dir': 'out',
      'upload-to-release': 'v1.0.0',
    });
    expect(result.code).toBe(0);
    const urls = JSON.parse(result.outputs['release-assets']!) as string[];
    expect(urls.map((url) => url.split('/').pop())).toEqual(['p-a.png', 'p-b-a.png', 'p-b-a-2.png', 'p-b-b-a.png']);
    expect(new Set(urls).size).toBe(urls.length);
    const assets = github.releases[0]!.assets;
    expect(assets.map((asset) => [asset.name, asset.size])).toEqual([
      ['p-a.png', 500],
      ['p-b-a.png', 600],
      ['p-b-a-2.png', 500],
      ['p-b-b-a.png', 600],
    ]);
    expect(result.stdout).not.toContain('Replacing the asset');
    expect(result.stdout).toMatch(
      /::warning::Another file of this step is already attached to release v1\.0\.0 as p-b-a\.png: attaching \S+out\/p-b\/a\.png as p-b-a-2\.png instead\./,
    );
  });
});
