/**
 * Reuse of paid jobs and the manifest (issue 13), end to end through
 * dist/index.js against the emulator and the fake GitHub: a re-run adopts the
 * identical completed job of an earlier attempt instead of paying again.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDS, MODEL_IDS, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { runBundledAction, type ActionRun } from '../../scripts/action-runner.js';
import type { Manifest } from '../../src/report/manifest.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { connectionInputs, useServers } from '../helpers/servers.js';

let emu: ArmoxEmulator;
let github: FakeGitHub;
useServers((servers) => ({ emu, github } = servers));

const REPOSITORY = 'octo/site';
const RUN_ID = 4242;
const POSTER_ID = IDS.posterCampaign.app;
const POSTER = { 'app-name': 'Poster Campaign', inputs: 'Prompt: a lighthouse' };
/** Poster Campaign's inputs as the action sends them for `POSTER`. */
const SENT = { [IDS.posterCampaign.prompt]: 'a lighthouse' };
const MINUTE = 60_000;

function run(inputs: Record<string, string>, attempt = 1, env: Record<string, string> = {}): Promise<ActionRun> {
  return runBundledAction({
    inputs: { ...connectionInputs({ emu, github }), ...inputs },
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_RUN_ID: String(RUN_ID),
      GITHUB_RUN_ATTEMPT: String(attempt),
      GITHUB_ACTION: 'render',
      ...env,
    },
  });
}

/** The workflow run began `ago` ms before now (re-runs keep that time). */
function workflowRunBegan(ago: number): void {
  github.seedWorkflowRun(REPOSITORY, { id: RUN_ID, createdAt: new Date(Date.now() - ago).toISOString() });
}

/** A completed Poster Campaign job with `SENT` (or `inputs`), created `ago` ms before now. */
function pastPoster(
  ago: number,
  options: { inputs?: Record<string, unknown>; status?: 'completed' | 'failed' | 'cancelled' } = {},
) {
  return emu.seedJob({
    appId: POSTER_ID,
    inputs: options.inputs ?? SENT,
    status: options.status ?? 'completed',
    createdAt: Date.now() - ago,
    creditsCharged: 1000,
  });
}

const posts = () => emu.requestCount('POST', '/apps/run');
const jobLists = () => emu.requestCount('GET', '/jobs?limit=100');
const results = (result: ActionRun) => JSON.parse(result.outputs.results!) as Array<Record<string, unknown>>;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
/** coreutils' `sha256sum`, an outside judge of the hashes computed as the bytes arrive; null where it is missing. */
const SHA256SUM = (() => {
  try {
    execFileSync('sha256sum', ['--version'], { stdio: 'ignore' });
    return 'sha256sum';
  } catch {
    return null;
  }
})();

/** The step adopted `jobId`: it succeeded, names that job, and charged nothing. */
function expectReused(result: ActionRun, jobId: string): void {
  expect(result.code).toBe(0);
  expect(result.outputs).toMatchObject({
    'job-id': jobId,
    status: 'completed',
    reused: 'true',
    'credits-charged': '0',
  });
}

/** The step submitted a new run, paid for it, and succeeded. */
function expectPaid(result: ActionRun): void {
  expect(result.code).toBe(0);
  expect(result.outputs).toMatchObject({ status: 'completed', reused: 'false' });
  expect(Number(result.outputs['credits-charged'])).toBeGreaterThan(0);
}

