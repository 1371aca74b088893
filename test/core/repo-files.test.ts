/**
 * Repository files as image inputs, against real temporary git repositories.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeMappings, resolveRepoFiles, type RepoContext } from '../../src/request/repo-files.js';

let tmp: string;
let workspace: string;

beforeAll(() => {
  // The module shells out to git; say so plainly if the machine has none.
  expect(execFileSync('git', ['--version'], { encoding: 'utf8' })).toMatch(/^git version/);
});

beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'armox-repo-files-'));
  workspace = path.join(tmp, 'workspace');
  await mkdir(workspace);
  git('init', '-q');
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function git(...args: string[]): string {
  return execFileSync('git', ['-C', workspace, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    encoding: 'utf8',
  }).trim();
}

async function put(file: string, content: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(workspace, file)), { recursive: true });
  await writeFile(path.join(workspace, file), content);
}

/** Commits what is in the workspace and returns the commit's sha. */
function commit(): string {
  git('add', '-A');
  git('commit', '-q', '-m', 'files');
  return git('rev-parse', 'HEAD');
}

const publicPayload = { repository: { full_name: 'octo/app', private: false, visibility: 'public' } };

function context(sha: string, overrides: Partial<RepoContext> = {}): RepoContext {
  return {
    workspace,
    sha,
    repository: 'octo/app',
    serverUrl: 'https://github.com',
    eventPayload: publicPayload,
    ...overrides,
  };
}

const request = (value: string) => ({ input: 'inputs: "Input Images"', value });

