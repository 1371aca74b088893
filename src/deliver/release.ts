import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { getOctokit } from '@actions/github';
import { ActionError, CancelledError, DeliveryTimeoutError, errorMessage, InputError } from '../core/errors.js';
import { claimUniqueName, contentTypeForName } from './file-names.js';
import { formatBytes, formatDuration } from '../core/format.js';
import { abortReason, openExchange, sweepBuffersPromptly, TransportError, type HttpExchange } from '../core/http.js';
import type { Logger } from '../core/log.js';
import { retry, type GiveUpReason, type Verdict } from '../core/retry.js';
import { describeSystemError, isObject } from '../core/text.js';
import { parseRateLimitReset, parseRetryAfter, type Deadline } from '../core/timing.js';
import { USER_AGENT } from '../core/version.js';

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

/** How GitHub calls are retried and bounded (release lookup and uploads alike). */
export interface GitHubCallOptions {
  /** Aborts the request in flight and any wait between attempts (the workflow was cancelled). */
  signal?: AbortSignal;
  /**
   * What is left of the step's `timeout`: every request, retry wait and
   * rate-limit wait ends by it; running out throws a DeliveryTimeoutError.
   */
  deadline?: Deadline;
  /** Default USER_AGENT. */
  userAgent?: string;
  /** Tries per call (and per asset) for transient failures and rate limits. Default 4. */
  attempts?: number;
  /** First retry delay; doubles each attempt, with jitter. Default 1 s. */
  retryBaseMs?: number;
  /** Default 30 s. */
  retryMaxMs?: number;
  /** A call that takes this long, or an upload that sends and receives nothing for this long, is retried. Default 60 s. */
  requestTimeoutMs?: number;
  /** A rate limit that clears later than this is not waited for. Default 15 min. */
  maxRateLimitWaitMs?: number;
  random?: () => number;
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
  /** GITHUB_EVENT_PATH: the event payload, which holds `release` for release events. */
  eventPath: string | undefined;
  log?: Logger;
}

export interface UploadOptions extends GitHubCallOptions {
  token: string;
  apiUrl: string;
  log: Logger;
  /** Called as each asset is complete on the release, so assets uploaded before a failure are known. */
  onAssetUploaded?: (url: string, name: string) => void;
}

type Octokit = ReturnType<typeof getOctokit>;

const PERMISSION_HINT =
  'The token cannot write to releases: add `permissions: contents: write` to the workflow (or the job) that runs this step.';
/** GitHub's answers to these calls are small; a bigger one is not GitHub. */
const MAX_ANSWER_BYTES = 1024 * 1024;
/** GitHub asks for at least a minute before retrying a secondary rate limit that names no time. */
const SECONDARY_LIMIT_WAIT_MS = 60_000;

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
  const { owner, repo } = splitRepository(options.repository);
  const github = new GitHubCalls(await connect(options.token, options.apiUrl, options.log, options.userAgent), options);
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

/**
 * The items of a GitHub list, page after page (each page one bounded,
 * retried call: Octokit's paginate drops the request's signal). With `wanted`,
 * only matching items, and no page after the first that has one.
 */
async function everyPage<T>(
  github: GitHubCalls,
  action: string,
  page: (page: number, request: { signal: AbortSignal }) => Promise<{ data: T[]; headers: { link?: string } }>,
  wanted?: (item: T) => boolean,
): Promise<T[]> {
  const items: T[] = [];
  for (let number = 1; ; number++) {
    const { data, headers } = await github.call(action, (request) => page(number, request));
    const kept = wanted ? data.filter(wanted) : data;
    items.push(...kept);
    if ((wanted && kept.length > 0) || !/rel="next"/.test(headers.link ?? '')) return items;
  }
}

/**
 * Attaches `files` to the release, one at a time (GitHub's advice against
 * secondary rate limits), and returns their download URLs. An asset of the
 * same name already on the release (from an earlier run) is replaced. Each
 * upload is retried on transient failures and rate limits within the
 * deadline; before a retry, whatever a failed upload left behind under that
 * name (a `starter` asset) is deleted, so each name ends with exactly one
 * complete asset.
 */
