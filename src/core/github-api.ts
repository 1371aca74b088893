/**
 * The machinery of calling GitHub's REST API: Octokit, loaded on demand; calls
 * bounded by a request timeout and the step's deadline, retried on transient
 * failures and rate limits; answers diagnosed into errors that say what to do.
 * What a call is for (and which permission it needs) is the caller's to say.
 */
import type { getOctokit } from '@actions/github';
import { loadUndici } from './undici-on-demand.js';
import { ActionError, CancelledError, errorMessage, InputError, TimeoutError } from './errors.js';
import { formatDuration } from './format.js';
import { abortReason, TransportError } from './http.js';
import type { Logger } from './log.js';
import { retry, type GiveUpReason, type Verdict } from './retry.js';
import { isObject } from './text.js';
import { parseRateLimitReset, parseRetryAfter, type Deadline } from './timing.js';
import { USER_AGENT } from './version.js';

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

/** What the errors of a family of calls add to GitHub's answer. */
export interface GitHubCallHints {
  /** Said after a 404: what was looked for. */
  notFound?: string;
  /** Said after a 403 that is not a rate limit: the permission the workflow must give the token. */
  permission?: string;
  /**
   * An `already_exists` 422 is something a failed attempt left in the way, which
   * the next attempt clears: retried at once. `retrying` is logged before each
   * retry; `gaveUp` is the failure once the attempts are spent. Without it, such
   * an answer fails the call.
   */
  inTheWay?: { retrying: string; gaveUp: (tries: number) => string };
}

export type Octokit = ReturnType<typeof getOctokit>;

/** GitHub asks for at least a minute before retrying a secondary rate limit that names no time. */
const SECONDARY_LIMIT_WAIT_MS = 60_000;

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

/** One GitHub answer (or its absence), as the diagnosis needs it. */
export interface GitHubAnswer {
  status?: number;
  headers: Record<string, unknown>;
  data: unknown;
  /** Text when there was no answer at all (refused, reset, timed out). */
  failure?: string;
}

/** What a GitHub answer means for the user and for retrying. */
export type Problem =
  | { kind: 'rate-limit'; waitMs: number; secondary: boolean }
  /** A 5xx, 408 or no answer at all; `waitMs` when it came with a Retry-After. */
  | { kind: 'transient'; waitMs?: number }
  | { kind: 'permission' | 'auth' | 'not-found' | 'exists' | 'other' };

/** GitHub refused a call because the token may not make it (a 403 that is not a rate limit). */
export class GitHubPermissionError extends ActionError {}

/** A GitHub call that failed, with the diagnosis of its answer. */
export class GitHubCallError extends Error {
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

/** An Octokit RequestError as a diagnosed GitHub answer. */
function octokitProblem(error: unknown): unknown {
  if (!isObject(error) || typeof error.status !== 'number') return error;
  const response = isObject(error.response) ? error.response : undefined;
  if (!response) return GitHubCallError.from({ headers: {}, data: undefined, failure: errorMessage(error) });
  const headers = isObject(response.headers) ? response.headers : {};
  return GitHubCallError.from({ status: error.status, headers, data: response.data });
}

/** Failures without a GitHub answer: the deadline, a cancellation, the network, the file on disk. */
export function transportProblem(error: unknown): unknown {
  if (!(error instanceof TransportError)) return error;
  if (error.kind === 'deadline') return new TimeoutError(error.message);
  if (error.kind === 'source') return new ActionError(error.message);
  return GitHubCallError.from({ headers: {}, data: undefined, failure: error.message });
}

function verdictFor(error: unknown, hints: GitHubCallHints): Verdict {
  if (!(error instanceof GitHubCallError)) return { retry: false };
  const { problem } = error;
  if (problem.kind === 'rate-limit') return { retry: true, waitMs: problem.waitMs };
  // A leftover from a failed attempt: the next attempt clears it first.
  if (problem.kind === 'exists' && hints.inTheWay) return { retry: true, waitMs: 0 };
  if (problem.kind === 'transient') return { retry: true, waitMs: problem.waitMs };
  return { retry: false };
}

function retryNote(error: unknown, delayMs: number, hints: GitHubCallHints): string {
  const wait = formatDuration(delayMs);
  if (error instanceof GitHubCallError && error.problem.kind === 'rate-limit') {
    return `${rateLimitText(error)}; waiting ${wait} (until ${clockTime(Date.now() + delayMs)}) before trying again`;
  }
  if (error instanceof GitHubCallError && error.problem.kind === 'exists' && hints.inTheWay) {
    return hints.inTheWay.retrying;
  }
  return `${answerText(error)}; retrying in ${wait}`;
}

/** The error a GitHub call fails with once no further attempt is made. */
function githubFailure(
  action: string,
  error: unknown,
  why: GiveUpReason | 'final',
  tries: number,
  hints: GitHubCallHints,
): unknown {
  if (error instanceof CancelledError)
    return new CancelledError(`The workflow was cancelled while trying to ${action}.`);
  if (error instanceof TimeoutError) return new TimeoutError(`The timeout ran out while trying to ${action}.`);
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
    return new TimeoutError(`The timeout ran out while trying to ${action}: ${answerText(error)}${after}.`);
  }
  if (problem.kind === 'permission') {
    const hint = hints.permission ? ` ${hints.permission}` : '';
    return new GitHubPermissionError(`Could not ${action}: ${answerText(error)}.${hint}`);
  }
  if (problem.kind === 'auth') {
    return new InputError(
      `Could not ${action}: GitHub refused github-token (${error.answer.status} ${error.message}).`,
    );
  }
  if (problem.kind === 'not-found' && hints.notFound) {
    return new ActionError(`Could not ${action}: ${answerText(error)}: ${hints.notFound}`);
  }
  if (problem.kind === 'exists' && hints.inTheWay) {
    return new ActionError(`Could not ${action}: ${hints.inTheWay.gaveUp(tries)}`);
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

function isPermissionError(error: unknown): boolean {
  const status = statusOf(error);
  return (
    (status === 403 || status === 404) &&
    /resource not accessible by (integration|personal access token)/i.test(githubMessage(error))
  );
}

function statusOf(error: unknown): number | undefined {
  return isObject(error) && typeof error.status === 'number' ? error.status : undefined;
}

function responseData(error: unknown): unknown {
  return isObject(error) && isObject(error.response) ? error.response.data : undefined;
}

/** GitHub's own `message`, rather than Octokit's text (which appends the documentation URL). */
function githubMessage(error: unknown): string {
  const data = responseData(error);
  if (isObject(data) && typeof data.message === 'string') return data.message;
  if (typeof data === 'string' && data.trim()) return data.trim().slice(0, 300);
  return errorMessage(error);
}
