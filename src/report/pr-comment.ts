/**
 * Previews on the pull request (`comment-on-pr`): one comment per workflow,
 * job and step, created on the first run and updated in place on later ones,
 * found again by a hidden marker. Writing it is never what fails the step: the
 * paid result was already delivered, so every failure is a warning to log.
 */
import { CancelledError, errorMessage, TimeoutError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import {
  connect,
  everyPage,
  GitHubCalls,
  GitHubPermissionError,
  splitRepository,
  type GitHubCallOptions,
} from '../core/github-api.js';
import { isObject } from '../core/text.js';
import { cutAtSafeLine } from './markdown-cut.js';
import type { Deadline } from '../core/timing.js';

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
  /** What is left of the step's `timeout`: every call and retry wait ends by it. */
  deadline?: Deadline;
  /** Retry settings for the GitHub calls (tests shorten them). */
  calls?: Pick<GitHubCallOptions, 'retryBaseMs' | 'retryMaxMs' | 'attempts' | 'requestTimeoutMs'>;
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
 * between lines, never inside a fence or a tag, and says what was left out.
 */
export function renderCommentBody(marker: string, body: string, runUrl: string | undefined): string {
  const footer = runUrl ? `\n\n<sub>[Workflow run](${runUrl}) · armox-app-action</sub>` : '';
  const text = body.trim();
  const room = MAX_COMMENT_CHARS - marker.length - 1 - footer.length;
  const { kept, cut } = cutAtSafeLine(text, room - CUT_NOTE_ROOM);
  if (!cut) return `${marker}\n${text}${footer}`;
  const left = text.split('\n').length - kept.split('\n').length;
  const note = `\n\n_The last ${left} lines are left out: the comment is too long. The workflow run's summary has everything._`;
  return `${marker}\n${kept}${note}${footer}`;
}

/** Room kept for the line that says a comment was cut. */
const CUT_NOTE_ROOM = 200;

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
  const repository = splitRepository(options.repository);
  if (!repository) return failed(`GITHUB_REPOSITORY is ${JSON.stringify(options.repository ?? '')}, not owner/repo.`);
  if (!options.token) {
    return failed('github-token is empty: pass `github-token: ${{ github.token }}`. ' + PERMISSION_HINT);
  }
  const target = { ...repository, number };
  const text = renderCommentBody(options.marker, options.body, options.runUrl);
  try {
    const octokit = await connect(options.token, options.apiUrl, options.log);
    const github = new GitHubCalls(
      octokit,
      { signal: options.signal, deadline: options.deadline, log: options.log, attempts: 3, ...options.calls },
      { permission: PERMISSION_HINT },
    );
    const existing = await findComment(github, target, options.marker, options.log);
    const { data } = existing
      ? await github.call(`update comment ${existing} on pull request #${number}`, (request) =>
          octokit.rest.issues.updateComment({ ...repoOf(target), comment_id: existing, body: text, request }),
        )
      : await github.call(`comment on pull request #${number}`, (request) =>
          octokit.rest.issues.createComment({ ...repoOf(target), issue_number: number, body: text, request }),
        );
    const done = existing ? 'Updated the comment on' : 'Commented on';
    return {
      outcome: existing ? 'updated' : 'created',
      url: data.html_url,
      message: `${done} pull request #${number}: ${data.html_url}`,
      level: 'info',
    };
  } catch (error) {
    return refusal(error);
  }
}

type Target = { owner: string; repo: string; number: number };
type Comment = { id: number; body?: string | null; user?: { login?: string; type?: string } | null };

const repoOf = (target: Target) => ({ owner: target.owner, repo: target.repo });

/**
 * The oldest comment an earlier run of this step wrote: it starts with the
 * marker and was written by the token's account. Anyone can copy the marker
 * into a comment of their own; updating theirs would put the previews under
 * their name, where they could change them later.
 */
async function findComment(
  github: GitHubCalls,
  target: Target,
  marker: string,
  log: Logger,
): Promise<number | undefined> {
  const comments: Comment[] = await everyPage(
    github,
    `list the comments of pull request #${target.number}`,
    (page, request) =>
      github.octokit.rest.issues.listComments({
        ...repoOf(target),
        issue_number: target.number,
        per_page: 100,
        page,
        request,
      }),
    (comment) => (comment.body ?? '').trimStart().startsWith(marker),
  );
  if (comments.length === 0) return undefined;
  const login = await tokenLogin(github);
  const mine = comments.find((comment) => comment.user?.login === login);
  if (!mine) {
    const authors = [...new Set(comments.map((comment) => comment.user?.login ?? 'an unknown user'))].join(', ');
    log.info(
      `comment-on-pr: not updating the comment with this step's marker by ${authors}: it was not written by this token's account (${login}).`,
    );
  }
  return mine?.id;
}

/** The login GITHUB_TOKEN writes as. */
export const GITHUB_TOKEN_LOGIN = 'github-actions[bot]';

/**
 * Whose account github-token is: `GET /user` answers a personal access
 * token's user; an installation token may not ask (403), and is taken to be
 * GITHUB_TOKEN's bot. Any other bot (`renovate[bot]`) is not this step.
 */
async function tokenLogin(github: GitHubCalls): Promise<string> {
  try {
    const { data } = await github.call('identify the account of github-token', (request) =>
      github.octokit.rest.users.getAuthenticated({ request }),
    );
    return data.login;
  } catch (error) {
    if (error instanceof CancelledError || error instanceof TimeoutError) throw error;
    return GITHUB_TOKEN_LOGIN;
  }
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
function refusal(error: unknown): PullRequestCommentResult {
  // "Could not …" from GitHubCalls: the sentence continues after "comment-on-pr: ".
  const message = errorMessage(error);
  const reason = `${message[0]!.toLowerCase()}${message.slice(1)}`;
  if (!(error instanceof GitHubPermissionError)) return failed(reason);
  return { outcome: 'forbidden', message: `comment-on-pr: ${reason} This does not fail the step.`, level: 'warning' };
}