export async function uploadReleaseAssets(
  target: ReleaseTarget,
  files: Array<{ absolutePath: string; name: string }>,
  options: UploadOptions,
): Promise<string[]> {
  if (files.length === 0) return [];
  sweepBuffersPromptly();
  const { owner, repo, releaseId, tag } = target;
  const octokit = await connect(options.token, options.apiUrl, options.log, options.userAgent);
  const github = new GitHubCalls(
    octokit,
    options,
    `release ${tag} (id ${releaseId}) is not in ${owner}/${repo} any more; was it deleted while the job ran?`,
  );
  const assets = new ReleaseAssets(github, target, options);
  let existing = await assets.list();

  const claimed = new Set<string>();
  const urls: string[] = [];
  for (const [index, file] of files.entries()) {
    const name = claimUniqueName(releaseAssetName(file.name), claimed);
    for (const old of existing.filter((asset) => releaseAssetName(asset.name) === name)) {
      options.log.info(`Replacing the asset ${old.name} already on release ${target.tag}.`);
      await assets.delete(old);
    }
    existing = existing.filter((asset) => releaseAssetName(asset.name) !== name);
    const url = await assets.upload(file.absolutePath, name, `${index + 1} of ${files.length}`);
    options.onAssetUploaded?.(url, name);
    urls.push(url);
  }
  return urls;
}

interface Asset {
  id: number;
  name: string;
  state?: string;
}

/** The assets of one release: list, delete, upload (each retried and bounded). */
class ReleaseAssets {
  private readonly uploadBase: string;
  private readonly where: string;

  constructor(
    private readonly github: GitHubCalls,
    private readonly target: ReleaseTarget,
    private readonly options: UploadOptions,
  ) {
    this.uploadBase = target.uploadUrl.replace(/\{[^}]*\}$/, '');
    this.where = `release ${target.tag}`;
  }

  async list(): Promise<Asset[]> {
    const { owner, repo, releaseId } = this.target;
    const { octokit } = this.github;
    return everyPage(this.github, `list the assets of ${this.where}`, (page, request) =>
      octokit.rest.repos.listReleaseAssets({ owner, repo, release_id: releaseId, per_page: 100, page, request }),
    );
  }

  async delete(asset: Asset): Promise<void> {
    const { owner, repo } = this.target;
    await this.github.call(
      `delete the asset ${asset.name} from ${this.where}`,
      async (request) => {
        await this.github.octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: asset.id, request });
      },
      // Already gone (a concurrent re-run) is what we wanted.
      () => undefined,
    );
  }

  /** Deletes whatever is on the release under `name`: what a failed upload may have left behind. */
  async clear(name: string): Promise<void> {
    for (const asset of await this.list()) {
      if (asset.name !== name) continue;
      this.options.log.info(
        `Deleting the ${asset.state && asset.state !== 'uploaded' ? `incomplete (${asset.state}) ` : ''}asset ${name} a failed upload left on ${this.where}.`,
      );
      await this.delete(asset);
    }
  }

  /** Uploads one file as `name`, retried within the deadline; its browser_download_url. */
  async upload(file: string, name: string, position: string): Promise<string> {
    const { log } = this.options;
    const what = `${name} to ${this.where}`;
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch (error) {
      throw new ActionError(`Could not upload ${what}: cannot read ${file} (${describeSystemError(error)}).`);
    }
    log.info(`Uploading ${name} (${formatBytes(size)}) to ${this.where} (${position}).`);
    const started = Date.now();
    const url = await this.github.retrying(`upload ${what}`, async (attempt) => {
      if (attempt > 1) await this.clear(name);
      return this.post(file, name, size);
    });
    log.info(`Uploaded ${name} to ${this.where} in ${formatDuration(Date.now() - started)}: ${url}`);
    return url;
  }

  /**
   * POSTs one file to the release's upload URL, streamed from disk, through
   * the shared HTTP exchange (which honours the runner's proxy settings)
   * rather than Octokit: Octokit sends with fetch, and undici's fetch keeps a
   * streamed request body in memory until the request ends
   * (nodejs/undici#4058), so a 1 GB asset would cost 1 GB of RAM.
   */
  private async post(file: string, name: string, size: number): Promise<string> {
    const url = new URL(this.uploadBase);
    url.searchParams.set('name', name);
    const stream = createReadStream(file);
    let exchange: HttpExchange | undefined;
    try {
      exchange = await openExchange({
        method: 'POST',
        url: url.href,
        headers: {
          Authorization: `token ${this.options.token}`,
          Accept: 'application/vnd.github+json',
          'Content-Type': contentTypeForName(name),
          // GitHub needs the length up front (no chunked uploads).
          'Content-Length': String(size),
        },
        body: stream,
        userAgent: this.options.userAgent ?? USER_AGENT,
        deadline: this.options.deadline,
        idleTimeoutMs: this.options.requestTimeoutMs ?? 60_000,
        signal: this.options.signal,
      });
      const text = await exchange.readText(MAX_ANSWER_BYTES);
      const data = parseJson(text);
      if (exchange.status === 201 || exchange.status === 200) {
        if (isObject(data) && typeof data.browser_download_url === 'string') return data.browser_download_url;
        throw new ActionError(`Uploaded ${name}, but GitHub's answer has no browser_download_url.`);
      }
      throw GitHubCallError.from({ status: exchange.status, headers: exchange.response.headers, data });
    } catch (error) {
      throw transportProblem(error);
    } finally {
      exchange?.close();
      stream.destroy();
    }
  }
}

