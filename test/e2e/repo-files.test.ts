/**
 * Image inputs from the repository end to end through dist/index.js: the
 * workspace is a real temporary git repository, the event payload says whether
 * it is public, and the emulator records what was submitted.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { MODEL_IDS } from '../../emulator/seed.js';
import { runBundledAction, type ActionRun } from '../../scripts/action-runner.js';

const REPOSITORY = 'octo/site';
const UPSCALER = MODEL_IDS.upscaler;
let emu: ArmoxEmulator;
let tmp: string;
let workspace: string;

beforeEach(async () => {
  emu = await startEmulator();
  tmp = mkdtempSync(path.join(tmpdir(), 'armox-repo-e2e-'));
  workspace = path.join(tmp, 'workspace');
  mkdirSync(workspace);
  git('init', '-q');
});
afterEach(async () => {
  await emu.close();
  rmSync(tmp, { recursive: true, force: true });
});

function git(...args: string[]): string {
  return execFileSync('git', ['-C', workspace, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    encoding: 'utf8',
  }).trim();
}

function put(file: string, content: string): void {
  mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
  writeFileSync(path.join(workspace, file), content);
}

/** Commits the workspace and returns the commit's sha. */
function commit(): string {
  git('add', '-A');
  git('commit', '-q', '-m', 'sketches');
  return git('rev-parse', 'HEAD');
}

function commitEmpty(): string {
  git('commit', '-q', '--allow-empty', '-m', 'empty');
  return git('rev-parse', 'HEAD');
}

/** A push event payload file; `repository` says whether the repository is public. */
function pushEvent(repository: Record<string, unknown>): string {
  const file = path.join(tmp, `event-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: REPOSITORY, ...repository } }));
  return file;
}
const PUBLIC = { private: false, visibility: 'public' };

function run(
  images: string,
  sha: string,
  options: { env?: Record<string, string>; inputs?: Record<string, string>; repository?: Record<string, unknown> } = {},
): Promise<ActionRun> {
  return runBundledAction({
    workspace,
    inputs: {
      'api-key': emu.apiKey,
      'api-url': emu.apiUrl,
      'poll-interval': '50ms',
      'app-name': 'Sketch to Render',
      inputs: `Input Images: ${images}\nAspect Ratio: "16:9"`,
      ...options.inputs,
    },
    env: {
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_SHA: sha,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: pushEvent(options.repository ?? PUBLIC),
      ...options.env,
    },
  });
}

/** The `Input Images` value of each submission the emulator received. */
function submittedImages(): unknown[] {
  return emu.findRequests('POST', '/apps/run').map((request) => {
    const body = JSON.parse(request.body) as { inputs: Record<string, unknown> };
    return Object.entries(body.inputs).find(([, value]) => Array.isArray(value))?.[1];
  });
}

describe('images from the repository', () => {
  it('sends a committed file as its raw.githubusercontent.com URL at GITHUB_SHA, and logs the mapping', async () => {
    put('sketches/hall.png', 'hall');
    put('sketches/stairs.png', 'stairs');
    const sha = commit();
    const result = await run('[sketches/hall.png, ./sketches/stairs.png, https://example.com/x.jpg]', sha);
    expect(result.code).toBe(0);
    const raw = `https://raw.githubusercontent.com/octo/site/${sha}/sketches`;
    expect(submittedImages()).toEqual([[`${raw}/hall.png`, `${raw}/stairs.png`, 'https://example.com/x.jpg']]);
    expect(result.stdout).toContain(
      `Image from the repository: inputs: "Input Images": sketches/hall.png → ${raw}/hall.png`,
    );
    expect(result.stdout).toContain(`./sketches/stairs.png → ${raw}/stairs.png`);
  });

  it('uses <GITHUB_SERVER_URL>/<owner>/<repo>/raw/<sha>/<path> on GitHub Enterprise Server, segments encoded', async () => {
    put('my sketches/hall #1.png', 'hall');
    const sha = commit();
    const result = await run('["my sketches/hall #1.png"]', sha, {
      env: { GITHUB_SERVER_URL: 'https://ghe.example.com/' },
    });
    expect(result.code).toBe(0);
    expect(submittedImages()).toEqual([[`https://ghe.example.com/octo/site/raw/${sha}/my%20sketches/hall%20%231.png`]]);
  });

  it('decides "public" from repository.private when the payload has no visibility', async () => {
    put('hall.png', 'hall');
    const sha = commit();
    const result = await run('[hall.png]', sha, { repository: { private: false } });
    expect(result.code).toBe(0);
    expect(submittedImages()).toEqual([[`https://raw.githubusercontent.com/octo/site/${sha}/hall.png`]]);
  });

  it('shows the mapped URLs in a dry run, and submits nothing', async () => {
    put('sketches/hall.png', 'hall');
    const sha = commit();
    const result = await run('[sketches/hall.png]', sha, { inputs: { 'dry-run': 'true' } });
    expect(result.code).toBe(0);
    const url = `https://raw.githubusercontent.com/octo/site/${sha}/sketches/hall.png`;
    expect(result.stdout).toContain(`sketches/hall.png → ${url}`);
    expect(result.stdout).toMatch(new RegExp(`Request that would be sent[\\s\\S]*"${url.replace(/[./]/g, '\\$&')}"`));
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
  });

  it('maps paths in a batch item too', async () => {
    put('a.png', 'a');
    put('b.png', 'b');
    const sha = commit();
    const result = await run('[a.png]', sha, {
      inputs: { batch: 'first:\n  Input Images: [a.png]\nsecond:\n  Input Images: [b.png]' },
    });
    expect(result.code).toBe(0);
    const raw = `https://raw.githubusercontent.com/octo/site/${sha}`;
    expect(submittedImages()).toEqual([[`${raw}/a.png`], [`${raw}/b.png`]]);
  });

  it('maps the image_input of a model', async () => {
    put('photo.jpg', 'photo');
    const sha = commit();
    const result = await run('', sha, {
      inputs: { 'app-name': '', model: UPSCALER, inputs: 'image_input: photo.jpg' },
    });
    expect(result.code).toBe(0);
    const [request] = emu.findRequests('POST', '/models/run');
    const body = JSON.parse(request!.body) as { input: Record<string, unknown> };
    expect(body.input.image_input).toEqual([`https://raw.githubusercontent.com/octo/site/${sha}/photo.jpg`]);
  });

  it('leaves text inputs alone, even when they look like a file name, in any repository', async () => {
    const sha = commitEmpty();
    const result = await run('', sha, {
      inputs: { 'app-name': 'Poster Campaign', inputs: 'Prompt: hero.png' },
      repository: { private: true, visibility: 'private' },
    });
    expect(result.code).toBe(0);
    const [request] = emu.findRequests('POST', '/apps/run');
    expect(Object.values((JSON.parse(request!.body) as { inputs: Record<string, unknown> }).inputs)).toContain(
      'hero.png',
    );
    expect(result.stdout).not.toContain('Image from the repository');
  });
});

