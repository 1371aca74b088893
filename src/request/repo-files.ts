/**
 * Image inputs from the repository. Armox fetches image inputs by URL; a file
 * committed to a public repository already has one, at the commit being built.
 * A workspace-relative path (`sketches/hall.png`) becomes that URL when the
 * file is committed, unchanged, at GITHUB_SHA; anything else is a problem text
 * that names the input and says how to fix it. Git answers the questions.
 */
import { execFile } from 'node:child_process';
import { realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { splitRepository } from '../core/github-api.js';
import { isHttpUrl, isObject, printable } from '../core/text.js';

/** What the run knows about the repository; the lead fills it from the runner's environment. */
export interface RepoContext {
  /** GITHUB_WORKSPACE: where actions/checkout put the repository. */
  workspace: string;
  /** GITHUB_SHA: the commit the URLs point at. */
  sha: string | undefined;
  /** GITHUB_REPOSITORY, `owner/repo`. */
  repository: string | undefined;
  /** GITHUB_SERVER_URL: `https://github.com`, or a GitHub Enterprise Server. */
  serverUrl: string | undefined;
  /** The parsed event payload: its `repository` says whether the repository is public. */
  eventPayload: unknown;
  /** The git executable (default `git`). */
  git?: string;
}

/** One image value to resolve. */
export interface RepoFileRequest {
  /** How errors name the input, e.g. `inputs: "Input Images"`. */
  input: string;
  /** The value as written: `sketches/hall.png`, `./sketches/hall.png`. */
  value: string;
}

export interface RepoFileMapping extends RepoFileRequest {
  /** The file's path in the repository, `/`-separated. */
  path: string;
  /** The file's public URL at the commit. */
  url: string;
}

/** True for values this module resolves: anything that is not an http(s) URL. */
export function isRepoFileValue(value: string): boolean {
  return !isHttpUrl(value.trim());
}

/**
 * Resolves each local path to its public URL at `context.sha`. Every problem is
 * collected (one text per value, or one per shared cause), so the caller can
 * list them with the other input problems before anything is submitted.
 */
export async function resolveRepoFiles(
  requests: RepoFileRequest[],
  context: RepoContext,
): Promise<{ mappings: RepoFileMapping[]; problems: string[] }> {
  // One slot per request keeps the problems in the order the values were written.
  const slots: Array<{ problem?: string; mapping?: RepoFileMapping }> = requests.map(() => ({}));
  const candidates: Array<{ index: number; relative: string }> = [];
  requests.forEach((request, index) => {
    const relative = workspaceRelative(request.value);
    if (relative.problem !== undefined) slots[index]!.problem = `${describeRequest(request)} ${relative.problem}`;
    else candidates.push({ index, relative: relative.path });
  });

  const shared = candidates.length > 0 ? await checkRepository(context) : undefined;
  if (typeof shared === 'string') {
    const named = candidates.map((candidate) => describeRequest(requests[candidate.index]!)).join(', ');
    slots[candidates[0]!.index]!.problem = `${named}: ${shared}`;
  } else if (shared) {
    for (const { index, relative } of candidates) {
      const request = requests[index]!;
      const found = await committedFile(relative, shared, context);
      if (found.problem !== undefined) slots[index]!.problem = `${describeRequest(request)} ${found.problem}`;
      else {
        const url = repoFileUrl(context.serverUrl, shared.repository, shared.sha, found.path, found.lfs);
        slots[index]!.mapping = { ...request, path: found.path, url };
      }
    }
  }
  return {
    mappings: slots.flatMap((slot) => (slot.mapping ? [slot.mapping] : [])),
    problems: slots.flatMap((slot) => (slot.problem ? [slot.problem] : [])),
  };
}

/** `sketches/hall.png → https://…` lines, for the log and the dry run. */
export function describeMappings(mappings: RepoFileMapping[]): string[] {
  return mappings.map((mapping) => `${mapping.input}: ${mapping.value.trim()} → ${mapping.url}`);
}

/**
 * The URL of `filePath` at `sha`: raw.githubusercontent.com on github.com (or
 * media.githubusercontent.com for a Git LFS file), `<server>/<owner>/<repo>/raw/<sha>/<path>`
 * on GitHub Enterprise Server (which redirects LFS files itself). Each segment is URL-encoded.
 */
export function repoFileUrl(
  serverUrl: string | undefined,
  repository: string,
  sha: string,
  filePath: string,
  lfs = false,
): string {
  const segments = [...repository.split('/'), sha, ...filePath.split('/')].map(encodeURIComponent).join('/');
  const server = (serverUrl || 'https://github.com').replace(/\/+$/, '');
  if (!isGitHubDotCom(server)) {
    const [owner, repo, ...rest] = segments.split('/');
    return `${server}/${owner}/${repo}/raw/${rest.join('/')}`;
  }
  return lfs
    ? `https://media.githubusercontent.com/media/${segments}`
    : `https://raw.githubusercontent.com/${segments}`;
}

function isGitHubDotCom(serverUrl: string): boolean {
  try {
    return new URL(serverUrl).hostname.toLowerCase() === 'github.com';
  } catch {
    return false;
  }
}

function describeRequest(request: RepoFileRequest): string {
  return `${request.input} (${printable(request.value.trim())})`;
}

/** The value as a `/`-separated path inside the workspace, or why it cannot be one. */
function workspaceRelative(value: string): { path: string; problem?: undefined } | { problem: string } {
  const text = value.trim();
  if (/^[a-z][a-z0-9+.-]+:/i.test(text)) {
    return {
      problem:
        'is neither an http(s) URL nor a path in the repository: give a public http(s) URL, or the path of a committed file.',
    };
  }
  if (text.includes('\0')) return { problem: 'is not a valid path.' };
  const slashed = text.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[a-z]:\//i.test(slashed)) {
    return {
      problem:
        'is an absolute path: give the path relative to the repository root (like sketches/hall.png) of a committed file.',
    };
  }
  const normalized = path.posix.normalize(slashed);
  if (normalized === '..' || normalized.startsWith('../')) {
    return { problem: 'points outside the workspace: only files committed to this repository have a public URL.' };
  }
  if (normalized === '.' || normalized.endsWith('/')) return { problem: 'is a folder, not a file.' };
  return { path: normalized };
}

