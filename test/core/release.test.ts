import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionError, CancelledError, DeliveryTimeoutError, InputError, TimeoutError } from '../../src/core/errors.js';
import { Deadline } from '../../src/core/timing.js';
import { MemoryLogger } from '../helpers/memory-logger.js';
import { resolveReleaseTarget, type ReleaseTarget } from '../../src/deliver/release.js';
import { releaseAssetName, uploadReleaseAssets, type UploadOptions } from '../../src/deliver/release-assets.js';
import { startFakeGitHub, type FakeGitHub, type FakeRelease } from '../helpers/fake-github.js';

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
  eventPayload: undefined as unknown,
});

async function writeAsset(name: string, data: Buffer | string): Promise<{ absolutePath: string; name: string }> {
  const absolutePath = path.join(tmp, name);
  await writeFile(absolutePath, data);
  return { absolutePath, name };
}

async function targetFor(tag: string): Promise<ReleaseTarget> {
  return resolveReleaseTarget({ ...base(), upload: tag });
}

/** Upload options with short retry delays and request timeouts. */
function uploading(extra: Partial<UploadOptions> = {}): UploadOptions {
  return {
    token: github.token,
    apiUrl: github.url,
    log,
    retryBaseMs: 5,
    retryMaxMs: 20,
    requestTimeoutMs: 2_000,
    ...extra,
  };
}

/** Names and states of the assets on a release. */
function assetsOf(release: FakeRelease): string[] {
  return release.assets.map((asset) => `${asset.name} (${asset.state})`);
}

