import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config/config.js';
import { InputError } from '../../src/core/errors.js';

const base = { 'api-key': 'sk_test_123', 'app-name': 'Sketch to Render' };

function read(inputs: Record<string, string>, env: Record<string, string | undefined> = {}) {
  return readConfig((name) => inputs[name] ?? '', { GITHUB_WORKSPACE: '/work/space', ...env });
}

function problem(inputs: Record<string, string>, env: Record<string, string | undefined> = {}): string {
  try {
    read(inputs, env);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('readConfig', () => {
  it('applies the documented defaults', () => {
    const { config, warnings } = read(base);
    expect(config).toMatchObject({
      apiKey: 'sk_test_123',
      apiUrl: 'https://armox.ai/api/v1',
      appName: 'Sketch to Render',
      wait: true,
      timeoutMs: 30 * 60_000,
      pollIntervalMs: 10_000,
      cancelOnTimeout: true,
      dryRun: false,
    });
    expect(config.uploadToRelease).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('falls back to ARMOX_API_KEY and explains a missing key', () => {
    expect(read({ 'app-id': 'x' }, { ARMOX_API_KEY: 'sk_env' }).config.apiKey).toBe('sk_env');
    expect(problem({ 'app-id': 'x' })).toMatch(/api-key is empty.*ARMOX_API_KEY/);
  });

  it('resolves paths against the workspace and trims the api-url slash', () => {
    const { config } = read({
      ...base,
      'inputs-file': 'cfg/inputs.yml',
      'download-dir': 'out',
      'api-url': 'http://127.0.0.1:9/api/v1/',
    });
    expect(config.inputsFile).toBe('/work/space/cfg/inputs.yml');
    expect(config.downloadDir).toBe('/work/space/out');
    expect(config.apiUrl).toBe('http://127.0.0.1:9/api/v1');
  });

  it.each([
    [{ timeout: '0' }, /timeout: "0" must be longer than zero/],
    [{ timeout: '-5m' }, /timeout: "-5m" is not a duration \(use 600, 90s, 15m or 1h30m\)/],
    [{ timeout: '10 minutes' }, /timeout: "10 minutes" is not a duration/],
    [{ 'poll-interval': 'soon' }, /poll-interval: "soon" is not a duration/],
    [{ wait: 'yes please' }, /wait: "yes please" is not a boolean \(use true or false\)/],
    [{ 'dry-run': 'maybe' }, /dry-run: "maybe" is not a boolean/],
    [{ 'api-url': 'ftp://armox.ai/api/v1' }, /api-url: "ftp:\/\/armox.ai\/api\/v1" must be an http\(s\) URL/],
    [{ 'api-url': 'file:///etc/passwd' }, /api-url: .* must be an http\(s\) URL/],
    [{ 'api-url': 'armox.ai' }, /api-url: "armox.ai" is not a URL/],
    [{ 'api-url': 'https://user:pw@armox.ai/api/v1' }, /api-url contains credentials/],
    [{ 'webhook-url': 'javascript:alert(1)' }, /webhook-url: .* must be an http\(s\) URL/],
    [{ 'app-id': 'abc' }, /app-id and app-name are both set/],
    [{ 'job-id': '../apps' }, /job-id "..\/apps" is not a job id/],
    [{ 'job-id': 'a/b' }, /job-id "a\/b" is not a job id/],
    [{ 'job-id': '?x=1' }, /job-id "\?x=1" is not a job id/],
    [{ 'job-id': 'abc%2F..' }, /is not a job id/],
    [{ 'job-id': 'abc', 'dry-run': 'true' }, /dry-run and job-id are both set/],
    [{ model: 'google/nano-banana' }, /app-name and model are both set: give exactly one of app-id, app-name or model/],
    [{ 'app-id': 'abc', model: 'm' }, /app-id and app-name and model are all set/],
    [{ 'max-concurrency': '0' }, /max-concurrency: "0" must be a whole number from 1 to 100/],
    [{ 'max-concurrency': 'lots' }, /max-concurrency: "lots" must be a whole number/],
    [{ 'max-credits': '-5' }, /max-credits: "-5" is not a number of credits/],
    [{ 'fail-fast': 'sometimes' }, /fail-fast: "sometimes" is not a boolean/],
    [{ reuse: 'forever' }, /reuse: "forever"/],
    [{ batch: '- a: 1', 'batch-file': 'b.yml' }, /batch and batch-file are both set/],
    [{ batch: '- a: 1', 'job-id': 'abc' }, /job-id and a batch are both set/],
    [{ 'comment-on-pr': 'please' }, /comment-on-pr: "please" is not a boolean/],
  ])('refuses %j', (extra, message) => {
    expect(problem({ ...base, ...extra })).toMatch(message);
  });

  it('reports every problem at once', () => {
    const message = problem({ timeout: 'later', wait: 'perhaps' });
    expect(message).toMatch(/4 problems/);
    expect(message).toMatch(/No app or model given/);
    expect(message).toMatch(/api-key is empty/);
    expect(message).toMatch(/timeout: "later"/);
    expect(message).toMatch(/wait: "perhaps"/);
  });

  it('reads the batch, spending and reuse inputs', () => {
    const { config } = read({
      'api-key': 'k',
      model: 'google/nano-banana',
      'batch-file': 'runs.jsonl',
      'max-concurrency': '12',
      'max-credits': '2500',
      'fail-fast': 'true',
      reuse: '12h',
    });
    expect(config).toMatchObject({
      model: 'google/nano-banana',
      batchFile: '/work/space/runs.jsonl',
      batchGiven: true,
      maxConcurrency: 12,
      maxCredits: 2500,
      failFast: true,
      reuse: { mode: 'max-age', maxAgeMs: 12 * 3_600_000 },
    });
    expect(read(base).config).toMatchObject({ batchGiven: false, maxConcurrency: 4, reuse: { mode: 'rerun' } });
  });

  it('asks for an app when none is given', () => {
    expect(problem({ 'api-key': 'k' })).toMatch(/No app or model given: set app-id, app-name or model/);
  });

  it('accepts a job id alone and the YAML booleans', () => {
    const { config } = read({
      'api-key': 'k',
      'job-id': '0fefb57b-a89a-46f3-b7f6-da24841722f4',
      wait: 'False',
      'cancel-on-timeout': 'FALSE',
    });
    expect(config.jobId).toBe('0fefb57b-a89a-46f3-b7f6-da24841722f4');
    expect(config.wait).toBe(false);
    expect(config.cancelOnTimeout).toBe(false);
  });

  it('warns about short poll intervals and plain-http APIs', () => {
    const { warnings } = read({ ...base, 'poll-interval': '2s', 'api-url': 'http://armox.example/api/v1' });
    expect(warnings.join('\n')).toMatch(/poll-interval is 2000 ms: Armox advises 10–15 s/);
    expect(warnings.join('\n')).toMatch(/plain http/);
  });

  it('reads upload-to-release as the triggering release or a tag', () => {
    expect(read({ ...base, 'upload-to-release': 'true' }).config.uploadToRelease).toBe(true);
    expect(read({ ...base, 'upload-to-release': 'v1.2.3' }).config.uploadToRelease).toBe('v1.2.3');
    expect(read({ ...base, 'upload-to-release': 'false' }).config.uploadToRelease).toBeUndefined();
  });

  it('shows invisible characters in what it quotes back', () => {
    expect(problem({ ...base, wait: 'tr\u200bue' })).toContain('tr\\u200bue');
  });

  it('warns about inputs that a combination makes pointless', () => {
    const resumed = read({ 'api-key': 'k', 'job-id': 'abc', 'app-name': 'X', inputs: 'Prompt: hi' }).warnings.join(
      '\n',
    );
    expect(resumed).toContain('job-id is set, so no new run is submitted: inputs, app-name are ignored.');
    expect(read({ 'api-key': 'k', 'job-id': 'abc', inputs: '{}' }).warnings).toEqual([]);
    // Known only once submitted (a model may answer with its files at once): see the pipeline.
    expect(read({ ...base, wait: 'false', 'download-dir': 'out' }).warnings.join('\n')).not.toContain('download-dir');
  });
});

describe("readConfig: the runs' documents", () => {
  it("lists the batch's item-name problems with the inputs' problems, and says the contract is checked later", () => {
    const message = problem({
      ...base,
      'max-concurrency': '0',
      timeout: 'later',
      batch: '"..":\n  Prompt: x\nHero:\n  Prompt: y\nhero:\n  Prompt: z\n',
    });
    expect(message).toMatch(/^The action's inputs have 4 problems:\n/);
    expect(message).toContain('- max-concurrency: "0" must be a whole number from 1 to 100.');
    expect(message).toContain('- timeout: "later" is not a duration');
    expect(message).toContain('- batch: item name ".." must be 1–64 letters');
    expect(message).toContain('- batch: item names "Hero" and "hero" differ only in case');
    expect(message).toMatch(
      /The batch's items are checked against the contract of the app or model once these are fixed/,
    );
  });

  it('a YAML error in inputs does not hide the config problems, nor the other way round', () => {
    const message = problem({ ...base, wait: 'perhaps', inputs: 'Style: "flat' });
    expect(message).toMatch(/^The action's inputs have 2 problems:/);
    expect(message).toMatch(/- inputs is not valid YAML or JSON at line \d+, column \d+/);
  });

  it("without config problems, the documents' problems are carried to the contract check, not thrown", () => {
    const { config } = read({ ...base, batch: '"a b":\n  Prompt: x\nok:\n  Colour: red\n' });
    expect(config.runInputs.problems).toEqual([expect.stringContaining('batch: item name "a b" must be')]);
    expect(config.runInputs.items!.map((item) => item.name)).toEqual(['a b', 'ok']);
  });

  it('does not read the documents when following a job (they are ignored)', () => {
    const { config } = read({ 'api-key': 'k', 'job-id': 'abc', inputs: 'not: [valid' });
    expect(config.runInputs.problems).toEqual([]);
  });
});

describe('readConfig: download-dir', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'armox-config-'));
  writeFileSync(path.join(workspace, 'f.txt'), 'x');
  const env = { GITHUB_WORKSPACE: workspace };

  it('a file in the way is refused before anything is paid for, naming the file', () => {
    expect(problem({ ...base, 'download-dir': 'f.txt' }, env)).toBe(
      'download-dir: "f.txt" cannot be written: f.txt is a file, not a folder.',
    );
    expect(problem({ ...base, 'download-dir': 'f.txt/sub' }, env)).toMatch(/f\.txt is a file, not a folder/);
  });

  it('accepts an existing folder and folders still to be made', () => {
    expect(read({ ...base, 'download-dir': '.' }, env).config.downloadDir).toBe(workspace);
    expect(read({ ...base, 'download-dir': 'out/renders' }, env).config.downloadDir).toBe(
      path.join(workspace, 'out/renders'),
    );
  });
});

describe('readConfig: symbolic links where the step writes (refused before paying)', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'armox-config-'));
  const elsewhere = mkdtempSync(path.join(tmpdir(), 'armox-elsewhere-'));
  mkdirSync(path.join(workspace, 'renders'));
  symlinkSync(elsewhere, path.join(workspace, 'out'));
  symlinkSync(elsewhere, path.join(workspace, 'renders', 'hero'));
  symlinkSync(path.join(elsewhere, 'missing'), path.join(workspace, 'dangling'));
  const env = { GITHUB_WORKSPACE: workspace };
  const linkMessage = /cannot be written: .* is a symbolic link, and the action does not write through a link/;

  it.each([
    ['download-dir is a link', { 'download-dir': 'out' }, 'out'],
    ['a folder on the way to download-dir is a link', { 'download-dir': 'out/renders/more' }, 'out'],
    ['a dangling link', { 'download-dir': 'dangling/x' }, 'dangling'],
    ['the manifest goes through a link', { manifest: 'out/manifest.json' }, 'out'],
  ])('%s: refused, naming the link', (_, inputs, link) => {
    const message = problem({ ...base, ...inputs }, env);
    expect(message).toMatch(linkMessage);
    expect(message).toContain(`: ${link} is a symbolic link`);
  });

  it("a batch item's folder that is a link is refused, naming the item; other items' folders are fine", () => {
    const batch = 'hero:\n  Prompt: a\nvillain:\n  Prompt: b\n';
    const message = problem({ ...base, 'download-dir': 'renders', batch }, env);
    expect(message).toMatch(linkMessage);
    expect(message).toContain('batch item "hero"');
    expect(message).not.toContain('villain');
    expect(read({ ...base, 'download-dir': 'renders', batch: 'villain:\n  Prompt: b\n' }, env).config.downloadDir).toBe(
      path.join(workspace, 'renders'),
    );
  });

  it('links above the workspace do not matter (the runner may keep its folders behind one)', () => {
    const linkedWorkspace = path.join(mkdtempSync(path.join(tmpdir(), 'armox-linked-')), 'ws');
    symlinkSync(workspace, linkedWorkspace);
    expect(
      read({ ...base, 'download-dir': 'renders/new' }, { GITHUB_WORKSPACE: linkedWorkspace }).config.downloadDir,
    ).toBe(path.join(linkedWorkspace, 'renders/new'));
  });
});

