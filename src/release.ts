import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { getOctokit } from '@actions/github';
import { HttpClient } from '@actions/http-client';
import { ActionError, CancelledError, errorMessage, InputError } from './errors.js';
import { claimUniqueName, contentTypeForName } from './file-names.js';
import { abortWith } from './http.js';
import type { Logger } from './log.js';
import { describeSystemError, isObject } from './text.js';

/** The release that generated files are attached to. */
export interface ReleaseTarget {
  owner: string;
  repo: string;
  releaseId: number;
  tag: string;
  /** The release's `upload_url`, template included (it names the upload host, which differs on GHES). */
  uploadUrl: string;
  htmlUrl: string;
}

export interface ResolveReleaseOptions {
  /** `true`: the release that triggered this run; a string: the release of that tag. */
  upload: true | string;
  token: string | undefined;
  /** GITHUB_API_URL, e.g. `https://api.github.com`. */
  apiUrl: string;
  /** GITHUB_REPOSITORY, `owner/repo`. */
  repository: string | undefined;
  /** GITHUB_EVENT_NAME. */
  eventName: string | undefined;
  /** GITHUB_EVENT_PATH: the event payload, which holds `release` for release events. */
  eventPath: string | undefined;
  log?: Logger;
}

export interface UploadOptions {
  token: string;
  apiUrl: string;
  log: Logger;
  /** Abandons the request in flight when aborted. */
  signal?: AbortSignal;
  /** Default `armox-app-action`. */
  userAgent?: string;
}

type Octokit = ReturnType<typeof getOctokit>;

const PERMISSION_HINT =
  'The token cannot write to releases: add `permissions: contents: write` to the workflow (or the job) that runs this step.';

/**
 * Finds where release assets will go. Called before the paid run is submitted,
 * so a run whose files would have nowhere to go costs nothing.
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
  const { owner, repo } = splitRepository(options.repository);
  const octokit = await connect(options.token, options.apiUrl, options.log);
  try {
    const { data } = await octokit.rest.repos.getReleaseByTag({ owner, repo, tag });
    return { owner, repo, releaseId: data.id, tag: data.tag_name, uploadUrl: data.upload_url, htmlUrl: data.html_url };
  } catch (error) {
    const status = statusOf(error);
    if (status === 404) {
      throw new InputError(
        `upload-to-release: no release for tag ${tag} in ${owner}/${repo} (create it first, e.g. with \`gh release create ${tag}\`; ` +
          'a draft release cannot be found by its tag).',
      );
    }
    if (status === 401)
      throw new InputError(`upload-to-release: GitHub refused github-token (401 ${githubMessage(error)}).`);
    throw githubFailure(`look up the release for tag ${tag} in ${owner}/${repo}`, error, false);
  }
}

/**
 * Attaches `files` to the release, in order, and returns their download URLs.
 * An asset of the same name already on the release (from an earlier run of the
 * same workflow) is deleted first, so a re-run replaces it instead of failing.
 */
export async function uploadReleaseAssets(
  target: ReleaseTarget,
  files: Array<{ absolutePath: string; name: string }>,
  options: UploadOptions,
): Promise<string[]> {
  if (files.length === 0) return [];
  const { owner, repo, releaseId, tag } = target;
  const octokit = await connect(options.token, options.apiUrl, options.log);
  const request = { signal: options.signal };

  let existing: Array<{ id: number; name: string }>;
  try {
    existing = await octokit.paginate(octokit.rest.repos.listReleaseAssets, {
      owner,
      repo,
      release_id: releaseId,
      per_page: 100,
      request,
    });
  } catch (error) {
    throw githubFailure(`list the assets of release ${tag}`, error, false);
  }

  const uploadBase = target.uploadUrl.replace(/\{[^}]*\}$/, '');
  const claimed = new Set<string>();
  const urls: string[] = [];
  for (const file of files) {
    const name = claimUniqueName(releaseAssetName(file.name), claimed);
    for (const old of existing.filter((asset) => releaseAssetName(asset.name) === name)) {
      options.log.info(`Replacing the asset ${old.name} already on release ${tag}.`);
      try {
        await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: old.id, request });
      } catch (error) {
        // Already gone (a concurrent re-run) is what we wanted.
        if (statusOf(error) !== 404 || isPermissionError(error))
          throw githubFailure(`delete the old asset ${old.name} from release ${tag}`, error, true);
      }
    }

    const url = await uploadFile(uploadBase, file.absolutePath, `${name} to release ${tag}`, name, options);
    options.log.info(`Uploaded ${name} to release ${tag}: ${url}`);
    urls.push(url);
  }
  return urls;
}

