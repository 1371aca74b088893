/**
 * What a failed GitHub call says: whether and when it is tried again, what is
 * logged before each retry, and the error once the attempts are spent (naming
 * what the call was for, and what to do).
 */
import { ActionError, CancelledError, errorMessage, InputError, TimeoutError } from './errors.js';
import { formatDuration } from './format.js';
import { GitHubCallError, GitHubPermissionError } from './github-answer.js';
import type { GiveUpReason, Verdict } from './retry.js';

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

export function verdictFor(error: unknown, hints: GitHubCallHints): Verdict {
  if (!(error instanceof GitHubCallError)) return { retry: false };
  const { problem } = error;
  if (problem.kind === 'rate-limit') return { retry: true, waitMs: problem.waitMs };
  // A leftover from a failed attempt: the next attempt clears it first.
  if (problem.kind === 'exists' && hints.inTheWay) return { retry: true, waitMs: 0 };
  if (problem.kind === 'transient') return { retry: true, waitMs: problem.waitMs };
  return { retry: false };
}

export function retryNote(error: unknown, delayMs: number, hints: GitHubCallHints): string {
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
export function githubFailure(
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