describe('resolveReleaseTarget', () => {
  it('uses the release of a release event', async () => {
    const release = github.seedRelease('octo/app', 'v2.0.0');
    const eventPayload = {
      action: 'published',
      release: github.releaseJson(release),
      repository: { full_name: 'octo/app' },
    };
    const target = await resolveReleaseTarget({ ...base(), upload: true, eventName: 'release', eventPayload });
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
    const eventPayload = { release: github.releaseJson(release), repository: { full_name: 'octo/app' } };
    const target = await resolveReleaseTarget({
      ...base(),
      repository: undefined,
      upload: true,
      eventName: 'release',
      eventPayload,
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

  it('says how to create a release for an unknown tag, having looked among the drafts too', async () => {
    github.seedRelease('octo/app', 'v1.0.0', { draft: true });
    const error = await targetFor('v9.9.9').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(
      'no release, published or draft, for tag v9.9.9 in octo/app (create it first, e.g. as a draft with `gh release create v9.9.9 --draft`',
    );
    expect(github.requests.map((r) => r.route)).toEqual(['release-by-tag', 'list-releases']);
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

  it('a hung lookup ends at the deadline as the step timing out, not as delivery (nothing was paid for yet)', async () => {
    github.seedRelease('octo/app', 'v1.0.0');
    github.fault({ on: 'release-by-tag', kind: 'hang', times: Infinity });
    const error = await resolveReleaseTarget({
      ...base(),
      upload: 'v1.0.0',
      requestTimeoutMs: 60_000,
      deadline: Deadline.after(500),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).not.toBeInstanceOf(DeliveryTimeoutError);
    expect((error as Error).message).toBe(
      'The timeout ran out while trying to look up the release for tag v1.0.0 in octo/app.',
    );
  });

  it('explains an unreadable event payload', async () => {
    const error = await resolveReleaseTarget({
      ...base(),
      upload: true,
      eventName: 'release',
      eventPayload: undefined,
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
    expect(log.text).toContain('Uploading render.png (3.0 MiB) to release v1.0.0 (1 of 3).');
    expect(log.text).toMatch(
      new RegExp(`Uploaded render\\.png to release v1\\.0\\.0 in (\\d+ms|[\\dhms]+): ${urls[0]}`),
    );
    expect(log.text).toContain('Uploading blob (1 B) to release v1.0.0 (3 of 3).');
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
  });

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
    expect(log.text).toContain(
      `warning: Another file of this step is already attached to release v1.0.0 as a.b.png: attaching ${files[1]!.absolutePath} as a.b-2.png instead.`,
    );
    expect(github.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
  });

  it("never replaces an asset the same step attached: one item's name clashing with another's gets a numbered name", async () => {
    const release = github.seedRelease('octo/app', 'v1.0.0', { assets: [{ name: 'p-b-a.png', data: 'earlier run' }] });
    const target = await targetFor('v1.0.0');
    // Items `p` (outputs a.png, b-a.png) and `p-b` (output a.png): `p-b-a.png` twice.
    const itemP = [await writeAsset('p-a.png', 'p a'), await writeAsset('p-b-a.png', 'p b-a')];
    await mkdir(path.join(tmp, 'p-b'));
    const itemPb = [{ absolutePath: (await writeAsset('p-b/a.png', 'p-b a')).absolutePath, name: 'p-b-a.png' }];
    const step = () => {
      const taken = new Set<string>();
      return [uploading({ taken }), uploading({ taken })] as const;
    };

    const [forP, forPb] = step();
    const urls = [
      ...(await uploadReleaseAssets(target, itemP, forP)),
      ...(await uploadReleaseAssets(target, itemPb, forPb)),
    ];
    expect(urls.map((u) => u.split('/').pop())).toEqual(['p-a.png', 'p-b-a.png', 'p-b-a-2.png']);
    expect(new Set(urls).size).toBe(3);
    expect(release.assets.map((a) => [a.name, a.data.toString()])).toEqual([
      ['p-a.png', 'p a'],
      ['p-b-a.png', 'p b-a'],
      ['p-b-a-2.png', 'p-b a'],
    ]);
    // What an earlier run left is replaced; what this step attached is not.
    expect(log.text).toContain('Replacing the asset p-b-a.png already on release v1.0.0.');
    expect(log.text.match(/Replacing the asset/g)).toHaveLength(1);
    expect(log.text).toContain('as p-b-a.png: attaching');

    // A re-run of the step names them alike, replacing each of its own earlier assets once.
    const [againP, againPb] = step();
    await uploadReleaseAssets(target, itemP, againP);
    await uploadReleaseAssets(target, itemPb, againPb);
    expect(release.assets.map((a) => a.name).sort()).toEqual(['p-a.png', 'p-b-a-2.png', 'p-b-a.png']);
    expect(release.assets.find((a) => a.name === 'p-b-a.png')!.data.toString()).toBe('p b-a');
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
      'Could not list the assets of release gone: GitHub answered 404 "Not Found": release gone (id 424242) is not in octo/app any more; was it deleted while the job ran?',
    );
    expect((error as Error).message).not.toMatch(/\n\s+at /);
  });
});

describe('resolveReleaseTarget: drafts and immutable releases', () => {
  it('finds a draft by listing the releases (the get-by-tag endpoint hides drafts)', async () => {
    github.seedRelease('octo/app', 'v2.0.0', { draft: true }); // an older draft of another tag
    const draft = github.seedRelease('octo/app', 'v3.0.0', { draft: true });
    const target = await targetFor('v3.0.0');
    expect(target).toMatchObject({ releaseId: draft.id, tag: 'v3.0.0', draft: true });
    expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/octo/app/releases/tags/v3.0.0',
      'GET /repos/octo/app/releases?per_page=100&page=1',
    ]);
  });

  it('create a draft, attach the assets, publish: the upload goes to the draft', async () => {
    const draft = github.seedRelease('octo/app', 'v3.0.0', { draft: true });
    const target = await targetFor('v3.0.0');
    await uploadReleaseAssets(target, [await writeAsset('poster.png', 'p')], uploading());
    expect(assetsOf(draft)).toEqual(['poster.png (uploaded)']);
  });

  it('refuses a published immutable release before anything is paid, and says how to attach files instead', async () => {
    github.seedRelease('octo/app', 'v4.0.0', { immutable: true });
    const error = await targetFor('v4.0.0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'upload-to-release: release v4.0.0 in octo/app is immutable: once published, it takes no new assets. ' +
        'Attach the files to a draft instead: create the release as a draft (`gh release create v4.0.0 --draft`), ' +
        'run this step with upload-to-release: v4.0.0, then publish it (`gh release edit v4.0.0 --draft=false`). Nothing was submitted.',
    );
  });

  it('refuses an immutable release from the release event, without a request', async () => {
    const release = github.seedRelease('octo/app', 'v4.0.0', { immutable: true });
    const eventPayload = { release: github.releaseJson(release) };
    const error = await resolveReleaseTarget({ ...base(), upload: true, eventName: 'release', eventPayload }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain('is immutable');
    expect(github.requests).toHaveLength(0);
  });

  it('retries a 5xx on the lookup, and says a rate limit is one (not a permission problem)', async () => {
    const release = github.seedRelease('octo/app', 'v1.0.0');
    github.fault({ on: 'release-by-tag', kind: 'status', status: 502 });
    expect((await resolveReleaseTarget({ ...base(), upload: 'v1.0.0', retryBaseMs: 5 })).releaseId).toBe(release.id);

    github.fault({
      on: 'release-by-tag',
      kind: 'status',
      status: 403,
      message: 'API rate limit exceeded for installation ID 1.',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) },
    });
    const error = await resolveReleaseTarget({
      ...base(),
      upload: 'v1.0.0',
      deadline: Deadline.after(5_000),
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^Could not look up the release for tag v1\.0\.0 in octo\/app: GitHub's rate limit was hit \(403 "API rate limit exceeded for installation ID 1\."\)\. It clears in (59m\d+s|1h) \(at \d\d:\d\d:\d\d UTC\), after the time left \(timeout\)\. This is not a permission problem/,
    );
    expect((error as Error).message).not.toContain('contents: write');
  });
});

describe('uploadReleaseAssets: faults on the upload', () => {
  it.each<[string, Parameters<FakeGitHub['fault']>[0]]>([
    ['a reset connection', { on: 'upload', kind: 'reset' }],
    ['a 500', { on: 'upload', kind: 'status', status: 500 }],
    ['a 502 from a proxy', { on: 'upload', kind: 'status', status: 502, message: 'Bad Gateway' }],
    ['a 408', { on: 'upload', kind: 'status', status: 408 }],
    ['an upload that never answers', { on: 'upload', kind: 'hang' }],
  ])('%s: retried, and exactly one complete asset of that name is left', async (_, fault) => {
    const release = github.seedRelease('octo/app', 'v1.0.0');
    const target = await targetFor('v1.0.0');
    const injected = github.fault(fault);
    const urls = await uploadReleaseAssets(
      target,
      [await writeAsset('poster.png', 'poster bytes')],
      uploading({ requestTimeoutMs: 1_000 }),
    );
    expect(injected.hits).toBe(1);
    expect(assetsOf(release)).toEqual(['poster.png (uploaded)']);
    expect(release.assets[0]?.data.toString()).toBe('poster bytes');
    expect(urls).toEqual([`${github.url}/octo/app/releases/download/v1.0.0/poster.png`]);
    expect(github.count('upload')).toBe(2);
    expect(log.text).toMatch(
      /Could not upload poster\.png to release v1\.0\.0: .*; retrying in \d+ms \(attempt 2 of 4\)\./,
    );
  });

  it('a failed upload that leaves a starter asset: deleted, uploaded again, one complete asset', async () => {
    const release = github.seedRelease('octo/app', 'v1.0.0');
    const target = await targetFor('v1.0.0');
    github.fault({ on: 'upload', kind: 'starter' });
    await uploadReleaseAssets(target, [await writeAsset('poster.png', 'poster bytes')], uploading());
    expect(assetsOf(release)).toEqual(['poster.png (uploaded)']);
    expect(release.assets[0]?.data.toString()).toBe('poster bytes');
    expect(log.text).toContain(
      'Deleting the incomplete (starter) asset poster.png a failed upload left on release v1.0.0.',
    );
    expect(github.requests.map((r) => r.route)).toEqual([
      'release-by-tag',
      'list-assets',
      'upload',
      'list-assets',
      'delete-asset',
      'upload',
    ]);
  });

  it('a 422 already_exists from a leftover the first listing missed: deleted, uploaded again', async () => {
    const release = github.seedRelease('octo/app', 'v1.0.0', {
      assets: [{ name: 'poster.png', data: 'half', state: 'starter' }],
    });
    const target = await targetFor('v1.0.0');
    github.fault({ on: 'list-assets', kind: 'status', status: 200, body: [] });
    await uploadReleaseAssets(target, [await writeAsset('poster.png', 'poster bytes')], uploading());
    expect(assetsOf(release)).toEqual(['poster.png (uploaded)']);
    expect(release.assets[0]?.data.toString()).toBe('poster bytes');
    expect(log.text).toContain('an asset with that name is in the way (left by a failed upload)');
  });

  it('a 500 on deleting the old asset: retried', async () => {
    const release = github.seedRelease('octo/app', 'v1.0.0', { assets: [{ name: 'poster.png', data: 'old' }] });
    const target = await targetFor('v1.0.0');
    github.fault({ on: 'delete-asset', kind: 'status', status: 500 });
    await uploadReleaseAssets(target, [await writeAsset('poster.png', 'new')], uploading());
    expect(release.assets.map((a) => a.data.toString())).toEqual(['new']);
    expect(github.count('delete-asset')).toBe(2);
  });

  it('uploads one asset at a time, each with its own progress line', async () => {
    github.seedRelease('octo/app', 'v1.0.0');
    const target = await targetFor('v1.0.0');
    const files = [await writeAsset('a.png', 'a'), await writeAsset('b.png', 'b'), await writeAsset('c.png', 'c')];
    github.fault({ on: 'upload', kind: 'status', status: 503 });
    await uploadReleaseAssets(target, files, uploading());
    const uploads = github.requests.filter((r) => r.route === 'upload').map((r) => r.path.split('=').pop());
    expect(uploads).toEqual(['a.png', 'a.png', 'b.png', 'c.png']);
    expect(log.lines.filter((line) => line.startsWith('Uploading '))).toEqual([
      'Uploading a.png (1 B) to release v1.0.0 (1 of 3).',
      'Uploading b.png (1 B) to release v1.0.0 (2 of 3).',
      'Uploading c.png (1 B) to release v1.0.0 (3 of 3).',
    ]);
  });
});

describe('uploadReleaseAssets: rate limits and diagnosis', () => {
  const secondary = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

  it.each<[string, number, Record<string, string>, string]>([
    ['a 403 secondary rate limit with retry-after', 403, { 'retry-after': '1' }, secondary],
    ['a 429 with retry-after', 429, { 'retry-after': '1' }, 'Too many requests'],
    [
      'a 403 with x-ratelimit-remaining: 0',
      403,
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'RESET' },
      'API rate limit exceeded for installation ID 1.',
    ],
  ])('%s: waits as long as GitHub says, then uploads', async (_, status, headers, message) => {
    const release = github.seedRelease('octo/app', 'v1.0.0');
    const target = await targetFor('v1.0.0');
    if (headers['x-ratelimit-reset']) headers['x-ratelimit-reset'] = String(Math.ceil(Date.now() / 1000) + 1);
    github.fault({ on: 'upload', kind: 'status', status, headers, message });
    await uploadReleaseAssets(target, [await writeAsset('poster.png', 'p')], uploading());
    expect(assetsOf(release)).toEqual(['poster.png (uploaded)']);
    const [limited, retried] = github.requests.filter((r) => r.route === 'upload');
    // Never earlier than GitHub allowed (x-ratelimit-reset is in whole seconds, so at least a little later).
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(headers['retry-after'] ? 1000 : 1);
    expect(log.text).toMatch(/rate limit was hit \(\d{3} ".*"\); waiting \d+(ms|s) \(until \d\d:\d\d:\d\d UTC\)/);
    expect(log.text).not.toContain('contents: write');
  });

  it('a rate limit that clears after the timeout: fails at once, says it is a rate limit and when it clears', async () => {
    github.seedRelease('octo/app', 'v1.0.0');
    const target = await targetFor('v1.0.0');
    github.fault({ on: 'upload', kind: 'status', status: 403, message: secondary, times: Infinity });
    const started = Date.now();
    const error = await uploadReleaseAssets(
      target,
      [await writeAsset('poster.png', 'p')],
      uploading({ deadline: Deadline.after(60_000) }),
    ).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(30_000); // did not wait for the 60 s deadline
    expect(error).toBeInstanceOf(ActionError);
    expect((error as Error).message).toMatch(
      /^Could not upload poster\.png to release v1\.0\.0: GitHub's secondary rate limit was hit \(403 "You have exceeded a secondary rate limit\..*"\)\. It clears in 1m \(at \d\d:\d\d:\d\d UTC\), after the time left \(timeout\)\. This is not a permission problem: run again after that\.$/,
    );
    expect(github.count('upload')).toBe(1);
  });

  it('a 403 without the signs of a rate limit is a permission problem: names contents: write, not retried', async () => {
    github.seedRelease('octo/app', 'v1.0.0');
    const target = await targetFor('v1.0.0');
    github.fault({ on: 'upload', kind: 'status', status: 403, message: 'Resource not accessible by integration' });
    const error = await uploadReleaseAssets(target, [await writeAsset('poster.png', 'p')], uploading()).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe(
      'Could not upload poster.png to release v1.0.0: GitHub answered 403 "Resource not accessible by integration". ' +
        'The token cannot write to releases: add `permissions: contents: write` to the workflow (or the job) that runs this step.',
    );
    expect(github.count('upload')).toBe(1);
  });

  it('a release deleted while the job ran: the 404 names the release looked for', async () => {
    const release = github.seedRelease('octo/app', 'v1.0.0');
    const target = await targetFor('v1.0.0');
    github.releases.splice(github.releases.indexOf(release), 1);
    const error = await uploadReleaseAssets(target, [await writeAsset('poster.png', 'p')], uploading()).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toContain(
      `release v1.0.0 (id ${release.id}) is not in octo/app any more; was it deleted while the job ran?`,
    );
  });

  it('gives up on a 500 that keeps coming, with the number of attempts', async () => {
    github.seedRelease('octo/app', 'v1.0.0');
    const target = await targetFor('v1.0.0');
    github.fault({ on: 'upload', kind: 'status', status: 500, times: Infinity });
    const error = await uploadReleaseAssets(target, [await writeAsset('poster.png', 'p')], uploading()).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toBe(
      'Could not upload poster.png to release v1.0.0: GitHub answered 500 "Injected failure" (after 4 attempts).',
    );
  });
});

describe('uploadReleaseAssets: the deadline', () => {
  it('a hung upload ends at the deadline, naming the asset; assets already uploaded are reported', async () => {
    const release = github.seedRelease('octo/app', 'v1.0.0');
    const target = await targetFor('v1.0.0');
    const files = [await writeAsset('first.png', '1'), await writeAsset('second.png', '2')];
    // The first upload works; the second never answers, nor does any retry of it.
    github.fault({ on: 'upload', kind: 'hang', path: 'name=second.png', times: Infinity });
    const reported: string[] = [];
    const started = Date.now();
    const error = await uploadReleaseAssets(
      target,
      files,
      uploading({
        requestTimeoutMs: 60_000,
        deadline: Deadline.after(3_000),
        onAssetUploaded: (url, name) => reported.push(`${name} ${url}`),
      }),
    ).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(30_000); // not the 60 s request timeout
    expect(error).toBeInstanceOf(DeliveryTimeoutError);
    expect((error as Error).message).toBe('The timeout ran out while trying to upload second.png to release v1.0.0.');
    expect(reported).toEqual([`first.png ${github.url}/octo/app/releases/download/v1.0.0/first.png`]);
    expect(assetsOf(release)).toEqual(['first.png (uploaded)']);
  });

  it('a Retry-After that runs past the deadline: no wait, fails at once naming the asset', async () => {
    github.seedRelease('octo/app', 'v1.0.0');
    const target = await targetFor('v1.0.0');
    github.fault({ on: 'upload', kind: 'status', status: 503, headers: { 'retry-after': '600' } });
    const started = Date.now();
    const error = await uploadReleaseAssets(
      target,
      [await writeAsset('poster.png', 'p')],
      uploading({ deadline: Deadline.after(60_000) }),
    ).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(30_000); // did not wait for the 60 s deadline
    expect(error).toBeInstanceOf(DeliveryTimeoutError);
    expect((error as Error).message).toBe(
      'The timeout ran out while trying to upload poster.png to release v1.0.0: GitHub answered 503 "Injected failure".',
    );
  });

  it('a hung listing (an Octokit call) ends at the deadline too', async () => {
    github.seedRelease('octo/app', 'v1.0.0');
    const target = await targetFor('v1.0.0');
    github.fault({ on: 'list-assets', kind: 'hang', times: Infinity });
    const started = Date.now();
    const error = await uploadReleaseAssets(
      target,
      [await writeAsset('poster.png', 'p')],
      uploading({ requestTimeoutMs: 60_000, deadline: Deadline.after(1_000) }),
    ).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(30_000); // not the 60 s request timeout
    expect(error).toBeInstanceOf(DeliveryTimeoutError);
    expect((error as Error).message).toBe('The timeout ran out while trying to list the assets of release v1.0.0.');
  });

  it('stops at once when the workflow is cancelled during an upload', async () => {
    github.seedRelease('octo/app', 'v1.0.0');
    const target = await targetFor('v1.0.0');
    github.fault({ on: 'upload', kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const error = await uploadReleaseAssets(
      target,
      [await writeAsset('poster.png', 'p')],
      uploading({ requestTimeoutMs: 60_000, signal: controller.signal }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);
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

  it('keeps every valid item name whole as the prefix, so two items never share an asset prefix', () => {
    // Names like `.x`, `x.` and `x..y`, which GitHub would change, are refused as item names.
    for (const item of ['x.y', 'x-y', 'x_y', 'x', '1.50', '001', '-x', 'x-', 'A.b.C', 'v1.2.3']) {
      expect(releaseAssetName(`${item}-banner.png`)).toBe(`${item}-banner.png`);
      for (const file of ['a b.png', 'blob', 'x..y.tar.gz']) {
        expect(releaseAssetName(`${item}-${file}`).startsWith(`${item}-`)).toBe(true);
      }
    }
  });
});