function readManifest(result: ActionRun): Manifest {
  const file = result.outputs.manifest!;
  expect(file).toBeTruthy();
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

describe('reuse: rerun', () => {
  it('a re-run (attempt 2) adopts the completed job of attempt 1 and submits nothing', async () => {
    workflowRunBegan(MINUTE);
    const first = await run({ ...POSTER, 'download-dir': 'out' }, 1);
    expect(first.code).toBe(0);
    expect(first.outputs.reused).toBe('false');
    expect(first.outputs['credits-charged']).toBe('1000');
    expect(posts()).toBe(1);
    const balance = emu.credits;
    const jobId = first.outputs['job-id']!;

    const second = await run({ ...POSTER, 'download-dir': 'out' }, 2);
    expect(second.code).toBe(0);
    expect(posts()).toBe(1);
    expect(emu.credits).toBe(balance);
    expect(second.outputs['job-id']).toBe(jobId);
    expect(second.outputs.status).toBe('completed');
    expect(second.outputs.reused).toBe('true');
    expect(second.outputs['credits-charged']).toBe('0');
    expect(results(second)).toMatchObject([{ 'job-id': jobId, reused: true, 'credits-charged': 0 }]);
    expect(second.outputs['output-urls']).toBe(first.outputs['output-urls']);
    // The files of attempt 1's job, downloaded again from it.
    expect(JSON.parse(second.outputs.files!)).toEqual(['out/poster.png', 'out/teaser.mp4', 'out/voiceover.mp3']);
    for (const file of ['poster.png', 'teaser.mp4', 'voiceover.mp3']) {
      expect(sha256(path.join(second.workspace, 'out', file))).toBe(sha256(path.join(first.workspace, 'out', file)));
    }
    expect(second.stdout).toMatch(new RegExp(`Reusing job ${jobId} \\(created [^)]*charged 1000 credits then\\)`));
    expect(second.stdout).toContain('Nothing is charged.');
    expect(second.summary).toContain(jobId);
    expect(second.summary).toMatch(/[Rr]eused/);
    // One job list for the whole step, and the workflow run read with the token.
    expect(jobLists()).toBe(1);
    const runReads = github.requests.filter((r) => r.path === `/repos/${REPOSITORY}/actions/runs/${RUN_ID}`);
    expect(runReads).toHaveLength(1);
    expect(runReads[0]!.headers.authorization).toMatch(new RegExp(`^(token|Bearer) ${github.token}$`));
  });

  it('attempt 1 never reuses, even with an identical completed job in the account', async () => {
    workflowRunBegan(10 * MINUTE);
    pastPoster(MINUTE);
    const result = await run(POSTER, 1);
    expectPaid(result);
    expect(posts()).toBe(1);
    expect(result.outputs['credits-charged']).toBe('1000');
    expect(github.requests.filter((r) => r.path.includes('/actions/runs/'))).toHaveLength(0);
  });

  it('a re-run does not reuse a job created before the workflow run began', async () => {
    workflowRunBegan(10 * MINUTE);
    pastPoster(20 * MINUTE);
    const result = await run(POSTER, 2);
    expectPaid(result);
    expect(posts()).toBe(1);
  });

  it('without actions: read: warns naming the permission, then submits as usual', async () => {
    workflowRunBegan(10 * MINUTE);
    pastPoster(MINUTE);
    github.forbidActionsRead = true;
    const result = await run(POSTER, 2);
    expect(result.stdout).toMatch(/::warning::reuse: rerun cannot read when this workflow run began.*actions: read/);
    expect(result.stdout).toContain('Submitting as usual');
    expectPaid(result);
    expect(posts()).toBe(1);
  });
});

describe('reuse: a maximum age', () => {
  it('reuses a match within the age', async () => {
    const past = pastPoster(30 * MINUTE);
    const result = await run({ ...POSTER, reuse: '1h' }, 1);
    expectReused(result, past.id);
    expect(posts()).toBe(0);
    expect(result.stdout).toContain('at most 1h old');
  });

  it('does not reuse a match older than the age', async () => {
    const past = pastPoster(90 * MINUTE);
    const result = await run({ ...POSTER, reuse: '1h' }, 1);
    expectPaid(result);
    expect(posts()).toBe(1);
    expect(result.outputs['job-id']).not.toBe(past.id);
  });

  it('a match is reused even when max-credits is below its cost', async () => {
    const past = pastPoster(MINUTE);
    const result = await run({ ...POSTER, reuse: '1h', 'max-credits': '10' }, 1);
    expectReused(result, past.id);
    expect(posts()).toBe(0);
  });

  it('with wait: false, a match is adopted as it is: completed, nothing submitted', async () => {
    const past = pastPoster(MINUTE);
    const result = await run({ ...POSTER, reuse: '1h', wait: 'false' }, 1);
    expect(result.code).toBe(0);
    expect(posts()).toBe(0);
    expect(result.outputs).toMatchObject({ 'job-id': past.id, status: 'completed', reused: 'true' });
  });

  it('takes the most recent of several matches', async () => {
    pastPoster(40 * MINUTE);
    const recent = pastPoster(5 * MINUTE);
    pastPoster(20 * MINUTE);
    const result = await run({ ...POSTER, reuse: '1h' }, 1);
    expect(result.outputs['job-id']).toBe(recent.id);
    expect(posts()).toBe(0);
  });
});

// Near-misses (other inputs, a failed or cancelled job, another app) are passed over in process,
// against the same emulator job list: test/core/reuse-never.test.ts.
describe('what is never reused', () => {
  it('a job whose file is gone: the log says why, then the run is submitted', async () => {
    const past = pastPoster(MINUTE);
    const teaser = Object.values(past.output_data!.node_outputs as Record<string, Record<string, string>>)
      .flatMap((node) => Object.values(node))
      .find((value) => value.endsWith('teaser.mp4'))!;
    expect(emu.removeStorageFile(teaser)).toBe(true);
    const result = await run({ ...POSTER, reuse: '1h' }, 1);
    expectPaid(result);
    expect(result.stdout).toContain(`Not reusing job ${past.id}`);
    expect(result.stdout).toContain(`${teaser} answered 404`);
    expect(result.stdout).toContain('Nothing to reuse; submitting (this run will be charged).');
    expect(posts()).toBe(1);
    // The probes carried no API key.
    const probes = emu.requests.filter((r) => r.origin === 'storage' && r.path.includes(past.id.slice(0, 8)));
    expect(probes.length).toBeGreaterThan(0);
    for (const probe of probes) expect(probe.headers.authorization).toBeUndefined();
  });

  it('reuse: false always submits, and does not look', async () => {
    workflowRunBegan(10 * MINUTE);
    pastPoster(MINUTE);
    const result = await run({ ...POSTER, reuse: 'false' }, 2);
    expectPaid(result);
    expect(posts()).toBe(1);
    expect(result.stdout).not.toContain('reuse: looking');
    expect(github.requests.filter((r) => r.path.includes('/actions/runs/'))).toHaveLength(0);
  });
});

describe('batches, models, dry runs', () => {
  it('a batch reuses item by item', async () => {
    const past = pastPoster(MINUTE);
    const result = await run(
      { 'app-name': 'Poster Campaign', batch: '- Prompt: a lighthouse\n- Prompt: a harbour', reuse: '1h' },
      1,
    );
    expect(result.code).toBe(0);
    expect(posts()).toBe(1);
    const body = JSON.parse(emu.findRequests('POST', '/apps/run')[0]!.body) as { inputs: unknown };
    expect(body.inputs).toEqual({ [IDS.posterCampaign.prompt]: 'a harbour' });
    const items = results(result);
    expect(items.map((item) => [item.name, item['job-id'] === past.id, item.reused, item['credits-charged']])).toEqual([
      ['1', true, true, 0],
      ['2', false, false, 1000],
    ]);
    expect(result.outputs['credits-charged']).toBe('1000');
    expect(result.outputs.reused).toBe('false');
    expect(jobLists()).toBe(1);
    expect(result.stdout).toContain(`1: reusing job ${past.id}`);
    expect(result.stdout).toContain('2: nothing to reuse; submitting (this run will be charged).');
  });

  it('a batch whose every item is reused: reused true, nothing charged, nothing submitted', async () => {
    pastPoster(MINUTE);
    emu.seedJob({
      appId: POSTER_ID,
      inputs: { [IDS.posterCampaign.prompt]: 'a harbour' },
      createdAt: Date.now() - 2 * MINUTE,
    });
    const result = await run(
      { 'app-name': 'Poster Campaign', batch: '- Prompt: a lighthouse\n- Prompt: a harbour', reuse: '1h' },
      1,
    );
    expect(result.code).toBe(0);
    expect(posts()).toBe(0);
    expect(result.outputs.reused).toBe('true');
    expect(result.outputs['credits-charged']).toBe('0');
    expect(result.outputs.status).toBe('completed');
    expect(results(result).map((item) => item.reused)).toEqual([true, true]);
  });

  it('two identical batch items do not share one job', async () => {
    const past = pastPoster(MINUTE);
    const result = await run(
      { 'app-name': 'Poster Campaign', batch: '- Prompt: a lighthouse\n- Prompt: a lighthouse', reuse: '1h' },
      1,
    );
    expect(result.code).toBe(0);
    expect(posts()).toBe(1);
    expect(results(result).map((item) => item.reused)).toEqual([true, false]);
    expect(results(result)[0]!['job-id']).toBe(past.id);
  });

  it('a model job is reused too', async () => {
    const past = emu.seedJob({
      modelId: MODEL_IDS.nanoBanana,
      input: { prompt: 'a red bicycle' },
      createdAt: Date.now() - MINUTE,
    });
    const result = await run({ model: MODEL_IDS.nanoBanana, inputs: 'prompt: a red bicycle', reuse: '1h' }, 1);
    expectReused(result, past.id);
    expect(emu.requestCount('POST', '/models/run')).toBe(0);
    expect(result.outputs.model).toBe(MODEL_IDS.nanoBanana);
    expect(JSON.parse(result.outputs['output-urls']!)).toEqual([expect.stringMatching(/nano-banana\.png$/)]);
  });

  it('a model job with another setting is not reused', async () => {
    emu.seedJob({
      modelId: MODEL_IDS.nanoBanana,
      input: { prompt: 'a red bicycle', aspect_ratio: '16:9' },
      createdAt: Date.now() - MINUTE,
    });
    const result = await run({ model: MODEL_IDS.nanoBanana, inputs: 'prompt: a red bicycle', reuse: '1h' }, 1);
    expectPaid(result);
    expect(emu.requestCount('POST', '/models/run')).toBe(1);
  });

  it('dry-run says a match would be reused, and submits nothing', async () => {
    const past = pastPoster(MINUTE);
    const result = await run({ ...POSTER, reuse: '1h', 'dry-run': 'true' }, 1);
    expect(result.code).toBe(0);
    expect(posts()).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `Would reuse job ${past.id} \\(created [^)]*charged 1000 credits then\\).*A run would charge nothing\\.`,
      ),
    );
    expect(result.summary).toContain(`reused job <code title="${past.id}">${past.id.slice(0, 8)}</code>`);
  });

  it('dry-run without a match says nothing would be reused', async () => {
    const result = await run({ ...POSTER, reuse: '1h', 'dry-run': 'true' }, 1);
    expect(result.code).toBe(0);
    expect(posts()).toBe(0);
    expect(result.stdout).not.toMatch(/would reuse/i);
    expect(result.stdout).toContain('Nothing to reuse; a run would be submitted and charged.');
    expect(result.summary).not.toContain('Reused');
  });
});

