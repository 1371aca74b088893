/**
 * Results end to end through dist/index.js: downloads into download-dir and
 * release assets on a fake GitHub, against the emulator.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedFileBytes, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { runBundledAction, type ActionRun } from '../../scripts/action-runner.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { connectionInputs, useServers } from '../helpers/servers.js';

let emu: ArmoxEmulator;
let github: FakeGitHub;
useServers((servers) => ({ emu, github } = servers));

const POSTER = { 'app-name': 'Poster Campaign', inputs: 'Prompt: a lighthouse' };
const REPOSITORY = 'octo/site';

function run(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runBundledAction({
    inputs: { ...connectionInputs({ emu, github }), ...inputs },
    env: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: REPOSITORY, GITHUB_EVENT_NAME: 'push', ...env },
  });
}

/** A `release` event payload file, as the runner writes it. */
function releaseEvent(tag: string): Record<string, string> {
  const release = github.seedRelease(REPOSITORY, tag);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'armox-event-')), 'event.json');
  writeFileSync(file, JSON.stringify({ action: 'published', release: github.releaseJson(release) }));
  return { GITHUB_EVENT_NAME: 'release', GITHUB_EVENT_PATH: file };
}

describe('download-dir: files land only where the user said', () => {
  it.each([
    ['download-dir is a link', 'out', (ws: string, target: string) => symlinkSync(target, path.join(ws, 'out'))],
    [
      "a batch item's folder is a link",
      'renders',
      (ws: string, target: string) => {
        mkdirSync(path.join(ws, 'renders'));
        symlinkSync(target, path.join(ws, 'renders', '2'));
      },
    ],
  ])('%s: refused before anything is submitted, nothing written through it', async (_, dir, plant) => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'armox-ws-'));
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'armox-elsewhere-'));
    plant(workspace, elsewhere);
    const result = await runBundledAction({
      inputs: {
        ...connectionInputs({ emu, github }),
        'app-name': 'Poster Campaign',
        batch: '- Prompt: a lighthouse\n- Prompt: a harbour\n',
        'download-dir': dir,
      },
      env: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: REPOSITORY, GITHUB_EVENT_NAME: 'push' },
      workspace,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::.*is a symbolic link, and the action does not write through a link/);
    expect(emu.requests.filter((request) => request.method === 'POST')).toEqual([]);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});