describe('readConfig: manifest', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'armox-config-'));
  mkdirSync(path.join(workspace, 'adir'));
  writeFileSync(path.join(workspace, 'afile'), 'x');
  const withManifest = (manifest: string) => ({ ...base, manifest });
  const env = { GITHUB_WORKSPACE: workspace };

  it('an existing folder is refused before anything is paid for', () => {
    expect(problem(withManifest('adir'), env)).toBe(
      'manifest: "adir" is a folder; give the path of a file in it (e.g. adir/manifest.json).',
    );
  });

  it('a path under a file is refused, naming the file', () => {
    expect(problem(withManifest('afile/manifest.json'), env)).toBe(
      'manifest: "afile/manifest.json" cannot be written: afile is a file, not a folder.',
    );
    expect(problem(withManifest('afile/more/manifest.json'), env)).toMatch(/afile is a file, not a folder/);
  });

  it('accepts a new file, in folders still to be made, and absolute paths outside the workspace', () => {
    expect(read(withManifest('adir/manifest.json'), env).config.manifest).toBe(
      path.join(workspace, 'adir/manifest.json'),
    );
    expect(read(withManifest('new/dir/manifest.json'), env).config.manifest).toBe(
      path.join(workspace, 'new/dir/manifest.json'),
    );
    const outside = path.join(tmpdir(), 'armox-manifest-elsewhere.json');
    expect(read(withManifest(outside), env).config.manifest).toBe(outside);
  });
});

