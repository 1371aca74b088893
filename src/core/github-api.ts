/**
 * The machinery of calling GitHub's REST API: Octokit, loaded on demand; calls
 * bounded by a request timeout and the step's deadline, retried on transient
 * failures and rate limits; answers diagnosed into errors that say what to do.
 * What a call is for (and which permission it needs) is the caller's to say.
 */
import type { getOctokit } from '@actions/github';
import { loadUndici } from './undici-on-demand.js';
import { ActionError, TimeoutError } from './errors.js';
import { formatDuration } from './format.js';
import { GitHubCallError, octokitProblem } from './github-answer.js';
import { githubFailure, retryNote, verdictFor, type GitHubCallHints } from './github-failure.js';
import { abortReason, TransportError } from './http.js';
import type { Logger } from './log.js';
import { retry } from './retry.js';
import type { Deadline } from './timing.js';
import { USER_AGENT } from './version.js';

export { GitHubCallError, GitHubPermissionError, type GitHubAnswer, type Problem } from './github-answer.js';
export type { GitHubCallHints } from './github-failure.js';

/**
 * For a lookup that decides what the step does before paying (a permission, the run's start):
 * a few quick attempts, and no long wait for a rate limit.
 */
export const LOOKUP_CALLS = { attempts: 3, requestTimeoutMs: 15_000, maxRateLimitWaitMs: 60_000 } as const;

/** How GitHub calls are retried and bounded. */
export interface GitHubCallOptions {
  /** Aborts the request in flight and any wait between attempts (the workflow was cancelled). */
  signal?: AbortSignal;
  /**
   * What is left of the step's `timeout`: every request, retry wait and
   * rate-limit wait ends by it; running out throws a TimeoutError (which the
   * delivery code turns into a DeliveryTimeoutError for its own calls).
   */
  deadline?: Deadline;
  /** Default USER_AGENT. */
  userAgent?: string;
  /** Tries per call for transient failures and rate limits. Default 4. */
  attempts?: number;
  /** First retry delay; doubles each attempt, with jitter. Default 1 s. */
  retryBaseMs?: number;
  /** Default 30 s. */
  retryMaxMs?: number;
  /** A call that takes this long (or, for a streamed call, sends and receives nothing for this long) is retried. Default 60 s. */
  requestTimeoutMs?: number;
  /** A rate limit that clears later than this is not waited for. Default 15 min. */
  maxRateLimitWaitMs?: number;
  random?: () => number;
}

export type Octokit = ReturnType<typeof getOctokit>;

/**
 * The items of a GitHub list, page after page (each page one bounded,
 * retried call: Octokit's paginate drops the request's signal). With `wanted`,
 * only matching items, and no page after the first that has one.
 */
export async function everyPage<T>(
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
 * GitHub calls made through Octokit or the upload exchange, each bounded by
 * `requestTimeoutMs` and the deadline, retried on transient failures and rate
 * limits, and turned into errors that say what to do.
 */
export class GitHubCalls {
  constructor(
    readonly octokit: Octokit,
    private readonly options: GitHubCallOptions & { log?: Logger },
    private readonly hints: GitHubCallHints = {},
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
      judge: (error) => verdictFor(error, this.hints),
      onRetry: (error, delayMs, next) =>
        options.log?.info(
          `Could not ${action}: ${retryNote(error, delayMs, this.hints)} (attempt ${next} of ${attempts}).`,
        ),
      giveUp: (error, why, tries) => githubFailure(action, error, why, tries, this.hints),
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

/** Failures without a GitHub answer: the deadline, a cancellation, the network, the file on disk. */
export function transportProblem(error: unknown): unknown {
  if (!(error instanceof TransportError)) return error;
  if (error.kind === 'deadline') return new TimeoutError(error.message);
  if (error.kind === 'source') return new ActionError(error.message);
  return GitHubCallError.from({ headers: {}, data: undefined, failure: error.message });
}

/** GITHUB_REPOSITORY (`owner/repo`) in its two parts, or undefined when it is not that. */
export function splitRepository(repository: string | undefined): { owner: string; repo: string } | undefined {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(repository ?? '');
  return match ? { owner: match[1]!, repo: match[2]! } : undefined;
}

/** Octokit, loaded only when a GitHub call is to be made (it is a large part of the bundle). */
export async function connect(
  token: string,
  apiUrl: string,
  log: Logger | undefined,
  userAgent: string = USER_AGENT,
): Promise<Octokit> {
  await loadUndici();
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
