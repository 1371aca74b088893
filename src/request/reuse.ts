/**
 * Never pay twice: find a completed job of the same app or model, with the same
 * inputs as sent, created within the `reuse` window, whose files still answer.
 * Adopting it costs nothing; submitting again would charge again (Armox has no
 * idempotency key). Everything here takes plain values: no environment, no
 * `@actions/core`.
 */
import type { Job } from '../armox/types.js';
import { CancelledError, errorMessage } from '../core/errors.js';
import { formatDuration, parseDuration } from '../core/format.js';
import { sendRequest, TransportError } from '../core/http.js';
import type { Logger } from '../core/log.js';
import type { PreparedRequest, RunTarget } from '../kinds/target.js';
import { canonicalJson, printable } from '../core/text.js';
import { sleep, type Deadline } from '../core/timing.js';
import { USER_AGENT } from '../core/version.js';
import { workflowRunStartedAt, type WorkflowRunOptions } from './workflow-run.js';

/** The `reuse` input, read. */
export type ReusePolicy = { mode: 'rerun' } | { mode: 'off' } | { mode: 'max-age'; maxAgeMs: number };

const DAY_MS = 86_400_000;

/**
 * Reads the `reuse` input: `rerun` (the default, also when empty), `false`, or a
 * maximum age with a unit (`30m`, `12h`, `7d`, `1d12h`, `90s`). Returns the
 * problem, naming the input, when the text is none of these.
 */
export function parseReuse(text: string): ReusePolicy | string {
  const value = text.trim().toLowerCase();
  if (value === '' || value === 'rerun') return { mode: 'rerun' };
  if (value === 'false') return { mode: 'off' };
  const maxAgeMs = parseMaxAge(value);
  if (maxAgeMs === undefined || maxAgeMs <= 0) {
    return (
      `reuse: "${printable(text)}" is not a reuse setting: use rerun (reuse a job of an earlier attempt of this ` +
      'workflow run), false (always submit), or a maximum age such as 30m, 12h or 7d.'
    );
  }
  return { mode: 'max-age', maxAgeMs };
}

/** `7d`, `1d12h`, `12h`, `90s`: a unit is required (a bare number would be ambiguous here). */
function parseMaxAge(value: string): number | undefined {
  const match = /^(?:(\d+)d)?(.*)$/.exec(value);
  const days = match?.[1];
  const rest = match?.[2] ?? '';
  if (/^[\d.]+$/.test(rest)) return undefined;
  if (rest === '') return days === undefined ? undefined : Number(days) * DAY_MS;
  const ms = parseDuration(rest);
  return ms === undefined ? undefined : Number(days ?? 0) * DAY_MS + ms;
}

export interface ReuseWindowOptions extends WorkflowRunOptions {
  /** GITHUB_RUN_ATTEMPT: `1` on the first attempt, `2` on the first re-run. */
  runAttempt: string | undefined;
  /** Now, in ms since the epoch (tests). */
  now?: number;
}

/**
 * Since when (ms since the epoch) a job may be reused, or undefined when this
 * step must not reuse at all: `false`, or `rerun` on a first attempt, or
 * `rerun` when the run's start cannot be read (warned, with the permission to
 * add; the run is then submitted as usual).
 */
export async function reuseSince(policy: ReusePolicy, options: ReuseWindowOptions): Promise<number | undefined> {
  if (policy.mode === 'off') return undefined;
  if (policy.mode === 'max-age') return (options.now ?? Date.now()) - policy.maxAgeMs;
  if (isFirstAttempt(options.runAttempt)) return undefined;
  try {
    return await workflowRunStartedAt(options);
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    options.log.warning(`${errorMessage(error)} Submitting as usual (this run will be charged).`);
    return undefined;
  }
}

function isFirstAttempt(runAttempt: string | undefined): boolean {
  const attempt = Number(runAttempt);
  return !Number.isInteger(attempt) || attempt < 2;
}

/** Why `reuseSince` gave no window, for the log: `reuse: rerun: first attempt of this workflow run, nothing to reuse`. */
export function describeNoWindow(policy: ReusePolicy, runAttempt: string | undefined): string {
  if (policy.mode === 'off') return 'reuse: false: no earlier job is reused';
  if (policy.mode === 'rerun' && isFirstAttempt(runAttempt)) {
    return 'reuse: rerun: first attempt of this workflow run, nothing to reuse';
  }
  return 'reuse: rerun: when this workflow run began could not be read (see the warning), so nothing is reused';
}

/** `reuse` as the log says it: `completed jobs at most 7d old (created since 2026-11-21T10:00:00.000Z)`. */
export function describeWindow(policy: ReusePolicy, sinceMs: number): string {
  const since = new Date(sinceMs).toISOString();
  return policy.mode === 'max-age'
    ? `completed jobs at most ${formatMaxAge(policy.maxAgeMs)} old (created since ${since})`
    : `completed jobs created since this workflow run began (${since})`;
}

/** A maximum age as `reuse` takes it: `7d`, `1d12h`, `30m` (the inverse of parseMaxAge). */
function formatMaxAge(ms: number): string {
  const days = Math.floor(ms / DAY_MS);
  const rest = ms - days * DAY_MS;
  if (days === 0) return formatDuration(rest);
  return rest === 0 ? `${days}d` : `${days}d${formatDuration(rest)}`;
}

/**
 * The jobs (from `GET /jobs`) that could stand in for `request`, most recent
 * first: completed, of the same app or model, created at or after `sinceMs`,
 * whose inputs as sent are the same data (same keys and values, list order
 * kept). Their files are not checked here: see `pickReusableJob`.
 */
