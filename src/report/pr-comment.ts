/**
 * Previews on the pull request (`comment-on-pr`): one comment per workflow,
 * job and step, created on the first run and updated in place on later ones,
 * found again by a hidden marker. Writing it is never what fails the step: the
 * paid result was already delivered, so every failure is a warning to log.
 */
import { errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { connect, githubMessage, isPermissionError, responseData, statusOf, type Octokit } from '../core/github-api.js';
import { isObject } from '../core/text.js';

export interface PullRequestCommentOptions {
  /** The github-token input (GITHUB_TOKEN). */
  token: string | undefined;
  /** GITHUB_API_URL, e.g. `https://api.github.com`. */
  apiUrl: string;
  /** GITHUB_REPOSITORY, `owner/repo`. */
  repository: string | undefined;
  /** GITHUB_EVENT_NAME. */
  eventName: string | undefined;
  /** The parsed event payload (the JSON file at GITHUB_EVENT_PATH). */
  eventPayload: unknown;
  /** From `commentMarker()`: which workflow, job and step the comment belongs to. */
  marker: string;
  /** The comment's markdown: status, credits, previews, release assets. */
  body: string;
  /** From `workflowRunUrl()`: linked at the end of the comment. */
  runUrl: string | undefined;
  log: Logger;
  signal?: AbortSignal;
}

export interface PullRequestCommentResult {
  outcome: 'created' | 'updated' | 'skipped' | 'forbidden' | 'failed';
  /** The comment's html_url, when it was written. */
  url?: string;
  /** One line for the log. */
  message: string;
  /** How to log `message`: `warning` for forbidden and failed, `notice` for skipped, else `info`. */
  level: 'info' | 'notice' | 'warning';
}

/** The events whose runs belong to a pull request (issue_comment only on a pull request). */
const PULL_REQUEST_EVENTS: readonly string[] = ['pull_request', 'pull_request_target', 'issue_comment'];

/** GitHub refuses comment bodies longer than this many characters. */
export const MAX_COMMENT_CHARS = 65_536;

const MARKER_PREFIX = '<!-- armox-app-action:';

const PERMISSION_HINT =
  'Give the job `permissions: pull-requests: write` (pull requests from forks get a read-only token, ' +
  'so they cannot be commented on from a `pull_request` run).';

/**
 * The hidden marker that finds this step's comment again. Built from
 * GITHUB_WORKFLOW, GITHUB_JOB and GITHUB_ACTION (the step's id, or `__owner_repo`
 * / `__owner_repo_2` for steps without one), so two steps keep two comments.
 * `extra` tells apart comments that share all three (matrix legs, for example).
 */
export function commentMarker(ids: {
  workflow: string | undefined;
  job: string | undefined;
  action: string | undefined;
  extra?: string;
}): string {
  const parts = [ids.workflow, ids.job, ids.action, ...(ids.extra ? [ids.extra] : [])];
  // Encoded so no value can close the HTML comment (`-->`) or span lines.
  return `${MARKER_PREFIX} ${parts.map((part) => encodeURIComponent(part ?? '')).join(' / ')} -->`;
}

/** `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`, or undefined when one is missing. */
export function workflowRunUrl(env: {
  serverUrl: string | undefined;
  repository: string | undefined;
  runId: string | undefined;
  runAttempt?: string | undefined;
}): string | undefined {
  if (!env.repository || !env.runId) return undefined;
  const server = (env.serverUrl || 'https://github.com').replace(/\/+$/, '');
  const attempt = env.runAttempt && env.runAttempt !== '1' ? `/attempts/${encodeURIComponent(env.runAttempt)}` : '';
  return `${server}/${env.repository}/actions/runs/${encodeURIComponent(env.runId)}${attempt}`;
}

/**
 * The whole comment: the marker first (that is how it is found again), the
 * body, and the link to the workflow run. A body over GitHub's limit is cut
 * and says so, keeping the marker and the link.
 */
export function renderCommentBody(marker: string, body: string, runUrl: string | undefined): string {
  const footer = runUrl ? `\n\n<sub>[Workflow run](${runUrl}) · armox-app-action</sub>` : '';
  const cut = '\n\n… (cut: the comment is too long; the workflow run has everything)';
  const room = MAX_COMMENT_CHARS - marker.length - 1 - footer.length;
  const text = body.trim();
  const fitted = text.length <= room ? text : `${text.slice(0, Math.max(0, room - cut.length))}${cut}`;
  return `${marker}\n${fitted}${footer}`;
}

/** The pull request's number when the event belongs to one, else undefined. */
export function pullRequestNumber(eventName: string | undefined, payload: unknown): number | undefined {
  if (!eventName || !PULL_REQUEST_EVENTS.includes(eventName) || !isObject(payload)) return undefined;
  if (eventName === 'issue_comment') {
    const issue = payload.issue;
    return isObject(issue) && isObject(issue.pull_request) && typeof issue.number === 'number'
      ? issue.number
      : undefined;
  }
  const pull = payload.pull_request;
  if (isObject(pull) && typeof pull.number === 'number') return pull.number;
  return typeof payload.number === 'number' ? payload.number : undefined;
}

/**
 * Creates this step's comment on the pull request, or updates the one an
 * earlier run left. Never throws: a refusal or a failure comes back as a
 * warning, because the paid result was delivered already.
 */
export async function publishPullRequestComment(options: PullRequestCommentOptions): Promise<PullRequestCommentResult> {
  const number = pullRequestNumber(options.eventName, options.eventPayload);
  if (number === undefined) {
    const event = options.eventName ? `a ${options.eventName} event` : 'an unknown event';
    const onIssue = options.eventName === 'issue_comment' ? ' on an issue, not a pull request' : '';
    return skipped(`comment-on-pr: no pull request to comment on (this run was triggered by ${event}${onIssue}).`);
  }
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(options.repository ?? '');
  if (!match) return failed(`GITHUB_REPOSITORY is ${JSON.stringify(options.repository ?? '')}, not owner/repo.`);
  if (!options.token) {
    return failed('github-token is empty: pass `github-token: ${{ github.token }}`. ' + PERMISSION_HINT);
  }
  const target = { owner: match[1]!, repo: match[2]!, number };
  const text = renderCommentBody(options.marker, options.body, options.runUrl);
  let step = `list the comments of pull request #${number}`;
  try {
    const octokit = await connect(options.token, options.apiUrl, options.log);
    const request = { signal: options.signal };
    const existing = await findComment(octokit, target, options.marker, request);
    step = existing ? `update comment ${existing} on pull request #${number}` : `comment on pull request #${number}`;
    const { data } = existing
      ? await octokit.rest.issues.updateComment({ ...repoOf(target), comment_id: existing, body: text, request })
      : await octokit.rest.issues.createComment({ ...repoOf(target), issue_number: number, body: text, request });
    const done = existing ? 'Updated the comment on' : 'Commented on';
    return {
      outcome: existing ? 'updated' : 'created',
      url: data.html_url,
      message: `${done} pull request #${number}: ${data.html_url}`,
      level: 'info',
    };
  } catch (error) {
    return refusal(step, error, options.signal);
  }
}

type Target = { owner: string; repo: string; number: number };

const repoOf = (target: Target) => ({ owner: target.owner, repo: target.repo });

/** The id of the oldest comment that starts with the marker, reading page after page until found. */
async function findComment(
  octokit: Octokit,
  target: Target,
  marker: string,
  request: { signal?: AbortSignal },
): Promise<number | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    ...repoOf(target),
    issue_number: target.number,
    per_page: 100,
    request,
  });
  for await (const page of pages) {
    const found = page.data.find((comment) => (comment.body ?? '').trimStart().startsWith(marker));
    if (found) return found.id;
  }
  return undefined;
}

function skipped(message: string): PullRequestCommentResult {
  return { outcome: 'skipped', message, level: 'notice' };
}

function failed(reason: string): PullRequestCommentResult {
  return {
    outcome: 'failed',
    message: `comment-on-pr: ${reason} This does not fail the step.`,
    level: 'warning',
  };
}

/** A failed call as a result: `forbidden` when the token may not write, else `failed`. */
function refusal(step: string, error: unknown, signal: AbortSignal | undefined): PullRequestCommentResult {
  if (signal?.aborted) return failed(`the workflow was cancelled before it could ${step}.`);
  const status = statusOf(error);
  const message = githubMessage(error);
  if (isPermissionError(error)) {
    return {
      outcome: 'forbidden',
      message: `comment-on-pr: the token may not ${step} (GitHub answered ${status} ${JSON.stringify(message)}). ${PERMISSION_HINT} This does not fail the step.`,
      level: 'warning',
    };
  }
  // Octokit reports "no answer at all" (refused, reset, DNS) as status 500 without a response.
  const answer =
    status === undefined || responseData(error) === undefined
      ? errorMessage(error)
      : `GitHub answered ${status} ${JSON.stringify(message)}`;
  return failed(`could not ${step}: ${answer}.`);
}
