import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionError, InputError } from '../../src/errors.js';
import { MemoryLogger } from '../helpers/memory-logger.js';
import { releaseAssetName, resolveReleaseTarget, uploadReleaseAssets, type ReleaseTarget } from '../../src/release.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';

let github: FakeGitHub;
let tmp: string;
let log: MemoryLogger;

beforeEach(async () => {
  github = await startFakeGitHub();
  tmp = await mkdtemp(path.join(tmpdir(), 'armox-release-'));
  log = new MemoryLogger();
});

afterEach(async () => {
  await github.close();
  await rm(tmp, { recursive: true, force: true });
});

const base = () => ({
  token: github.token,
  apiUrl: github.url,
  repository: 'octo/app',
  eventName: 'push',
  eventPath: undefined as string | undefined,
});

async function writeEvent(payload: unknown): Promise<string> {
  const file = path.join(tmp, 'event.json');
  await writeFile(file, JSON.stringify(payload));
  return file;
}

async function writeAsset(name: string, data: Buffer | string): Promise<{ absolutePath: string; name: string }> {
  const absolutePath = path.join(tmp, name);
  await writeFile(absolutePath, data);
  return { absolutePath, name };
}

async function targetFor(tag: string): Promise<ReleaseTarget> {
  return resolveReleaseTarget({ ...base(), upload: tag });
}