/**
 * POSTs one file to the release's upload URL, streamed from disk, and returns
 * its `browser_download_url`. This goes through `@actions/http-client` (which
 * honours the runner's proxy settings) rather than Octokit: Octokit sends with
 * fetch, and undici's fetch keeps a streamed request body in memory until the
 * request ends (nodejs/undici#4058), so a 1 GB asset would cost 1 GB of RAM.
 * `node:http` piping keeps memory flat.
 */
async function uploadFile(
  uploadBase: string,
  file: string,
  what: string,
  name: string,
  options: UploadOptions,
): Promise<string> {
  const url = new URL(uploadBase);
  url.searchParams.set('name', name);
  const { size } = await stat(file);
  const teardown = new AbortController();
  const client = new HttpClient(options.userAgent ?? 'armox-app-action', [abortWith(teardown.signal)], {
    allowRedirects: false,
    allowRetries: false,
    keepAlive: false,
  });
  const stream = createReadStream(file);
  let onAbort: (() => void) | undefined;
  // http-client ignores errors on the stream it pipes (and a signal): either tears the request down.
  const interrupted = new Promise<never>((_, reject) => {
    stream.once('error', (error) => {
      teardown.abort();
      client.dispose();
      reject(new ActionError(`Could not upload ${what}: cannot read ${file} (${describeSystemError(error)}).`));
    });
    onAbort = () => {
      teardown.abort();
      client.dispose();
      reject(new CancelledError('The workflow was cancelled while uploading release assets.'));
    };
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const exchange = (async () => {
      const response = await client.sendStream('POST', url.href, stream, {
        Authorization: `token ${options.token}`,
        Accept: 'application/vnd.github+json',
        'Content-Type': contentTypeForName(name),
        // GitHub needs the length up front (no chunked uploads).
        'Content-Length': String(size),
      });
      return { status: response.message.statusCode ?? 0, body: await response.readBody() };
    })();
    const { status, body } = await Promise.race([exchange, interrupted]);
    let data: unknown;
    try {
      data = JSON.parse(body) as unknown;
    } catch {
      data = body;
    }
    if (status === 201 || status === 200) {
      if (isObject(data) && typeof data.browser_download_url === 'string') return data.browser_download_url;
      throw new ActionError(`Uploaded ${what}, but GitHub's answer has no browser_download_url.`);
    }
    if (status === 422 && /already_exists/.test(body)) {
      throw new ActionError(
        `Could not upload ${what}: an asset with that name already exists and could not be replaced; delete it and re-run.`,
      );
    }
    throw githubFailure(`upload ${what}`, { status, response: { data } }, true);
  } catch (error) {
    if (error instanceof ActionError) throw error;
    throw new ActionError(`Could not upload ${what}: ${describeSystemError(error)}.`);
  } finally {
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    stream.destroy();
    client.dispose();
  }
}

/**
 * The name GitHub will keep for an asset. GitHub renames names with other
 * characters (`a b.png` becomes `a.b.png`); naming assets this way ourselves
 * means a re-run finds the asset it uploaded before, under the same name.
 */
export function releaseAssetName(name: string): string {
  const extension = /\.[A-Za-z0-9]{1,12}$/.exec(name)?.[0] ?? '';
  const stem = name
    .slice(0, name.length - extension.length)
    .replace(/[^A-Za-z0-9_-]+/g, '.')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.+|\.+$/g, '');
  return `${stem || 'asset'}${extension}`;
}