describe('the manifest', () => {
  it('matches the files on disk and records a reused run with credits 0 and the job reused', async () => {
    const past = pastPoster(MINUTE);
    const result = await run({ ...POSTER, reuse: '1h', 'download-dir': 'out' }, 1);
    expect(result.code).toBe(0);
    expect(path.dirname(result.outputs.manifest!)).not.toBe(result.workspace);
    const manifest = readManifest(result);
    expect(manifest.manifest_format).toBe(1);
    expect(manifest.target).toEqual({ kind: 'app', id: POSTER_ID, name: 'Poster Campaign' });
    expect(manifest.runs).toHaveLength(1);
    const entry = manifest.runs[0]!;
    expect(entry).toMatchObject({
      item: null,
      inputs: SENT,
      job_id: past.id,
      status: 'completed',
      created_at: past.created_at,
      completed_at: past.completed_at,
      credits_charged: 0,
      reused: true,
      reused_from: { job_id: past.id, created_at: past.created_at, credits_charged: 1000 },
    });
    expect(entry.files.map((file) => file.path)).toEqual(JSON.parse(result.outputs.files!));
    for (const file of entry.files) {
      const onDisk = path.join(result.workspace, file.path);
      expect(file.sha256).toBe(sha256(onDisk));
      expect(file.bytes).toBe(readFileSync(onDisk).length);
      expect(JSON.parse(result.outputs['output-urls']!)).toContain(file.source_url);
    }
    expect(manifest.release_assets).toEqual([]);
  });

  it.skipIf(SHA256SUM === null)('hashes every downloaded file as sha256sum does', async () => {
    const result = await run({ ...POSTER, reuse: 'false', 'download-dir': 'out' }, 1);
    expect(result.code).toBe(0);
    const files = readManifest(result).runs[0]!.files;
    expect(files.length).toBe(3); // one of them (1 MB) arrives in many chunks
    const onDisk = files.map((file) => path.join(result.workspace, file.path));
    const listed = execFileSync(SHA256SUM!, onDisk, { encoding: 'utf8' }).trim().split('\n');
    expect(files.map((file) => file.sha256)).toEqual(listed.map((line) => line.split(/\s+/)[0]));
  });

  it('is written at the manifest input path, and records a paid run and its charge', async () => {
    const result = await run({ ...POSTER, reuse: 'false', 'download-dir': 'out', manifest: 'records/armox.json' }, 1);
    expect(result.code).toBe(0);
    const file = path.join(result.workspace, 'records/armox.json');
    expect(existsSync(file)).toBe(true);
    expect(path.resolve(result.workspace, result.outputs.manifest!)).toBe(file);
    const manifest = readManifest(result);
    expect(manifest.runs[0]).toMatchObject({
      job_id: result.outputs['job-id'],
      credits_charged: 1000,
      reused: false,
      reused_from: null,
    });
    expect(manifest.runs[0]!.files).toHaveLength(3);
  });

  it('lists each batch item with its own reuse and charge', async () => {
    const past = pastPoster(MINUTE);
    const result = await run(
      { 'app-name': 'Poster Campaign', batch: '- Prompt: a harbour\n- Prompt: a lighthouse', reuse: '1h' },
      1,
    );
    expect(result.code).toBe(0);
    const manifest = readManifest(result);
    expect(
      manifest.runs.map((entry) => [entry.item, entry.reused, entry.credits_charged, entry.job_id === past.id]),
    ).toEqual([
      ['1', false, 1000, false],
      ['2', true, 0, true],
    ]);
  });
});

