/**
 * Rehearsal (issue 21), end to end through dist/index.js against the emulator
 * and the fake GitHub: the newest completed job of the target stands in for the
 * run, its outputs and files flow through every output, the summary, the
 * comment and the manifest, and nothing is submitted, charged or cancelled.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const PR = 7;
const POSTER = { 'app-name': 'Poster Campaign', 'download-dir': 'out' };
const MINUTE = 60_000;

/** A pull_request event payload, as the runner writes it, and the variables that point at it. */
function pullRequest(): Record<string, string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'armox-event-')), 'event.json');
  writeFileSync(
    file,
    JSON.stringify({
      repository: { full_name: REPOSITORY, private: false },
      action: 'synchronize',
      number: PR,
      pull_request: { number: PR, user: { login: 'author' }, author_association: 'MEMBER' },
    }),
  );
  return { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file };
}

function run(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runBundledAction({
    inputs: { ...connectionInputs({ emu, github }), ...inputs },
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_RUN_ID: '4242',
      GITHUB_WORKFLOW: 'Previews',
      GITHUB_JOB: 'render',
      GITHUB_ACTION: 'poster',
      ...env,
    },
  });
}

/** Every paid or cancelling request the step sent: a rehearsal sends none. */
const paidRequests = () => emu.findRequests('POST', /\/(apps|models)\/run|\/cancel/).length;
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const results = (result: ActionRun) => JSON.parse(result.outputs.results!) as Array<Record<string, unknown>>;
const manifestOf = (result: ActionRun) => JSON.parse(readFileSync(result.outputs.manifest!, 'utf8')) as Manifest;
const keys = (result: ActionRun) => Object.keys(result.outputs).sort();

/** A completed Poster Campaign job with other inputs, created `ago` ms before now. */
const pastPoster = (ago: number, prompt = 'an earlier prompt') =>
  emu.seedJob({
    appId: IDS.posterCampaign.app,
    inputs: { [IDS.posterCampaign.prompt]: prompt },
    createdAt: Date.now() - ago,
  });