/** `upload-to-release: true`: the release in this run's event payload. */
async function releaseFromEvent(options: ResolveReleaseOptions): Promise<ReleaseTarget> {
  if (options.eventName !== 'release') {
    const trigger = options.eventName ? `"${options.eventName}"` : 'an unknown event (GITHUB_EVENT_NAME is not set)';
    throw new InputError(
      `upload-to-release: true needs a release event (this run was triggered by ${trigger}); give a tag instead (upload-to-release: v1.2.3)`,
    );
  }
  let payload: unknown;
  try {
    if (!options.eventPath) throw new Error('GITHUB_EVENT_PATH is not set');
    payload = JSON.parse(await readFile(options.eventPath, 'utf8')) as unknown;
  } catch (error) {
    throw new ActionError(`upload-to-release: cannot read the release event payload: ${errorMessage(error)}.`);
  }
  const release = isObject(payload) ? payload.release : undefined;
  if (
    !isObject(release) ||
    typeof release.id !== 'number' ||
    typeof release.tag_name !== 'string' ||
    typeof release.upload_url !== 'string'
  ) {
    throw new ActionError('upload-to-release: the release event payload has no release id, tag and upload_url.');
  }
  const fullName = isObject(payload) && isObject(payload.repository) ? payload.repository.full_name : undefined;
  const { owner, repo } = splitRepository(options.repository || (typeof fullName === 'string' ? fullName : undefined));
  return {
    owner,
    repo,
    releaseId: release.id,
    tag: release.tag_name,
    uploadUrl: release.upload_url,
    htmlUrl: typeof release.html_url === 'string' ? release.html_url : '',
  };
}

function splitRepository(repository: string | undefined): { owner: string; repo: string } {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(repository ?? '');
  if (!match) {
    throw new InputError(
      `upload-to-release needs the repository as owner/repo, but GITHUB_REPOSITORY is ${repository ? JSON.stringify(repository) : 'not set'}.`,
    );
  }
  return { owner: match[1] as string, repo: match[2] as string };
}

/** Octokit, loaded only when a release upload is asked for (it is a large part of the bundle). */
export async function connect(token: string, apiUrl: string, log: Logger | undefined): Promise<Octokit> {
  const { getOctokit } = await import('@actions/github');
  const quiet = () => undefined;
  return getOctokit(token, {
    baseUrl: apiUrl.replace(/\/+$/, ''),
    log: {
      debug: log ? (message: string) => log.debug(message) : quiet,
      info: log ? (message: string) => log.debug(message) : quiet,
      warn: log ? (message: string) => log.warning(message) : quiet,
      error: log ? (message: string) => log.warning(message) : quiet,
    },
  });
}

function githubFailure(action: string, error: unknown, write: boolean): ActionError {
  const status = statusOf(error);
  const message = githubMessage(error);
  if (isPermissionError(error) || (write && status === 403)) {
    return new ActionError(
      `Could not ${action}: GitHub answered ${status ?? ''} ${JSON.stringify(message)}. ${PERMISSION_HINT}`,
    );
  }
  // Octokit reports "no answer at all" (refused, reset, DNS) as status 500 without a response.
  if (status === undefined || responseData(error) === undefined)
    return new ActionError(`Could not ${action}: ${message}.`);
  return new ActionError(`Could not ${action}: GitHub answered ${status} ${JSON.stringify(message)}.`);
}

export function isPermissionError(error: unknown): boolean {
  const status = statusOf(error);
  return (
    (status === 403 || status === 404) &&
    /resource not accessible by (integration|personal access token)/i.test(githubMessage(error))
  );
}

export function statusOf(error: unknown): number | undefined {
  return isObject(error) && typeof error.status === 'number' ? error.status : undefined;
}

export function responseData(error: unknown): unknown {
  return isObject(error) && isObject(error.response) ? error.response.data : undefined;
}

/** GitHub's own `message`, rather than Octokit's text (which appends the documentation URL). */
export function githubMessage(error: unknown): string {
  const data = responseData(error);
  if (isObject(data) && typeof data.message === 'string') return data.message;
  if (typeof data === 'string' && data.trim()) return data.trim().slice(0, 300);
  return errorMessage(error);
}