describe('the re-run that matters: a release upload failed after the run was paid', () => {
  it('attempt 2 adopts the job, uploads its files and charges nothing; the manifest lists the assets', async () => {
    workflowRunBegan(MINUTE);
    github.seedRelease(REPOSITORY, 'v1.0.0');
    github.forbidWrites = true;
    const inputs = { ...POSTER, 'upload-to-release': 'v1.0.0' };
    const first = await run(inputs, 1);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/::error::.*contents: write/);
    expect(posts()).toBe(1);
    const paid = first.outputs['job-id']!;

    github.forbidWrites = false;
    const second = await run(inputs, 2);
    expect(second.code).toBe(0);
    expect(posts()).toBe(1);
    expect(second.outputs['job-id']).toBe(paid);
    expect(second.outputs['credits-charged']).toBe('0');
    const assets = JSON.parse(second.outputs['release-assets']!) as string[];
    expect(assets.map((url) => url.split('/').pop())).toEqual(['poster.png', 'teaser.mp4', 'voiceover.mp3']);
    const manifest = readManifest(second);
    expect(manifest.runs[0]).toMatchObject({ job_id: paid, reused: true, credits_charged: 0, files: [] });
    expect(manifest.release_assets.map((asset) => asset.name)).toEqual(['poster.png', 'teaser.mp4', 'voiceover.mp3']);
    expect(manifest.release_assets.map((asset) => asset.url)).toEqual(assets);
    expect(second.summary).toContain(`charged 1000 credits then`);
    expect(second.summary).toContain('### Release assets');
  });
});