describe('rehearsal: one run', () => {
  it('an app: the newest completed job stands in, with the outputs, files, summary, comment and manifest of a real run', async () => {
    const real = await run({ ...POSTER, inputs: 'Prompt: a lighthouse' });
    expect(real.code).toBe(0);
    const paidBefore = paidRequests();
    const balance = emu.credits;
    const jobId = real.outputs['job-id']!;
    pastPoster(60 * MINUTE); // older: not the one borrowed

    const rehearsal = await run(
      { ...POSTER, inputs: 'Prompt: a harbour at night', rehearsal: 'true', 'comment-on-pr': 'true' },
      pullRequest(),
    );
    expect(rehearsal.code).toBe(0);
    expect(paidRequests()).toBe(paidBefore);
    expect(emu.credits).toBe(balance);
    expect(keys(rehearsal)).toEqual(keys(real));
    expect(rehearsal.outputs).toMatchObject({
      'job-id': jobId,
      status: 'completed',
      'credits-charged': '0',
      reused: 'false',
      rehearsal: 'true',
      'app-id': IDS.posterCampaign.app,
    });
    expect(real.outputs.rehearsal).toBe('false');
    for (const name of ['output-url', 'output-urls', 'outputs', 'files']) {
      expect(rehearsal.outputs[name]).toBe(real.outputs[name]);
    }
    expect(results(rehearsal)).toMatchObject([{ 'job-id': jobId, status: 'completed', 'credits-charged': 0 }]);
    for (const file of JSON.parse(rehearsal.outputs.files!) as string[]) {
      expect(sha256(path.join(rehearsal.workspace, file))).toBe(sha256(path.join(real.workspace, file)));
    }
    expect(rehearsal.stdout).toMatch(new RegExp(`::notice::Rehearsal: nothing is submitted.*Job ${jobId}`));
    const banner = new RegExp(`\\*\\*Rehearsal\\*\\*: nothing was submitted and nothing was charged.*job \`${jobId}\``);
    expect(rehearsal.summary).toMatch(banner);
    expect(real.summary).not.toContain('Rehearsal');
    const comments = github.commentsOn(REPOSITORY, PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(banner);
    const manifest = manifestOf(rehearsal);
    expect(manifest.rehearsal).toBe(true);
    expect(manifest.runs[0]).toMatchObject({
      job_id: jobId,
      credits_charged: 0,
      reused: false,
      borrowed_from: { job_id: jobId, credits_charged: 1000 },
      inputs: { [IDS.posterCampaign.prompt]: 'a harbour at night' },
    });
    expect(manifestOf(real).rehearsal).toBe(false);
    // The post step, as the runner starts it after the job: it has nothing to cancel.
    const post = await runBundledAction({ inputs: connectionInputs({ emu, github }), state: rehearsal.state });
    expect(post.code).toBe(0);
    expect(paidRequests()).toBe(paidBefore);
  });

  it('a model: its newest completed job stands in, with the outputs and files of a real run', async () => {
    const model = { model: MODEL_IDS.nanoBanana, 'download-dir': 'out' };
    const real = await run({ ...model, inputs: 'prompt: a red bicycle' });
    expect(real.code).toBe(0);
    const paidBefore = paidRequests();
    const rehearsal = await run({ ...model, inputs: 'prompt: a blue kite', rehearsal: 'true', 'max-credits': '1' });
    expect(rehearsal.code).toBe(0);
    expect(paidRequests()).toBe(paidBefore);
    expect(keys(rehearsal)).toEqual(keys(real));
    expect(rehearsal.outputs).toMatchObject({
      'job-id': real.outputs['job-id'],
      model: MODEL_IDS.nanoBanana,
      status: 'completed',
      'credits-charged': '0',
      rehearsal: 'true',
    });
    for (const name of ['output-url', 'output-urls', 'outputs', 'files']) {
      expect(rehearsal.outputs[name]).toBe(real.outputs[name]);
    }
    const file = (JSON.parse(rehearsal.outputs.files!) as string[])[0]!;
    expect(sha256(path.join(rehearsal.workspace, file))).toBe(sha256(path.join(real.workspace, file)));
  });

  it('no completed job of the target: fails before anything else, suggesting a real run or dry-run', async () => {
    emu.seedJob({ appId: IDS.posterCampaign.app, status: 'failed', createdAt: Date.now() - MINUTE });
    pastPoster(MINUTE); // another app's completed job does not count
    const result = await run({
      'app-name': 'Upscale Image',
      inputs: 'Image: https://example.com/a.png',
      rehearsal: 'true',
      'upload-to-release': 'v1.0.0',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /::error::rehearsal: there is no completed job of app "Upscale Image" .*Run it once for real.*dry-run/,
    );
    expect(paidRequests()).toBe(0);
    expect(github.requests.filter((r) => r.path.includes('/releases'))).toHaveLength(0);
    expect(result.outputs).toMatchObject({ rehearsal: 'true', 'credits-charged': '0' });
  });
});

describe('rehearsal: a batch', () => {
  it('lends each item one of the newest completed jobs: distinct where there are enough, repeated otherwise', async () => {
    const older = pastPoster(20 * MINUTE);
    const newest = pastPoster(5 * MINUTE);
    const result = await run({
      ...POSTER,
      batch: 'hero:\n  Prompt: a\nlogo:\n  Prompt: b\nicon:\n  Prompt: c',
      rehearsal: 'true',
    });
    expect(result.code).toBe(0);
    expect(paidRequests()).toBe(0);
    expect(results(result).map((item) => [item.name, item['job-id'], item['credits-charged']])).toEqual([
      ['hero', newest.id, 0],
      ['logo', older.id, 0],
      ['icon', newest.id, 0],
    ]);
    expect(result.outputs).toMatchObject({ status: 'completed', 'credits-charged': '0', rehearsal: 'true' });
    const files = JSON.parse(result.outputs.files!) as string[];
    expect(files.filter((file) => file.endsWith('poster.png'))).toEqual([
      'out/hero/poster.png',
      'out/logo/poster.png',
      'out/icon/poster.png',
    ]);
    expect(result.summary).toContain('**Rehearsal**');
    expect(result.summary).toContain(`jobs \`${newest.id}\`, \`${older.id}\``);
    const manifest = manifestOf(result);
    expect(manifest.rehearsal).toBe(true);
    expect(manifest.runs.map((entry) => entry.borrowed_from?.job_id)).toEqual([newest.id, older.id, newest.id]);
  });
});

describe('rehearsal: release uploads', () => {
  it('a published release is skipped with a warning saying why; the step still succeeds', async () => {
    pastPoster(MINUTE);
    const release = github.seedRelease(REPOSITORY, 'v1.0.0');
    const result = await run({ ...POSTER, inputs: 'Prompt: a', rehearsal: 'true', 'upload-to-release': 'v1.0.0' });
    expect(result.code).toBe(0);
    expect(release.assets).toEqual([]);
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    expect(result.stdout).toMatch(/::warning::upload-to-release: not uploading to release v1\.0\.0: it is published/);
    expect(result.outputs['release-assets']).toBe('[]');
  });

  it('a draft release gets the borrowed files', async () => {
    pastPoster(MINUTE);
    const draft = github.seedRelease(REPOSITORY, 'v2.0.0', { draft: true });
    const result = await run({ ...POSTER, inputs: 'Prompt: a', rehearsal: 'true', 'upload-to-release': 'v2.0.0' });
    expect(result.code).toBe(0);
    expect(draft.assets.map((asset) => asset.name)).toEqual(['poster.png', 'teaser.mp4', 'voiceover.mp3']);
    expect(paidRequests()).toBe(0);
  });
});