export function findReusableJob(jobs: Job[], target: RunTarget, request: PreparedRequest, sinceMs: number): Job[] {
  const wanted = canonicalJson(request.inputs);
  return jobs
    .map((job) => ({ job, created: Date.parse(job.created_at ?? '') }))
    .filter(
      ({ job, created }) =>
        job.status === 'completed' &&
        created >= sinceMs &&
        target.ownsJob(job) &&
        canonicalJson(target.jobInputs(job)) === wanted,
    )
    .sort((a, b) => b.created - a.created)
    .map(({ job }) => job);
}

export interface CheckOptions {
  /** The step's deadline: checks stop (and fail) when it runs out. */
  deadline: Deadline;
  signal?: AbortSignal;
  log: Logger;
  /** One request's limit, within the deadline. Default 15 s. */
  requestTimeoutMs?: number;
  /** Pause before the one retry of a transient failure (5xx, 429, network). Default 500 ms. */
  retryDelayMs?: number;
}

export type CheckResult = { ok: true } | { ok: false; reason: string };

/** Statuses by which a storage host refuses HEAD while it may still serve GET. */
const HEAD_REFUSED = new Set([403, 405, 501]);
const MAX_REDIRECTS = 5;

/**
 * Whether every file still answers: a `HEAD`, or a ranged `GET` of one byte
 * when HEAD is refused. These are public storage URLs on another host: no API
 * key is sent. Redirects are followed; a transient failure is tried once more.
 */
export async function checkOutputsAnswer(urls: string[], options: CheckOptions): Promise<CheckResult> {
  for (const url of urls) {
    let result = await checkOne(url, options);
    if (!result.ok && result.transient && !options.deadline.expired) {
      await sleep(Math.min(options.retryDelayMs ?? 500, options.deadline.remaining()), options.signal);
      result = await checkOne(url, options);
    }
    if (!result.ok) return { ok: false, reason: `${printable(url, 120)} ${result.reason}` };
    options.log.debug(`reuse: ${printable(url, 120)} still answers.`);
  }
  return { ok: true };
}

type Probe = { ok: true } | { ok: false; reason: string; transient: boolean };
/** What one request got: a status (and where a redirect points), or why nothing came. */
type Answer = { status: number; location?: string } | Extract<Probe, { ok: false }>;

async function checkOne(start: string, options: CheckOptions): Promise<Probe> {
  let url = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let answer = await probe('HEAD', url, options);
    if ('status' in answer && HEAD_REFUSED.has(answer.status)) answer = await probe('GET', url, options);
    if (!('status' in answer)) return answer;
    const { status, location } = answer;
    // 416: a ranged GET of an empty file; the file is there.
    if ((status >= 200 && status < 300) || status === 416) return { ok: true };
    if (status >= 300 && status < 400) {
      if (!location) return { ok: false, reason: `answered ${status} without a Location`, transient: false };
      url = new URL(location, url).href;
      continue;
    }
    return { ok: false, reason: `answered ${status}`, transient: status >= 500 || status === 429 || status === 408 };
  }
  return { ok: false, reason: `was redirected more than ${MAX_REDIRECTS} times`, transient: false };
}

async function probe(method: 'HEAD' | 'GET', url: string, options: CheckOptions): Promise<Answer> {
  const timeoutMs = Math.min(options.requestTimeoutMs ?? 15_000, options.deadline.remaining());
  if (timeoutMs <= 0) return { ok: false, reason: 'was not checked: the timeout ran out', transient: false };
  try {
    const answer = await sendRequest(method, url, null, {
      timeoutMs,
      // HEAD has no body, whatever Content-Length says; a GET that ignores the range is caught below.
      maxBodyBytes: method === 'HEAD' ? Number.MAX_SAFE_INTEGER : 64 * 1024,
      userAgent: USER_AGENT,
      signal: options.signal,
      headers: method === 'GET' ? { Range: 'bytes=0-0' } : {},
    });
    const location = answer.headers.location;
    return { status: answer.status, location: Array.isArray(location) ? location[0] : location };
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    // The host ignored the range and sent the whole file: it answers.
    if (error instanceof TransportError && error.kind === 'too-large') return { status: 200 };
    return { ok: false, reason: `did not answer (${errorMessage(error)})`, transient: true };
  }
}

export interface PickOptions extends CheckOptions {
  /** The file URLs of a job's outputs (for an app, the http(s) values in `node_outputs`). */
  outputUrls: (job: Job) => string[];
  /**
   * Job ids already adopted by other items of this step: skipped, so a batch with
   * two identical items gets two jobs, as it would by submitting. The pick is added.
   */
  claimed?: Set<string>;
  /** Candidates checked at most (their files cost a request each). Default 3. */
  maxChecks?: number;
  /** Starts each log line, e.g. a batch item's `1: `. */
  label?: string;
}

/** A line about one run: `hero: reusing job …` for a batch item (label `hero: `), `Reusing job …` for a single run. */
export function labelled(label: string | undefined, text: string): string {
  return label ? label + text : text[0]!.toUpperCase() + text.slice(1);
}

/**
 * The most recent candidate (from `findReusableJob`) whose files all still
 * answer, or undefined: then the run is submitted. Each candidate passed over
 * is logged with why.
 */
export async function pickReusableJob(candidates: Job[], options: PickOptions): Promise<Job | undefined> {
  const open = candidates.filter((job) => !options.claimed?.has(job.id));
  for (const job of open.slice(0, options.maxChecks ?? 3)) {
    const check = await checkOutputsAnswer(options.outputUrls(job), options);
    if (check.ok) {
      options.claimed?.add(job.id);
      return job;
    }
    const created = job.created_at ?? 'at an unknown time';
    options.log.info(labelled(options.label, `not reusing job ${job.id} (created ${created}): ${check.reason}.`));
  }
  return undefined;
}
