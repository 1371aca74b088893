/**
 * scripts/release.sh in dry-run mode on a scratch git repository: every check
 * runs (version, changelog, clean tree, dist/ rebuilt, tests), and the tags,
 * pushes and release it would make are printed, not made.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPT = path.resolve('scripts/release.sh');
const CHANGELOG = `# Changelog

## [Unreleased]

- Something not released yet.

## [1.2.0] - 2026-12-07

### Added

- Checksums for what was generated.

## [1.1.0] - 2026-11-01

- Older.
`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    cwd,
    encoding: 'utf8',
  });
}

/** A scratch repository at a release commit: package.json at 1.2.0, its changelog section, a committed dist/. */
function scratchRepository(version = '1.2.0', changelog = CHANGELOG): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'armox-release-'));
  git(dir, 'init', '-q');
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', version }));
  writeFileSync(path.join(dir, 'CHANGELOG.md'), changelog);
  mkdirSync(path.join(dir, 'dist'));
  writeFileSync(path.join(dir, 'dist', 'index.js'), 'built\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'release');
  return dir;
}

function release(cwd: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('bash', [SCRIPT, ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      RELEASE_BUILD_CMD: 'echo built > dist/index.js',
      RELEASE_TEST_CMD: 'echo tests ran',
      ...env,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The release runs on ubuntu-latest (release.yml); bash and git are not a given on Windows.
describe.skipIf(process.platform === 'win32')('scripts/release.sh --dry-run', () => {
  it('checks everything, then prints the tag, the move of v1, the pushes and the release with its notes', () => {
    const repo = scratchRepository();
    const result = release(repo, ['--dry-run', 'v1.2.0']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('tests ran');
    const planned = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('[dry run] ') && !line.endsWith('notes:'));
    expect(planned).toEqual([
      '[dry run] git tag -a v1.2.0 -m v1.2.0',
      '[dry run] git push origin refs/tags/v1.2.0',
      '[dry run] git tag -fa v1 -m Move v1 to v1.2.0 v1.2.0^{commit}',
      '[dry run] git push --force origin refs/tags/v1',
      expect.stringMatching(/^\[dry run\] gh release create v1\.2\.0 --verify-tag --title v1\.2\.0 --notes-file \S+$/),
    ]);
    const notes = result.stdout.slice(result.stdout.indexOf('[dry run] release notes:\n') + 25);
    expect(notes).toBe('### Added\n\n- Checksums for what was generated.\n\nReleased v1.2.0; v1 points at it.\n');
    expect(git(repo, 'tag', '--list')).toBe('');
  });

  it('accepts a pushed tag that is the commit checked out (the release workflow)', () => {
    const repo = scratchRepository();
    git(repo, 'tag', '-a', 'v1.2.0', '-m', 'v1.2.0');
    const result = release(repo, ['--dry-run', 'v1.2.0']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Tag v1.2.0 is the commit checked out.');
    expect(result.stdout).not.toContain('git tag -a v1.2.0');
  });

  it.each([
    ['a tag that is not a version', ['--dry-run', '1.2.0'], {}, 'give the version tag to release, like v1.2.3'],
    ['a version package.json does not say', ['--dry-run', 'v1.3.0'], {}, 'package.json says version 1.2.0, not 1.3.0'],
    [
      'a dist/ that is not the build of the sources',
      ['--dry-run', 'v1.2.0'],
      { RELEASE_BUILD_CMD: 'echo rebuilt > dist/index.js' },
      'dist/ is not the build of the sources',
    ],
    ['failing tests', ['--dry-run', 'v1.2.0'], { RELEASE_TEST_CMD: 'exit 3' }, ''],
  ])('refuses %s', (_, args, env, message) => {
    const result = release(scratchRepository(), args, env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(message);
    expect(result.stdout).not.toContain('git push');
  });

  it('refuses a version without its changelog section, and a dirty tree', () => {
    const unlisted = release(scratchRepository('1.4.0'), ['--dry-run', 'v1.4.0']);
    expect(unlisted.code).toBe(1);
    expect(unlisted.stderr).toContain("CHANGELOG.md has no '## [1.4.0]' section");
    const dirty = scratchRepository();
    writeFileSync(path.join(dirty, 'CHANGELOG.md'), `${CHANGELOG}\nedited\n`);
    const result = release(dirty, ['--dry-run', 'v1.2.0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('uncommitted changes');
  });
});
