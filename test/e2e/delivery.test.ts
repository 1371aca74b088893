/**
 * Delivery end to end through dist/index.js (run `npm run build` first): the
 * step's `timeout` bounds downloads and release uploads too, whatever hangs;
 * what was already known stays in the outputs, and the error says how to
 * fetch the files again without paying. Plus the release flows users write:
 * a draft published after the upload, an immutable release refused before
 * paying, an upload that fails once.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { runBundledAction, type ActionRun } from '../../scripts/action-runner.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { connectionInputs, useServers } from '../helpers/servers.js';

let emu: ArmoxEmulator;
let github: FakeGitHub;
useServers((servers) => ({ emu, github } = servers));

const POSTER = { 'app-name': 'Poster Campaign', inputs: 'Prompt: a lighthouse' };
const REPOSITORY = 'octo/site';
/**
 * Well short of what a hung delivery took before the timeout bounded it (3-4 minutes: a 60 s idle
 * watchdog per attempt), and far above a 3 s timeout plus start-up on a loaded machine.
 */
const SLACK_MS = 30_000;

function run(inputs: Record<string, string>): Promise<ActionRun> {
  return runBundledAction({
    inputs: { ...connectionInputs({ emu, github }), ...POSTER, ...inputs },
    env: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: REPOSITORY, GITHUB_EVENT_NAME: 'push' },
  });
}

/** The `::error::` line of a failed step. */
function errorLine(result: ActionRun): string {
  return result.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? '';
}

describe('the timeout bounds delivery (dist/index.js)', () => {
  it('a storage host that accepts and sends nothing: ends within timeout + a few s, names the file, keeps the outputs', async () => {
    emu.fault({ origin: 'storage', path: /teaser\.mp4/, kind: 'hang', times: Infinity });
    const result = await run({ 'download-dir': 'out', timeout: '3s' });

    expect(result.code).toBe(1);
    expect(result.durationMs).toBeLessThan(SLACK_MS); // was ~4 minutes
    const jobId = result.outputs['job-id']!;
    expect(jobId).toBeTruthy();
    expect(result.outputs.status).toBe('completed');
    // The files saved before the timeout stay listed; the hung one left nothing behind.
    expect(JSON.parse(result.outputs.files!)).toEqual(['out/poster.png', 'out/voiceover.mp3']);
    expect(readdirSync(path.join(result.workspace, 'out')).sort()).toEqual(['poster.png', 'voiceover.mp3']);
    const error = errorLine(result);
    expect(error).toMatch(/^::error::The timeout ran out while downloading http:\/\/[^ ]+\/teaser\.mp4\./);
    expect(error).toContain(
      `Job ${jobId} finished in time (completed); only delivering its files ran out of the timeout.`,
    );
    expect(error).toContain(
      `To fetch them again without paying again, run this action with job-id: ${jobId} and download-dir: out`,
    );
    expect(result.summary).toContain('timed out');
    expect(emu.requestCount('POST', '/apps/run')).toBe(1);
    // The run's results entry carries the same error as the error-message output.
    const [entry] = JSON.parse(result.outputs.results!) as Array<{ 'error-message': string | null }>;
    expect(entry!['error-message']).toBe(result.outputs['error-message']);
    expect(entry!['error-message']).toMatch(/^The timeout ran out while downloading/);
  });

  it('a release upload that never answers: ends within timeout + a few s, names the asset, keeps the outputs', async () => {
    const release = github.seedRelease(REPOSITORY, 'v2.0.0');
    github.fault({ on: 'upload', kind: 'hang', path: 'name=teaser.mp4', times: Infinity });
    // 10 s: room for the run and the downloads on a loaded machine; the hung upload then uses the rest.
    const result = await run({ 'download-dir': 'assets', 'upload-to-release': 'v2.0.0', timeout: '10s' });

    expect(result.code).toBe(1);
    expect(result.durationMs).toBeLessThan(SLACK_MS); // was ~3 minutes
    const jobId = result.outputs['job-id']!;
    expect(result.outputs.status).toBe('completed');
    expect(JSON.parse(result.outputs.files!)).toHaveLength(3);
    const assets = JSON.parse(result.outputs['release-assets']!) as string[];
    expect(assets.map((url) => url.split('/').pop())).toEqual(['poster.png']);
    expect(release.assets.filter((asset) => asset.state === 'uploaded').map((asset) => asset.name)).toEqual([
      'poster.png',
    ]);
    const error = errorLine(result);
    expect(error).toMatch(/^::error::The timeout ran out while trying to upload teaser\.mp4 to release v2\.0\.0\./);
    expect(error).toContain(
      `run this action with job-id: ${jobId} and download-dir: assets and upload-to-release: v2.0.0`,
    );
  });
});

describe('release flows (dist/index.js)', () => {
  it('create a draft, attach the generated assets, publish: the files go to the draft', async () => {
    const draft = github.seedRelease(REPOSITORY, 'v5.0.0', { draft: true });
    const result = await run({ 'upload-to-release': 'v5.0.0' });
    expect(result.code).toBe(0);
    expect(draft.assets.map((asset) => asset.name)).toEqual(['poster.png', 'teaser.mp4', 'voiceover.mp3']);
    expect(result.stdout).toContain('Files will be attached to release v5.0.0 (a draft: publish it after this step)');
  });

  it('an immutable release is refused before the run is submitted: nothing spent', async () => {
    github.seedRelease(REPOSITORY, 'v6.0.0', { immutable: true });
    const result = await run({ 'upload-to-release': 'v6.0.0' });
    expect(result.code).toBe(1);
    expect(errorLine(result)).toMatch(/^::error::upload-to-release: release v6\.0\.0 in octo\/site is immutable/);
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
  });

  it('an upload that fails half-way, leaving a starter asset: retried, one complete asset per name', async () => {
    const release = github.seedRelease(REPOSITORY, 'v7.0.0');
    github.fault({ on: 'upload', kind: 'starter', path: 'name=teaser.mp4' });
    const result = await run({ 'upload-to-release': 'v7.0.0' });
    expect(result.code).toBe(0);
    expect(release.assets.map((asset) => `${asset.name} ${asset.state}`).sort()).toEqual([
      'poster.png uploaded',
      'teaser.mp4 uploaded',
      'voiceover.mp3 uploaded',
    ]);
  });
});