describe('refused before anything is submitted, naming the input', () => {
  async function expectRefused(result: ActionRun, ...fragments: Array<string | RegExp>): Promise<string> {
    expect(result.code).toBe(1);
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
    const error = result.stdout
      .split('\n')
      .find((line) => line.startsWith('::error::'))!
      .replace(/%0A/g, '\n');
    expect(error).toContain('Input Images');
    for (const fragment of fragments) expect(error).toMatch(fragment);
    expect(error).toContain('Nothing was submitted');
    return error;
  }

  it('a private repository (visibility private)', async () => {
    put('hall.png', 'hall');
    const sha = commit();
    const result = await run('[hall.png]', sha, { repository: { private: true, visibility: 'private' } });
    await expectRefused(result, 'octo/site is not public', /Host the image somewhere public/);
  });

  it('an internal repository', async () => {
    put('hall.png', 'hall');
    const sha = commit();
    const result = await run('[hall.png]', sha, { repository: { private: true, visibility: 'internal' } });
    await expectRefused(result, 'octo/site is not public');
  });

  it('a payload that does not say', async () => {
    put('hall.png', 'hall');
    const sha = commit();
    const result = await run('[hall.png]', sha, { repository: {} });
    await expectRefused(result, /cannot tell whether octo\/site is public/);
  });

  it('a file that does not exist', async () => {
    put('hall.png', 'hall');
    const sha = commit();
    const result = await run('[sketches/missing.png]', sha);
    await expectRefused(result, /sketches\/missing\.png\) does not exist in the workspace/);
  });

  it('a file that is not committed', async () => {
    put('hall.png', 'hall');
    const sha = commit();
    put('new.png', 'new');
    const result = await run('[new.png]', sha);
    await expectRefused(result, /new\.png\) is not in commit [0-9a-f]{12}.*commit and push it first/);
  });

  it('a file that differs from the committed version', async () => {
    put('hall.png', 'hall');
    const sha = commit();
    put('hall.png', 'hall, edited');
    const result = await run('[hall.png]', sha);
    await expectRefused(result, /hall\.png\) differs from the version in commit .*commit and push it first/);
  });

  it('a file committed after GITHUB_SHA', async () => {
    put('hall.png', 'hall');
    const sha = commit();
    put('later.png', 'later');
    commit();
    const result = await run('[later.png]', sha);
    await expectRefused(result, /later\.png\) is not in commit/);
  });

  it('paths outside the workspace: .., absolute, a symbolic link out', async () => {
    put('hall.png', 'hall');
    writeFileSync(path.join(tmp, 'outside.png'), 'outside');
    symlinkSync(path.join(tmp, 'outside.png'), path.join(workspace, 'link.png'));
    const sha = commit();
    const result = await run(`[../outside.png, ${path.join(tmp, 'outside.png')}, link.png]`, sha);
    await expectRefused(
      result,
      /\.\.\/outside\.png\) points outside the workspace/,
      /outside\.png\) is an absolute path/,
      /link\.png\) leads outside the workspace/,
    );
  });

  it('lists every problem at once', async () => {
    put('hall.png', 'hall');
    const sha = commit();
    put('hall.png', 'changed');
    const result = await run('[hall.png, missing.png, ../up.png]', sha);
    const error = await expectRefused(result, /differs/, /does not exist/, /points outside/);
    expect(error.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(3);
  });
});