/** One GitHub answer (or its absence), as the diagnosis needs it. */
interface GitHubAnswer {
  status?: number;
  headers: Record<string, unknown>;
  data: unknown;
  /** Text when there was no answer at all (refused, reset, timed out). */
  failure?: string;
}

/** What a GitHub answer means for the user and for retrying. */
type Problem =
  | { kind: 'rate-limit'; waitMs: number; secondary: boolean }
  /** A 5xx, 408 or no answer at all; `waitMs` when it came with a Retry-After. */
  | { kind: 'transient'; waitMs?: number }
  | { kind: 'permission' | 'auth' | 'not-found' | 'exists' | 'other' };

/** A GitHub call that failed, with the diagnosis of its answer. */
class GitHubCallError extends Error {
  constructor(
    readonly answer: GitHubAnswer,
    readonly problem: Problem,
  ) {
    super(answer.failure ?? githubMessage({ status: answer.status, response: { data: answer.data } }));
  }

  static from(answer: GitHubAnswer): GitHubCallError {
    return new GitHubCallError(answer, diagnose(answer));
  }
}

/**
 * Reads GitHub's answer the way its REST documentation asks: a 403 or 429
 * with `retry-after`, or with `x-ratelimit-remaining: 0`, or whose message
 * says "rate limit", is a rate limit (wait, then retry), not a permission
 * problem. Only a 403 without those signs means the token may not do this.
 */
function diagnose(answer: GitHubAnswer, now = Date.now()): Problem {
  const { status } = answer;
  if (status === undefined) return { kind: 'transient' };
  const message = githubMessage({ status, response: { data: answer.data } });
  const header = (name: string) => {
    const value = answer.headers[name];
    return typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : undefined;
  };
  const retryAfter = parseRetryAfter(header('retry-after'), now);
  const exhausted = header('x-ratelimit-remaining') === '0';
  if (status === 403 || status === 429) {
    if (retryAfter !== undefined) return { kind: 'rate-limit', waitMs: retryAfter, secondary: !exhausted };
    if (exhausted) {
      const reset = parseRateLimitReset(header('x-ratelimit-reset'), now);
      return { kind: 'rate-limit', waitMs: reset ?? SECONDARY_LIMIT_WAIT_MS, secondary: false };
    }
    if (status === 429 || /rate limit/i.test(message))
      return { kind: 'rate-limit', waitMs: SECONDARY_LIMIT_WAIT_MS, secondary: true };
  }
  if (status === 401) return { kind: 'auth' };
  // Without the signs of a rate limit, a 403 means the token may not do this.
  if (status === 403 || isPermissionError({ status, response: { data: answer.data } })) return { kind: 'permission' };
  if (status === 404) return { kind: 'not-found' };
  if (status === 422 && JSON.stringify(answer.data ?? '').includes('already_exists')) return { kind: 'exists' };
  if (status === 408 || status >= 500) return { kind: 'transient', waitMs: retryAfter };
  return { kind: 'other' };
}

/**
 * GitHub calls made through Octokit or the upload exchange, each bounded by
 * `requestTimeoutMs` and the deadline, retried on transient failures and rate
 * limits, and turned into errors that say what to do.
 */
class GitHubCalls {
  constructor(
    readonly octokit: Octokit,
    private readonly options: GitHubCallOptions & { log?: Logger },
    /** Said after a 404: what was looked for. */
    private readonly notFound?: string,
  ) {}