describe('download-dir', () => {
  it('downloads every output file byte for byte and lists them in files', async () => {
    const result = await run({ ...POSTER, 'download-dir': 'out/posters' });
    expect(result.code).toBe(0);
    const files = JSON.parse(result.outputs.files!) as string[];
    expect(files).toEqual(['out/posters/poster.png', 'out/posters/teaser.mp4', 'out/posters/voiceover.mp3']);
    const sizes = { 'poster.png': 350_000, 'teaser.mp4': 1_000_000, 'voiceover.mp3': 240_000 };
    for (const [name, size] of Object.entries(sizes)) {
      const bytes = readFileSync(path.join(result.workspace, 'out/posters', name));
      expect(bytes.equals(expectedFileBytes(name, size))).toBe(true);
    }
    expect(readdirSync(path.join(result.workspace, 'out/posters')).sort()).toEqual(Object.keys(sizes).sort());
    expect(result.summary).toMatch(/Saved \d+ files \(/);
    expect(result.summary).toContain('<code>out/posters/teaser.mp4</code>');
  });

  it('never sends the API key to the storage host', async () => {
    const result = await run({ ...POSTER, 'download-dir': 'out' });
    expect(result.code).toBe(0);
    const storage = emu.requests.filter((request) => request.origin === 'storage');
    expect(storage.length).toBe(3);
    for (const request of storage) {
      expect(request.headers.authorization).toBeUndefined();
      expect(JSON.stringify(request.headers)).not.toContain(emu.apiKey);
    }
  });

  it('fails naming the URL when a file cannot be downloaded, keeping job-id and leaving no partial file', async () => {
    emu.fault({ origin: 'storage', path: /teaser\.mp4/, kind: 'status', status: 404, times: Infinity });
    const result = await run({ ...POSTER, 'download-dir': 'out' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::.*teaser\.mp4/);
    expect(result.outputs['job-id']).toBeTruthy();
    expect(result.outputs.status).toBe('completed');
    const left = readdirSync(path.join(result.workspace, 'out'));
    expect(left.filter((name) => name.includes('teaser') || name.endsWith('.part'))).toEqual([]);
  });
  it('keeps hostile and clashing names safe inside download-dir, and retries a flaky file', async () => {
    const file = (nodeId: string, name: string, extra: Record<string, string> = {}) => ({
      nodeId,
      key: 'outputImage',
      file: { name, size: 1_000, contentType: 'image/png', ...extra },
    });
    emu.apps.push({
      id: 'hostile-app',
      name: 'Hostile Names',
      inputs: [],
      cost: 1,
      outputs: [
        file('n1', '../../escape.png'),
        file('n2', 'same.png', { path: '/public/a/same.png' }),
        file('n3', 'same.png', { path: '/public/b/same.png' }),
        file('n4', 'no-extension'),
        file('n5', 'flaky.png'),
      ],
    });
    emu.fault({ origin: 'storage', path: /flaky/, kind: 'status', status: 503, times: 1 });
    const result = await run({ 'app-id': 'hostile-app', 'download-dir': 'out' });
    expect(result.code).toBe(0);
    const files = JSON.parse(result.outputs.files!) as string[];
    expect(files).toEqual([
      'out/_.._escape.png',
      'out/same.png',
      'out/same-2.png',
      'out/no-extension.png',
      'out/flaky.png',
    ]);
    expect(readdirSync(path.join(result.workspace, 'out')).sort()).toEqual(
      ['_.._escape.png', 'flaky.png', 'no-extension.png', 'same-2.png', 'same.png'].sort(),
    );
    expect(readdirSync(result.workspace)).toEqual(['out']);
    const flaky = readFileSync(path.join(result.workspace, 'out/flaky.png'));
    expect(flaky.equals(expectedFileBytes('flaky.png', 1_000))).toBe(true);
    expect(emu.requests.filter((request) => request.origin === 'storage' && /flaky/.test(request.path))).toHaveLength(
      2,
    );
  });
});

describe('upload-to-release', () => {
  it('attaches the files to the triggering release and replaces them on a re-run', async () => {
    const env = releaseEvent('v1.0.0');
    const first = await run({ ...POSTER, 'upload-to-release': 'true' }, env);
    expect(first.code).toBe(0);
    const assets = JSON.parse(first.outputs['release-assets']!) as string[];
    expect(assets.map((url) => url.split('/').pop())).toEqual(['poster.png', 'teaser.mp4', 'voiceover.mp3']);
    const release = github.releases[0]!;
    expect(
      release.assets
        .find((asset) => asset.name === 'poster.png')!
        .data.equals(expectedFileBytes('poster.png', 350_000)),
    ).toBe(true);
    // Files were only needed for the upload: no download-dir, so files is an empty list.
    expect(first.outputs.files).toBe('[]');

    const second = await run({ ...POSTER, 'upload-to-release': 'true' }, env);
    expect(second.code).toBe(0);
    expect(release.assets.map((asset) => asset.name).sort()).toEqual(['poster.png', 'teaser.mp4', 'voiceover.mp3']);
    expect(second.summary).toContain('### Release assets');
  });

  it('uploads to the release of a tag', async () => {
    github.seedRelease(REPOSITORY, 'v2.0.0');
    const result = await run({ ...POSTER, 'upload-to-release': 'v2.0.0', 'download-dir': 'assets' });
    expect(result.code).toBe(0);
    expect(github.releases[0]!.assets).toHaveLength(3);
    expect(JSON.parse(result.outputs.files!)).toHaveLength(3);
  });

  it('spends nothing when the release cannot receive the files', async () => {
    const noEvent = await run({ ...POSTER, 'upload-to-release': 'true' });
    expect(noEvent.code).toBe(1);
    expect(noEvent.stdout).toMatch(/::error::upload-to-release: true needs a release event/);
    const noRelease = await run({ ...POSTER, 'upload-to-release': 'v9.9.9' });
    expect(noRelease.code).toBe(1);
    expect(noRelease.stdout).toMatch(/::error::.*v9\.9\.9/);
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
  });

  it('explains a token without contents: write, and still outputs the job and files', async () => {
    github.seedRelease(REPOSITORY, 'v3.0.0');
    github.forbidWrites = true;
    const result = await run({ ...POSTER, 'upload-to-release': 'v3.0.0', 'download-dir': 'kept' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/::error::.*contents: write/);
    expect(result.outputs['job-id']).toBeTruthy();
    expect(JSON.parse(result.outputs.files!)).toHaveLength(3);
    expect(result.stdout).toContain(`::add-mask::${github.token}`);
    const unmasked = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(unmasked.join('\n')).not.toContain(github.token);
  });
});