interface Repository {
  /** The checkout's top folder, symlinks resolved. */
  root: string;
  /** The workspace, symlinks resolved. */
  workspace: string;
  repository: string;
  sha: string;
}

/** What all values share: a public repository, a git checkout, the commit. A string is the problem. */
async function checkRepository(context: RepoContext): Promise<Repository | string> {
  const repository = context.repository ?? '';
  if (!splitRepository(repository)) {
    return (
      `a path is read as a file of this repository, which needs GITHUB_REPOSITORY (owner/repo), but it is ${repository ? JSON.stringify(repository) : 'not set'}: ` +
      'outside GitHub Actions, give a public http(s) URL instead.'
    );
  }
  const visibility = repositoryVisibility(context.eventPayload);
  if (visibility !== 'public') {
    return (
      `${visibility === 'private' ? `${repository} is not public` : `cannot tell whether ${repository} is public (the event payload has no repository visibility)`}, ` +
      'so its files have no public URL that Armox could fetch. Host the image somewhere public ' +
      '(a release asset, a storage bucket) and give its https URL, or make the repository public.'
    );
  }
  const sha = (context.sha ?? '').trim();
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(sha)) {
    return `a repository file needs the commit being built, but GITHUB_SHA is ${sha ? JSON.stringify(sha) : 'not set'}.`;
  }
  const top = await git(context, context.workspace, ['rev-parse', '--show-toplevel']);
  if (!top.ok) {
    return top.missing
      ? 'git is not installed, so the file cannot be checked against the commit.'
      : `the workspace (${context.workspace}) is not a git checkout (${top.error}): run actions/checkout (without \`path:\`) before this step.`;
  }
  const commit = await git(context, context.workspace, ['cat-file', '-e', `${sha}^{commit}`]);
  if (!commit.ok) {
    return `commit ${sha.slice(0, 12)} (GITHUB_SHA) is not in the checkout: check out the commit being built (actions/checkout does by default).`;
  }
  try {
    return {
      root: await realpath(top.stdout.trim()),
      workspace: await realpath(context.workspace),
      repository,
      sha: sha.toLowerCase(),
    };
  } catch (error) {
    return `the workspace (${context.workspace}) cannot be read: ${(error as Error).message}.`;
  }
}