describe('readConfig: rehearsal', () => {
  it('is off by default, and on when asked', () => {
    expect(read(base).config.rehearsal).toBe(false);
    expect(read({ ...base, rehearsal: 'true' }).config.rehearsal).toBe(true);
  });

  it.each([
    [{ 'job-id': 'abc' }, /rehearsal and job-id are both set/],
    [{ wait: 'false' }, /rehearsal and wait: false are both set/],
    [{ 'dry-run': 'true' }, /rehearsal and dry-run are both set/],
    [{ rehearsal: 'maybe' }, /rehearsal: "maybe" is not a boolean/],
  ])('refuses %j', (extra, message) => {
    expect(problem({ ...base, rehearsal: 'true', ...extra })).toMatch(message);
  });

  it('with job-id, wait: false and dry-run, lists each conflict with the other input problems at once', () => {
    const message = problem({
      ...base,
      rehearsal: 'true',
      'job-id': 'abc',
      wait: 'false',
      'dry-run': 'true',
      timeout: 'later',
    });
    expect(message).toMatch(/problems:/);
    for (const conflict of [
      /rehearsal and job-id/,
      /rehearsal and wait: false/,
      /rehearsal and dry-run/,
      /timeout: "later"/,
    ]) {
      expect(message).toMatch(conflict);
    }
  });
});