  /**
   * One Octokit call (`send` gets the `request` options to pass), retried and
   * bounded. With `ifMissing`, a 404 resolves to its value instead of failing.
   */
  call<T>(action: string, send: (request: { signal: AbortSignal }) => Promise<T>, ifMissing?: () => T): Promise<T> {
    return this.retrying(action, async () => {
      try {
        return await this.bounded(send);
      } catch (error) {
        if (ifMissing && error instanceof GitHubCallError && error.problem.kind === 'not-found') return ifMissing();
        throw error;
      }
    });
  }

  /** Runs `attempt` with the retry rules for GitHub: transient failures, rate limits, an `already_exists` leftover. */
  retrying<T>(action: string, attempt: (n: number) => Promise<T>): Promise<T> {
    const { options } = this;
    const attempts = options.attempts ?? 4;
    return retry(attempt, {
      attempts,
      baseMs: options.retryBaseMs ?? 1_000,
      maxMs: options.retryMaxMs ?? 30_000,
      random: options.random,
      deadline: options.deadline,
      maxWaitMs: options.maxRateLimitWaitMs ?? 15 * 60_000,
      signal: options.signal,
      judge: verdictFor,
      onRetry: (error, delayMs, next) =>
        options.log?.info(`Could not ${action}: ${retryNote(error, delayMs)} (attempt ${next} of ${attempts}).`),
      giveUp: (error, why, tries) => githubFailure(action, error, why, tries, this.notFound),
    });
  }

  /** `send` with a signal that ends it at the request timeout, the deadline or a cancellation. */
  private async bounded<T>(send: (request: { signal: AbortSignal }) => Promise<T>): Promise<T> {
    const { deadline, signal } = this.options;
    const limit = this.options.requestTimeoutMs ?? 60_000;
    const left = deadline?.remaining() ?? Infinity;
    if (left <= 0) throw new TransportError('the timeout ran out', 'deadline');
    const controller = new AbortController();
    const timer = setTimeout(
      () =>
        controller.abort(
          left <= limit
            ? new TransportError('the timeout ran out', 'deadline')
            : new TransportError(`no answer within ${formatDuration(limit)}`, 'timeout'),
        ),
      Math.min(left, limit),
    );
    const onCancel = () => controller.abort(signal ? abortReason(signal) : undefined);
    if (signal?.aborted) onCancel();
    else signal?.addEventListener('abort', onCancel, { once: true });
    try {
      return await send({ signal: controller.signal });
    } catch (error) {
      throw transportProblem(controller.signal.aborted ? controller.signal.reason : octokitProblem(error));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onCancel);
    }
  }
}

/** An Octokit RequestError as a diagnosed GitHub answer. */
function octokitProblem(error: unknown): unknown {
  if (!isObject(error) || typeof error.status !== 'number') return error;
  const response = isObject(error.response) ? error.response : undefined;
  if (!response) return GitHubCallError.from({ headers: {}, data: undefined, failure: errorMessage(error) });
  const headers = isObject(response.headers) ? response.headers : {};
  return GitHubCallError.from({ status: error.status, headers, data: response.data });
}

/** Failures without a GitHub answer: the deadline, a cancellation, the network, the file on disk. */
function transportProblem(error: unknown): unknown {
  if (!(error instanceof TransportError)) return error;
  if (error.kind === 'deadline') return new DeliveryTimeoutError(error.message);
  if (error.kind === 'source') return new ActionError(error.message);
  return GitHubCallError.from({ headers: {}, data: undefined, failure: error.message });
}

function verdictFor(error: unknown): Verdict {
  if (!(error instanceof GitHubCallError)) return { retry: false };
  const { problem } = error;
  if (problem.kind === 'rate-limit') return { retry: true, waitMs: problem.waitMs };
  // A leftover from a failed upload: the next attempt deletes it first.
  if (problem.kind === 'exists') return { retry: true, waitMs: 0 };
  if (problem.kind === 'transient') return { retry: true, waitMs: problem.waitMs };
  return { retry: false };
}