/** `public`, `private` (also `internal`) or `unknown`, from the payload's repository. */
function repositoryVisibility(payload: unknown): 'public' | 'private' | 'unknown' {
  const repository = isObject(payload) ? payload.repository : undefined;
  if (!isObject(repository)) return 'unknown';
  if (typeof repository.visibility === 'string') {
    return repository.visibility.toLowerCase() === 'public' ? 'public' : 'private';
  }
  if (repository.private === false) return 'public';
  if (repository.private === true) return 'private';
  return 'unknown';
}

const COMMIT_FIRST = 'commit and push it first';

/** The file's path in the repository once it is known to be committed, unchanged, at the commit. */
async function committedFile(
  relative: string,
  repository: Repository,
  context: RepoContext,
): Promise<{ path: string; lfs: boolean; problem?: undefined } | { problem: string }> {
  const absolute = path.resolve(repository.workspace, relative);
  let real: string;
  try {
    real = await realpath(absolute);
  } catch {
    return {
      problem: `does not exist in the workspace (the path is relative to the workspace, where actions/checkout put the repository).`,
    };
  }
  const inRepo = path.relative(repository.root, real);
  if (inRepo.startsWith('..') || path.isAbsolute(inRepo) || !isInside(repository.workspace, real)) {
    return {
      problem: 'leads outside the workspace (through a symbolic link): only committed files have a public URL.',
    };
  }
  if (!(await stat(real)).isFile()) return { problem: 'is not a file.' };
  const repoPath = inRepo.split(path.sep).join('/');
  const short = repository.sha.slice(0, 12);

  const committed = await git(context, repository.root, [
    'rev-parse',
    '--verify',
    '--quiet',
    `${repository.sha}:${repoPath}`,
  ]);
  if (!committed.ok) {
    return { problem: `is not in commit ${short} (not committed, or not pushed with it): ${COMMIT_FIRST}.` };
  }
  const local = await git(context, repository.root, ['hash-object', `--path=${repoPath}`, '--', real]);
  if (!local.ok) return { problem: `could not be compared with commit ${short}: ${local.error}.` };
  if (local.stdout.trim() !== committed.stdout.trim()) {
    return {
      problem: `differs from the version in commit ${short}, which is what its URL serves: ${COMMIT_FIRST}.`,
    };
  }
  return { path: repoPath, lfs: await isLfsPointer(committed.stdout.trim(), repository.root, context) };
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** A Git LFS file is committed as a small pointer; its content is served from another host. */
async function isLfsPointer(blob: string, root: string, context: RepoContext): Promise<boolean> {
  const size = await git(context, root, ['cat-file', '-s', blob]);
  if (!size.ok || Number(size.stdout.trim()) > 1024) return false;
  const content = await git(context, root, ['cat-file', 'blob', blob]);
  return content.ok && content.stdout.startsWith('version https://git-lfs.github.com/spec/v1');
}

type GitResult = { ok: true; stdout: string } | { ok: false; error: string; missing: boolean };

/** Runs one git command in `cwd`; never throws. */
function git(context: RepoContext, cwd: string, args: string[]): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile(
      context.git ?? 'git',
      ['-C', cwd, ...args],
      { encoding: 'utf8', maxBuffer: 1024 * 1024, timeout: 30_000 },
      (error, stdout, stderr) => {
        if (!error) return resolve({ ok: true, stdout });
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        const detail = stderr.trim().split('\n')[0] || error.message;
        resolve({ ok: false, error: printable(detail, 200), missing });
      },
    );
  });
}