describe('resolveReleaseTarget', () => {
  it('uses the release of a release event', async () => {
    const release = github.seedRelease('octo/app', 'v2.0.0');
    const eventPath = await writeEvent({
      action: 'published',
      release: github.releaseJson(release),
      repository: { full_name: 'octo/app' },
    });
    const target = await resolveReleaseTarget({ ...base(), upload: true, eventName: 'release', eventPath });
    expect(target).toEqual({
      owner: 'octo',
      repo: 'app',
      releaseId: release.id,
      tag: 'v2.0.0',
      uploadUrl: `${github.url}/uploads/repos/octo/app/releases/${release.id}/assets{?name,label}`,
      htmlUrl: `${github.url}/octo/app/releases/tag/v2.0.0`,
    });
    expect(github.requests).toHaveLength(0); // the payload is enough
  });

  it('falls back to the payload repository when GITHUB_REPOSITORY is missing', async () => {
    const release = github.seedRelease('octo/app', 'v2.0.0');
    const eventPath = await writeEvent({ release: github.releaseJson(release), repository: { full_name: 'octo/app' } });
    const target = await resolveReleaseTarget({
      ...base(),
      repository: undefined,
      upload: true,
      eventName: 'release',
      eventPath,
    });
    expect([target.owner, target.repo]).toEqual(['octo', 'app']);
  });

  it('looks a tag up', async () => {
    github.seedRelease('octo/app', 'v1.0.0');
    const release = github.seedRelease('octo/app', 'release/v1.2.3');
    const target = await targetFor('release/v1.2.3');
    expect(target).toMatchObject({ owner: 'octo', repo: 'app', releaseId: release.id, tag: 'release/v1.2.3' });
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/octo/app/releases/tags/release%2Fv1.2.3',
    ]);
    expect(github.requests[0]?.headers.authorization).toBe(`token ${github.token}`);
  });

  it('asks for a tag when true is given outside a release event', async () => {
    const error = await resolveReleaseTarget({ ...base(), upload: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'upload-to-release: true needs a release event (this run was triggered by "push"); give a tag instead (upload-to-release: v1.2.3)',
    );
  });

  it('says how to create a release for an unknown tag', async () => {
    github.seedRelease('octo/app', 'v9.9.9', { draft: true });
    const error = await targetFor('v9.9.9').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(
      'no release for tag v9.9.9 in octo/app (create it first, e.g. with `gh release create v9.9.9`',
    );
  });

  it('names github-token when the token is missing or refused', async () => {
    const missing = await resolveReleaseTarget({ ...base(), token: undefined, upload: 'v1' }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(InputError);
    expect((missing as Error).message).toContain('github-token');
    const refused = await resolveReleaseTarget({ ...base(), token: 'wrong', upload: 'v1' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as Error).message).toContain('github-token (401 Bad credentials)');
  });

  it('needs owner/repo for a tag lookup', async () => {
    const error = await resolveReleaseTarget({ ...base(), repository: undefined, upload: 'v1' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain('GITHUB_REPOSITORY is not set');
  });

  it('explains an unreadable event payload', async () => {
    const error = await resolveReleaseTarget({
      ...base(),
      upload: true,
      eventName: 'release',
      eventPath: path.join(tmp, 'missing.json'),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as Error).message).toContain('cannot read the release event payload');
  });
});

describe('uploadReleaseAssets', () => {
  it('uploads the files streamed from disk and returns their download URLs in order', async () => {
    const release = github.seedRelease('octo/app', 'v1.0.0');
    const big = randomBytes(3 * 1024 * 1024 + 17);
    const files = [
      await writeAsset('render.png', big),
      await writeAsset('notes.txt', 'hello'),
      await writeAsset('blob', 'x'),
    ];
    const target = await targetFor('v1.0.0');

    const urls = await uploadReleaseAssets(target, files, { token: github.token, apiUrl: github.url, log });

    expect(urls).toEqual(
      ['render.png', 'notes.txt', 'blob'].map((n) => `${github.url}/octo/app/releases/download/v1.0.0/${n}`),
    );
    expect(release.assets.map((a) => [a.name, a.contentType, a.data.length])).toEqual([
      ['render.png', 'image/png', big.length],
      ['notes.txt', 'text/plain', 5],
      ['blob', 'application/octet-stream', 1],
    ]);
    expect(release.assets[0]?.data.equals(big)).toBe(true);
    // The bytes served at the returned URL are the file's bytes.
    const served = Buffer.from(await (await fetch(urls[0]!)).arrayBuffer());
    expect(served.equals(big)).toBe(true);

    const uploads = github.requests.filter((r) => r.method === 'POST');
    expect(uploads.map((r) => r.path)).toEqual([
      `/uploads/repos/octo/app/releases/${release.id}/assets?name=render.png`,
      `/uploads/repos/octo/app/releases/${release.id}/assets?name=notes.txt`,
      `/uploads/repos/octo/app/releases/${release.id}/assets?name=blob`,
    ]);
    expect(uploads[0]?.headers['content-length']).toBe(String(big.length));
    expect(uploads[0]?.headers['transfer-encoding']).toBeUndefined();
    expect(log.text).toContain(`Uploaded render.png to release v1.0.0: ${urls[0]}`);
  });

  it('streams a large asset from disk with flat memory', async () => {
    const release = github.seedRelease('octo/app', 'v1.0.0');
    github.keepUploadBytes = false;
    const size = 200 * 1024 * 1024;
    const absolutePath = path.join(tmp, 'big.mp4');
    const handle = await open(absolutePath, 'w');
    await handle.truncate(size); // sparse: zeros, without writing 200 MiB first
    await handle.close();
    const target = await targetFor('v1.0.0');

    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      await uploadReleaseAssets(target, [{ absolutePath, name: 'big.mp4' }], {
        token: github.token,
        apiUrl: github.url,
        log,
      });
    } finally {
      clearInterval(sampler);
    }
    expect(peak - baseline).toBeLessThan(100 * 1024 * 1024);
    const zeros = Buffer.alloc(1024 * 1024);
    const hash = createHash('sha256');
    for (let i = 0; i < 200; i++) hash.update(zeros);
    expect(release.assets[0]).toMatchObject({
      name: 'big.mp4',
      size,
      contentType: 'video/mp4',
      sha256: hash.digest('hex'),
    });
  }, 20_000);

  it('replaces an asset of the same name on a re-run', async () => {
    const release = github.seedRelease('octo/app', 'v1.0.0', {
      assets: [
        { name: 'render.png', data: 'old' },
        { name: 'my.photo.png', data: 'old, renamed by GitHub' },
        { name: 'keep.txt', data: 'unrelated' },
      ],
    });
    const target = await targetFor('v1.0.0');
    const files = [await writeAsset('render.png', 'new'), await writeAsset('my photo.png', 'new photo')];

    const urls = await uploadReleaseAssets(target, files, { token: github.token, apiUrl: github.url, log });

    expect(urls.map((u) => u.split('/').pop())).toEqual(['render.png', 'my.photo.png']);
    expect(release.assets.map((a) => [a.name, a.data.toString()])).toEqual([
      ['keep.txt', 'unrelated'],
      ['render.png', 'new'],
      ['my.photo.png', 'new photo'],
    ]);
    expect(github.requests.filter((r) => r.method === 'DELETE')).toHaveLength(2);
    expect(log.text).toContain('Replacing the asset render.png already on release v1.0.0.');

    // And again: still no failure, still one asset per name.
    await uploadReleaseAssets(target, files, { token: github.token, apiUrl: github.url, log });
    expect(release.assets.map((a) => a.name).sort()).toEqual(['keep.txt', 'my.photo.png', 'render.png']);
  });

  it('finds existing assets across pages', async () => {
    const assets = Array.from({ length: 130 }, (_, i) => ({ name: `old-${i}.txt`, data: 'x' }));
    const release = github.seedRelease('octo/app', 'v1.0.0', { assets });
    const target = await targetFor('v1.0.0');
    await uploadReleaseAssets(target, [await writeAsset('old-129.txt', 'new')], {
      token: github.token,
      apiUrl: github.url,
      log,
    });
    expect(release.assets).toHaveLength(130);
    expect(release.assets.find((a) => a.name === 'old-129.txt')?.data.toString()).toBe('new');
  });

  it('gives distinct asset names to files GitHub would name alike', async () => {
    github.seedRelease('octo/app', 'v1.0.0');
    const target = await targetFor('v1.0.0');
    const files = [
      await writeAsset('a b.png', '1'),
      await writeAsset('a(b.png', '2'),
      await writeAsset('日本.png', '3'),
    ];
    const urls = await uploadReleaseAssets(target, files, { token: github.token, apiUrl: github.url, log });
    expect(urls.map((u) => u.split('/').pop())).toEqual(['a.b.png', 'a.b-2.png', 'asset.png']);
  });

  it('tells the user to grant contents: write when the token is read-only', async () => {
    github.seedRelease('octo/app', 'v1.0.0', { assets: [{ name: 'render.png', data: 'old' }] });
    const target = await targetFor('v1.0.0');
    github.forbidWrites = true;

    const onDelete = await uploadReleaseAssets(target, [await writeAsset('render.png', 'new')], {
      token: github.token,
      apiUrl: github.url,
      log,
    }).catch((e: unknown) => e);
    expect(onDelete).toBeInstanceOf(ActionError);
    expect((onDelete as Error).message).toContain('Resource not accessible by integration');
    expect((onDelete as Error).message).toContain('add `permissions: contents: write` to the workflow (or the job)');

    const onUpload = await uploadReleaseAssets(target, [await writeAsset('fresh.png', 'new')], {
      token: github.token,
      apiUrl: github.url,
      log,
    }).catch((e: unknown) => e);
    expect((onUpload as Error).message).toMatch(
      /^Could not upload fresh\.png to release v1\.0\.0: GitHub answered 403 .*permissions: contents: write/,
    );
  });

  it('reports other GitHub errors with status and message', async () => {
    const target: ReleaseTarget = {
      owner: 'octo',
      repo: 'app',
      releaseId: 424242,
      tag: 'gone',
      uploadUrl: `${github.url}/uploads/repos/octo/app/releases/424242/assets{?name,label}`,
      htmlUrl: '',
    };
    const error = await uploadReleaseAssets(target, [await writeAsset('a.png', 'x')], {
      token: github.token,
      apiUrl: github.url,
      log,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as Error).message).toBe(
      'Could not list the assets of release gone: GitHub answered 404 "Not Found".',
    );
    expect((error as Error).message).not.toMatch(/\n\s+at /);
  });
});

describe('releaseAssetName', () => {
  it('keeps plain names and renames the rest the way GitHub does', () => {
    expect(releaseAssetName('render-1_final.png')).toBe('render-1_final.png');
    expect(releaseAssetName('my photo (1).png')).toBe('my.photo.1.png');
    expect(releaseAssetName('..hidden..txt')).toBe('hidden.txt');
    expect(releaseAssetName('café.mp3')).toBe('caf.mp3');
    expect(releaseAssetName('🎨')).toBe('asset');
  });
});