describe('resolveRepoFiles', () => {
  it('maps a committed file to its raw.githubusercontent.com URL at the commit', async () => {
    await put('sketches/hall.png', 'png bytes');
    const sha = commit();
    const result = await resolveRepoFiles([request('sketches/hall.png'), request('./sketches/hall.png')], context(sha));
    expect(result.problems).toEqual([]);
    const url = `https://raw.githubusercontent.com/octo/app/${sha}/sketches/hall.png`;
    expect(result.mappings).toEqual([
      { input: 'inputs: "Input Images"', value: 'sketches/hall.png', path: 'sketches/hall.png', url },
      { input: 'inputs: "Input Images"', value: './sketches/hall.png', path: 'sketches/hall.png', url },
    ]);
    expect(describeMappings(result.mappings)[0]).toBe(`inputs: "Input Images": sketches/hall.png → ${url}`);
  });

  it('uses <server>/<owner>/<repo>/raw/<sha>/<path> on GitHub Enterprise Server, each segment encoded', async () => {
    await put('my sketches/hall #1.png', 'png');
    const sha = commit();
    const result = await resolveRepoFiles(
      [request('my sketches/hall #1.png')],
      context(sha, { serverUrl: 'https://ghe.example.com/' }),
    );
    expect(result.problems).toEqual([]);
    expect(result.mappings[0]?.url).toBe(`https://ghe.example.com/octo/app/raw/${sha}/my%20sketches/hall%20%231.png`);
  });

  it('accepts a repository that is public by visibility or by private: false alone', async () => {
    await put('a.png', 'a');
    const sha = commit();
    for (const repository of [{ visibility: 'public' }, { private: false }]) {
      const result = await resolveRepoFiles([request('a.png')], context(sha, { eventPayload: { repository } }));
      expect(result.problems).toEqual([]);
    }
  });

  it('refuses a private or internal repository, saying what to do instead, without asking git', async () => {
    await put('a.png', 'a');
    const sha = commit();
    for (const repository of [{ private: true }, { private: true, visibility: 'internal' }, {}]) {
      const result = await resolveRepoFiles(
        [request('a.png')],
        context(sha, { eventPayload: { repository }, git: path.join(tmp, 'no-such-git') }),
      );
      expect(result.mappings).toEqual([]);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toContain('inputs: "Input Images" (a.png)');
      expect(result.problems[0]).toMatch(/no public URL/);
      expect(result.problems[0]).toMatch(/Host the image somewhere public .* or make the repository public/);
    }
  });

  it('lists each file that is missing, uncommitted or changed, with "commit and push it first"', async () => {
    await put('committed.png', 'v1');
    await put('changed.png', 'v1');
    const sha = commit();
    await put('changed.png', 'v2');
    await put('new.png', 'new');
    await put('later.png', 'later');
    git('add', 'later.png');
    git('commit', '-q', '-m', 'after the build commit');

    const result = await resolveRepoFiles(
      ['committed.png', 'changed.png', 'new.png', 'later.png', 'gone.png'].map(request),
      context(sha),
    );
    expect(result.mappings.map((m) => m.path)).toEqual(['committed.png']);
    const short = sha.slice(0, 12);
    expect(result.problems).toEqual([
      `inputs: "Input Images" (changed.png) differs from the version in commit ${short}, which is what its URL serves: commit and push it first.`,
      `inputs: "Input Images" (new.png) is not in commit ${short} (not committed, or not pushed with it): commit and push it first.`,
      `inputs: "Input Images" (later.png) is not in commit ${short} (not committed, or not pushed with it): commit and push it first.`,
      expect.stringContaining('inputs: "Input Images" (gone.png) does not exist in the workspace'),
    ]);
  });

  it('refuses paths outside the workspace: .., absolute, and symbolic links that escape', async () => {
    await put('inside.png', 'in');
    await writeFile(path.join(tmp, 'outside.png'), 'out');
    await symlink(path.join(tmp, 'outside.png'), path.join(workspace, 'escape.png'));
    await mkdir(path.join(workspace, 'folder'));
    await symlink(tmp, path.join(workspace, 'folder', 'up'));
    const sha = commit();

    const values = ['../outside.png', 'sketches/../../outside.png', path.join(tmp, 'outside.png'), 'C:\\x.png'];
    const result = await resolveRepoFiles(
      [...values, 'escape.png', 'folder/up/outside.png', 'folder', 'ftp://host/x.png'].map(request),
      context(sha),
    );
    expect(result.mappings).toEqual([]);
    expect(result.problems).toEqual([
      expect.stringMatching(/\(\.\.\/outside\.png\) points outside the workspace/),
      expect.stringMatching(/\(sketches\/\.\.\/\.\.\/outside\.png\) points outside the workspace/),
      expect.stringMatching(/is an absolute path: give the path relative to the repository root/),
      expect.stringMatching(/\(C:\\x\.png\) is an absolute path/),
      expect.stringMatching(/\(escape\.png\) leads outside the workspace \(through a symbolic link\)/),
      expect.stringMatching(/\(folder\/up\/outside\.png\) leads outside the workspace/),
      expect.stringMatching(/\(folder\) is not a file/),
      expect.stringMatching(/\(ftp:\/\/host\/x\.png\) is neither an http\(s\) URL nor a path in the repository/),
    ]);
  });

  it('maps a link inside the repository to the file it points at', async () => {
    await put('sketches/hall.png', 'png');
    await symlink('sketches/hall.png', path.join(workspace, 'latest.png'));
    const sha = commit();
    const result = await resolveRepoFiles([request('latest.png')], context(sha));
    expect(result.problems).toEqual([]);
    expect(result.mappings[0]?.path).toBe('sketches/hall.png');
  });

  it('sends a Git LFS file through media.githubusercontent.com', async () => {
    const pointer = 'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'a'.repeat(64) + '\nsize 123456\n';
    await put('big.png', pointer);
    const sha = commit();
    const result = await resolveRepoFiles([request('big.png')], context(sha));
    expect(result.mappings[0]?.url).toBe(`https://media.githubusercontent.com/media/octo/app/${sha}/big.png`);
  });

  it('says once when the workspace is not a git checkout, or the commit is not in it', async () => {
    const plain = path.join(tmp, 'plain');
    await mkdir(plain);
    const sha = 'a'.repeat(40);
    const notCheckout = await resolveRepoFiles(
      [request('a.png'), request('b.png')],
      context(sha, { workspace: plain }),
    );
    expect(notCheckout.problems).toHaveLength(1);
    expect(notCheckout.problems[0]).toMatch(/^inputs: "Input Images" \(a\.png\), inputs: "Input Images" \(b\.png\): /);
    expect(notCheckout.problems[0]).toMatch(/is not a git checkout .*: run actions\/checkout/);

    await put('a.png', 'a');
    commit();
    const unknownCommit = await resolveRepoFiles([request('a.png')], context(sha));
    expect(unknownCommit.problems[0]).toMatch(/commit aaaaaaaaaaaa \(GITHUB_SHA\) is not in the checkout/);

    const noSha = await resolveRepoFiles([request('a.png')], context('', {}));
    expect(noSha.problems[0]).toMatch(/GITHUB_SHA is not set/);

    const noGit = await resolveRepoFiles(
      [request('a.png')],
      context(git('rev-parse', 'HEAD'), { git: path.join(tmp, 'none') }),
    );
    expect(noGit.problems[0]).toMatch(/git is not installed/);
  });
});
