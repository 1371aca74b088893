/**
 * GitHub's answers read the way its REST documentation asks: what a failed
 * call means (a rate limit to wait for, a permission the token lacks, a
 * leftover in the way, a transient failure), and GitHub's own message.
 */
import { ActionError, errorMessage } from './errors.js';
import { clip, isObject } from './text.js';
import { parseRateLimitReset, parseRetryAfter } from './timing.js';

/** GitHub asks for at least a minute before retrying a secondary rate limit that names no time. */
export const SECONDARY_LIMIT_WAIT_MS = 60_000;

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

/** An Octokit RequestError as a diagnosed GitHub answer. */
export function octokitProblem(error: unknown): unknown {
  if (!isObject(error) || typeof error.status !== 'number') return error;
  const response = isObject(error.response) ? error.response : undefined;
  if (!response) return GitHubCallError.from({ headers: {}, data: undefined, failure: errorMessage(error) });
  const headers = isObject(response.headers) ? response.headers : {};
  return GitHubCallError.from({ status: error.status, headers, data: response.data });
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
  if (typeof data === 'string' && data.trim()) return clip(data.trim(), 300);
  return errorMessage(error);
}