function retryNote(error: unknown, delayMs: number): string {
  const wait = formatDuration(delayMs);
  if (error instanceof GitHubCallError && error.problem.kind === 'rate-limit') {
    return `${rateLimitText(error)}; waiting ${wait} (until ${clockTime(Date.now() + delayMs)}) before trying again`;
  }
  if (error instanceof GitHubCallError && error.problem.kind === 'exists') {
    return 'an asset with that name is in the way (left by a failed upload); deleting it and trying again';
  }
  return `${answerText(error)}; retrying in ${wait}`;
}

/** The error a GitHub call fails with once no further attempt is made. */
function githubFailure(
  action: string,
  error: unknown,
  why: GiveUpReason | 'final',
  tries: number,
  notFound?: string,
): unknown {
  if (error instanceof CancelledError)
    return new CancelledError(`The workflow was cancelled while trying to ${action}.`);
  if (error instanceof DeliveryTimeoutError)
    return new DeliveryTimeoutError(`The timeout ran out while trying to ${action}.`);
  if (!(error instanceof GitHubCallError)) return error;
  const after = tries > 1 ? ` (after ${tries} attempts)` : '';
  const { problem } = error;
  if (problem.kind === 'rate-limit') {
    const clears = Date.now() + problem.waitMs;
    const when =
      why === 'deadline'
        ? ', after the time left (timeout)'
        : why === 'too-long'
          ? ', later than the action waits'
          : `${after}`;
    return new ActionError(
      `Could not ${action}: ${rateLimitText(error)}. It clears in ${formatDuration(problem.waitMs)} ` +
        `(at ${clockTime(clears)})${when}. This is not a permission problem: run again after that.`,
    );
  }
  if (why === 'deadline') {
    return new DeliveryTimeoutError(`The timeout ran out while trying to ${action}: ${answerText(error)}${after}.`);
  }
  if (problem.kind === 'permission') {
    return new ActionError(`Could not ${action}: ${answerText(error)}. ${PERMISSION_HINT}`);
  }
  if (problem.kind === 'auth') {
    return new InputError(
      `Could not ${action}: GitHub refused github-token (${error.answer.status} ${error.message}).`,
    );
  }
  if (problem.kind === 'not-found' && notFound) {
    return new ActionError(`Could not ${action}: ${answerText(error)}: ${notFound}`);
  }
  if (problem.kind === 'exists') {
    return new ActionError(
      `Could not ${action}: an asset with that name is still in the way after ${tries} attempts; delete it on the release page and run again.`,
    );
  }
  return new ActionError(`Could not ${action}: ${answerText(error)}${after}.`);
}

function rateLimitText(error: GitHubCallError): string {
  const kind = error.problem.kind === 'rate-limit' && error.problem.secondary ? 'secondary rate limit' : 'rate limit';
  return `GitHub's ${kind} was hit (${answerText(error, false)})`;
}

/** `GitHub answered 404 "Not Found"`, or the network failure when nothing answered. */
function answerText(error: unknown, prefix = true): string {
  if (!(error instanceof GitHubCallError)) return errorMessage(error);
  const { status, failure } = error.answer;
  if (status === undefined) return failure ?? error.message;
  return `${prefix ? 'GitHub answered ' : ''}${status} ${JSON.stringify(error.message)}`;
}

/** `14:05:09 UTC`: when a rate limit clears, as the runner's log (UTC) shows time. */
function clockTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 19)} UTC`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
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
  const fullName = isObject(payload) && isObject(payload.repository) ? payload.repository.full_name : undefined;
  const { owner, repo } = splitRepository(options.repository || (typeof fullName === 'string' ? fullName : undefined));
  const target = isObject(release) ? toTarget(owner, repo, release) : undefined;
  if (!isObject(release) || !target) {
    throw new ActionError('upload-to-release: the release event payload has no release id, tag and upload_url.');
  }
  refuseImmutable(release, target);
  return target;
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
export async function connect(
  token: string,
  apiUrl: string,
  log: Logger | undefined,
  userAgent: string = USER_AGENT,
): Promise<Octokit> {
  const { getOctokit } = await import('@actions/github');
  const quiet = () => undefined;
  return getOctokit(token, {
    baseUrl: apiUrl.replace(/\/+$/, ''),
    userAgent,
    log: {
      debug: log ? (message: string) => log.debug(message) : quiet,
      info: log ? (message: string) => log.debug(message) : quiet,
      warn: log ? (message: string) => log.warning(message) : quiet,
      error: log ? (message: string) => log.warning(message) : quiet,
    },
  });
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
