/**
 * Finding the release that generated files are attached to (`upload-to-release`):
 * the release of the triggering event, or of a tag — published or draft — and
 * refusing immutable ones before anything is paid for.
 */
import { ActionError, InputError } from '../core/errors.js';
import { connect, everyPage, GitHubCalls, splitRepository, type GitHubCallOptions } from '../core/github-api.js';
import type { Logger } from '../core/log.js';
import { isObject } from '../core/text.js';

/** The release that generated files are attached to. */
export interface ReleaseTarget {
  owner: string;
  repo: string;
  releaseId: number;
  tag: string;
  /** The release's `upload_url`, template included (it names the upload host, which differs on GHES). */
  uploadUrl: string;
  htmlUrl: string;
  /** A draft (found by listing the releases: the get-by-tag endpoint does not return drafts). */
  draft?: boolean;
}

export interface ResolveReleaseOptions extends GitHubCallOptions {
  /** `true`: the release that triggered this run; a string: the release of that tag. */
  upload: true | string;
  token: string | undefined;
  /** GITHUB_API_URL, e.g. `https://api.github.com`. */
  apiUrl: string;
  /** GITHUB_REPOSITORY, `owner/repo`. */
  repository: string | undefined;
  /** GITHUB_EVENT_NAME. */
  eventName: string | undefined;
  /** The event payload, which holds `release` for release events; undefined when it could not be read. */
  eventPayload: unknown;
  log?: Logger;
}

/** Said when GitHub refuses a release call for want of permission. */
export const RELEASE_PERMISSION_HINT =
  'The token cannot write to releases: add `permissions: contents: write` to the workflow (or the job) that runs this step.';

/**
 * Finds where release assets will go. Called before the paid run is submitted,
 * so a run whose files would have nowhere to go costs nothing: no release, or
 * an immutable one (published immutable releases take no new assets).
 */
export async function resolveReleaseTarget(options: ResolveReleaseOptions): Promise<ReleaseTarget> {
  if (!options.token) {
    throw new InputError(
      'upload-to-release needs a GitHub token: github-token is empty (pass `github-token: ${{ github.token }}` ' +
        'and give the job `permissions: contents: write`).',
    );
  }
  if (options.upload === true) return releaseFromEvent(options);

  const tag = options.upload.trim();
  if (!tag) throw new InputError('upload-to-release is empty: give `true` or a release tag such as v1.2.3.');
  const { owner, repo } = ownerAndRepo(options.repository);
  const octokit = await connect(options.token, options.apiUrl, options.log, options.userAgent);
  const github = new GitHubCalls(octokit, options, { permission: RELEASE_PERMISSION_HINT });
  const release = await findReleaseByTag(github, owner, repo, tag);
  if (!release) {
    throw new InputError(
      `upload-to-release: no release, published or draft, for tag ${tag} in ${owner}/${repo} ` +
        `(create it first, e.g. as a draft with \`gh release create ${tag} --draft\`, and publish it after this step).`,
    );
  }
  const target = toTarget(owner, repo, release);
  if (!target) throw new ActionError(`upload-to-release: GitHub's answer for release ${tag} has no id or upload_url.`);
  refuseImmutable(release, target);
  return target;
}

/** The release of `tag`: published ones by tag, drafts (which that endpoint hides) by listing the releases. */
async function findReleaseByTag(
  github: GitHubCalls,
  owner: string,
  repo: string,
  tag: string,
): Promise<Record<string, unknown> | undefined> {
  const published = await github.call(
    `look up the release for tag ${tag} in ${owner}/${repo}`,
    async (request) => (await github.octokit.rest.repos.getReleaseByTag({ owner, repo, tag, request })).data,
    () => undefined,
  );
  if (published) return published as unknown as Record<string, unknown>;
  const drafts = await everyPage(
    github,
    `list the releases of ${owner}/${repo} to find a draft for tag ${tag}`,
    (page, request) => github.octokit.rest.repos.listReleases({ owner, repo, per_page: 100, page, request }),
    (release) => release.tag_name === tag,
  );
  return drafts[0] as unknown as Record<string, unknown> | undefined;
}

function refuseImmutable(release: Record<string, unknown>, target: ReleaseTarget): void {
  if (release.immutable !== true || release.draft === true) return;
  const { tag, owner, repo } = target;
  throw new InputError(
    `upload-to-release: release ${tag} in ${owner}/${repo} is immutable: once published, it takes no new assets. ` +
      `Attach the files to a draft instead: create the release as a draft (\`gh release create ${tag} --draft\`), ` +
      `run this step with upload-to-release: ${tag}, then publish it (\`gh release edit ${tag} --draft=false\`). Nothing was submitted.`,
  );
}

function toTarget(owner: string, repo: string, release: Record<string, unknown>): ReleaseTarget | undefined {
  if (typeof release.id !== 'number' || typeof release.tag_name !== 'string' || typeof release.upload_url !== 'string')
    return undefined;
  return {
    owner,
    repo,
    releaseId: release.id,
    tag: release.tag_name,
    uploadUrl: release.upload_url,
    htmlUrl: typeof release.html_url === 'string' ? release.html_url : '',
    ...(release.draft === true ? { draft: true } : {}),
  };
}

/** `upload-to-release: true`: the release in this run's event payload. */
async function releaseFromEvent(options: ResolveReleaseOptions): Promise<ReleaseTarget> {
  if (options.eventName !== 'release') {
    const trigger = options.eventName ? `"${options.eventName}"` : 'an unknown event (GITHUB_EVENT_NAME is not set)';
    throw new InputError(
      `upload-to-release: true needs a release event (this run was triggered by ${trigger}); give a tag instead (upload-to-release: v1.2.3)`,
    );
  }
  const payload = options.eventPayload;
  if (payload === undefined) {
    throw new ActionError(
      'upload-to-release: cannot read the release event payload: GITHUB_EVENT_PATH is not set, or its file could not be read (a warning said why).',
    );
  }
  const release = isObject(payload) ? payload.release : undefined;
  const fullName = isObject(payload) && isObject(payload.repository) ? payload.repository.full_name : undefined;
  const { owner, repo } = ownerAndRepo(options.repository || (typeof fullName === 'string' ? fullName : undefined));
  const target = isObject(release) ? toTarget(owner, repo, release) : undefined;
  if (!isObject(release) || !target) {
    throw new ActionError('upload-to-release: the release event payload has no release id, tag and upload_url.');
  }
  refuseImmutable(release, target);
  return target;
}

function ownerAndRepo(repository: string | undefined): { owner: string; repo: string } {
  const parts = splitRepository(repository);
  if (!parts) {
    throw new InputError(
      `upload-to-release needs the repository as owner/repo, but GITHUB_REPOSITORY is ${repository ? JSON.stringify(repository) : 'not set'}.`,
    );
  }
  return parts;
}
