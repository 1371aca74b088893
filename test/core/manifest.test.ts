import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultManifestPath,
  describeFile,
  manifestHeader,
  writeManifest,
  type Manifest,
  type ManifestRun,
} from '../../src/report/manifest.js';
import { VERSION } from '../../src/core/version.js';

let workspace: string;

beforeEach(async () => {
  workspace = await mkdtemp(path.join(tmpdir(), 'armox-manifest-'));
});

afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('describeFile', () => {
  it('gives the size and the sha256 of the file on disk, with a workspace-relative path', async () => {
    const data = Buffer.alloc(3 * 1024 * 1024 + 7, 'armox');
    await writeFile(path.join(workspace, 'render.png'), Buffer.from('another file of the same name'));
    await mkdir(path.join(workspace, 'out'));
    await writeFile(path.join(workspace, 'out', 'render.png'), data);
    const file = await describeFile(workspace, { path: 'out/render.png', url: 'https://cdn.test/r.png' });
    expect(file).toEqual({
      path: 'out/render.png',
      bytes: data.length,
      sha256: sha256(data),
      source_url: 'https://cdn.test/r.png',
    });
  });

  it('takes an absolute path too', async () => {
    const absolute = path.join(workspace, 'a.txt');
    await writeFile(absolute, 'hello');
    const file = await describeFile(workspace, { path: absolute, url: 'https://cdn.test/a.txt' });
    expect(file.path).toBe('a.txt');
    expect(file.sha256).toBe(sha256(Buffer.from('hello')));
  });

  it('rejects when the file is missing', async () => {
    await expect(describeFile(workspace, { path: 'gone.png', url: 'https://cdn.test/x' })).rejects.toThrow(/ENOENT/);
  });
});

describe('writeManifest', () => {
  const run: ManifestRun = {
    item: null,
    inputs: { prompt: 'a red chair', images: ['https://x.test/a.png'] },
    job_id: 'job_2',
    status: 'completed',
    created_at: '2026-11-28T10:05:00Z',
    completed_at: '2026-11-28T10:06:10Z',
    credits_charged: 0,
    reused: true,
    reused_from: { job_id: 'job_2', created_at: '2026-11-28T10:05:00Z', credits_charged: 40 },
    borrowed_from: null,
    output_urls: [],
    error_message: null,
    files: [],
  };
  const manifest = (): Manifest => ({
    ...manifestHeader({ kind: 'app', id: 'app_1', name: 'Sketch to Render' }, new Date('2026-11-28T11:00:00Z')),
    runs: [run],
    release_assets: [{ name: 'render.png', url: 'https://github.com/o/r/releases/download/v1/render.png' }],
  });

  it('writes the manifest as JSON, creating the folder, and leaves no temporary file', async () => {
    const file = path.join(workspace, 'deep', 'er', 'manifest.json');
    await writeManifest(file, manifest());
    const written = JSON.parse(await readFile(file, 'utf8')) as Manifest;
    expect(written).toEqual(manifest());
    expect(written.action).toEqual({ name: 'armox-app-action', version: VERSION });
    expect(written.written_at).toBe('2026-11-28T11:00:00.000Z');
    expect(await readdir(path.dirname(file))).toEqual(['manifest.json']);
  });

  it('replaces an earlier manifest whole', async () => {
    const file = path.join(workspace, 'manifest.json');
    await writeFile(file, 'x'.repeat(100_000));
    await writeManifest(file, manifest());
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(manifest());
  });

  it('records files whose sha256 matches the files on disk', async () => {
    await writeFile(path.join(workspace, 'a.bin'), Buffer.from([1, 2, 3]));
    const files = [await describeFile(workspace, { path: 'a.bin', url: 'https://cdn.test/a.bin' })];
    const file = path.join(workspace, 'm.json');
    await writeManifest(file, { ...manifest(), runs: [{ ...run, files }] });
    const written = JSON.parse(await readFile(file, 'utf8')) as Manifest;
    for (const entry of written.runs[0]!.files) {
      const data = await readFile(path.join(workspace, entry.path));
      expect(entry.sha256).toBe(sha256(data));
      expect(entry.bytes).toBe(data.length);
    }
    expect(written.runs[0]!.files).toHaveLength(1);
  });

  it('fails, leaving no temporary file, when the folder cannot be written', async () => {
    const blocker = path.join(workspace, 'not-a-folder');
    await writeFile(blocker, '');
    await expect(writeManifest(path.join(blocker, 'm.json'), manifest())).rejects.toThrow();
    expect(await readdir(workspace)).toEqual(['not-a-folder']);
  });
});

describe('defaultManifestPath', () => {
  it('is one file per step under RUNNER_TEMP', () => {
    expect(defaultManifestPath('/runner/tmp', 'render')).toBe(path.join('/runner/tmp', 'armox-manifest-render.json'));
    expect(defaultManifestPath('/runner/tmp', '__armox_app-action')).toBe(
      path.join('/runner/tmp', 'armox-manifest-__armox_app-action.json'),
    );
    expect(defaultManifestPath('/runner/tmp', 'a/../b')).toBe(path.join('/runner/tmp', 'armox-manifest-a-b.json'));
  });

  it('falls back to the system temp folder and a random name', () => {
    const file = defaultManifestPath(undefined, undefined);
    expect(path.dirname(file)).toBe(tmpdir());
    expect(path.basename(file)).toMatch(/^armox-manifest-[0-9a-f]{8}\.json$/);
  });
});
