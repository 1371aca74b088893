import { createHash } from 'node:crypto';
import { isTerminal, type Job } from '../armox/types.js';
import { REQUEST_TIMEOUT_MS } from '../armox/client.js';
import { ActionError, ApiError, errorMessage, NotSentError, TimeoutError } from '../core/errors.js';
import { formatDuration } from '../core/format.js';
import type { Logger } from '../core/log.js';
import { CLEANUP_MS, type JobKey, type PendingSubmission } from '../core/run-context.js';
import type { RunData } from '../report/run-data.js';
import type { RunContext } from '../run.js';
import { kindNamed } from '../kinds/registry.js';
import type { PreparedRequest, RunTarget } from '../kinds/target.js';
import { canonicalJson } from '../core/text.js';
import { Deadline } from '../core/timing.js';

/** Clock skew allowed between this runner and Armox when matching creation times. */
const SKEW_MS = 60_000;

/**
 * Submitting the run failed and Armox may or may not have taken it: its job
 * was not found. It may have been charged; it is never sent again.
 */
export class OutcomeUnknownError extends ActionError {}

/** What finding a submitted job needs of its target: recognising its jobs and their inputs. */
import type { JobMatcher } from '../kinds/target.js';
export type { JobMatcher };

/**
 * Sends one run exactly once. When the answer is lost (5xx, reset, hang, a body
 * that is not a job) the run may or may not exist: it is never sent again.
 * Instead the recent jobs are searched for it, so a paid run is not lost.
 * Until it is answered, the submission is in the step state, so the post step
 * can find and cancel its job if this step is killed meanwhile, or cancelled
 * before its job was found. `what` names the run in messages: `the run`,
 * `item "2"`; `item` is its name (`1`, or the batch item's).
 */
export async function submitOnce(
  target: RunTarget,
  request: PreparedRequest,
  what: string,
  item: string,
  deadline: Deadline,
  context: RunContext,
): Promise<Job> {
  const pending = pendingSubmission(target, request, { item, what }, context);
  context.openJobs.sending(pending);
  let job: Job | undefined;
  // Cancelled, or out of time, with the outcome still unknown: Armox may create its job
  // after the lookup, so it is left in the step state for the post step to find and cancel.
  let leftForPostStep = false;
  try {
    job = await sendOnce(target, request, what, pending, deadline, context);
    return job;
  } catch (error) {
    leftForPostStep = error instanceof OutcomeUnknownError && (context.signal.aborted || deadline.expired);
    throw error;
  } finally {
    if (!leftForPostStep) context.openJobs.answered(pending, job && !isTerminal(job.status) ? job.id : undefined);
  }
}

/** The submission about to be sent, as the lookup of a lost answer (here or in the post step) knows it. */
function pendingSubmission(
  target: RunTarget,
  request: PreparedRequest,
  run: Pick<PendingSubmission, 'item' | 'what'>,
  context: RunContext,
): PendingSubmission {
  const inputs = inputsFingerprint(request.inputs);
  const sentAt = Date.now();
  // Listed before sending, or another run's (a batch may hold identical items): not this submission's job.
  const known = new Set(context.seenJobs.seenWith(inputsKeyOf(target), inputs, sentAt));
  for (const run of runsByInputs(context.record.runs).get(inputs) ?? []) if (run.jobId) known.add(run.jobId);
  return { ...run, target: { kind: target.kind, id: target.id }, inputs, sentAt, known: [...known] };
}

async function sendOnce(
  target: RunTarget,
  request: PreparedRequest,
  what: string,
  pending: PendingSubmission,
  deadline: Deadline,
  context: RunContext,
): Promise<Job> {
  const { client, log } = context;
  try {
    return await target.submit(client, request, deadline);
  } catch (error) {
    // A 429 or a request never sent means Armox did not take the run; anything else is a lost answer.
    const unknownOutcome =
      (error instanceof TimeoutError && !(error instanceof NotSentError)) ||
      (error instanceof ApiError && error.transient && error.status !== 429);
    if (!unknownOutcome) throw error;
    log.warning(
      `${errorMessage(error)} Armox may or may not have accepted ${what}; it is not sent again, since that could charge twice. ` +
        'Looking for it among the recent jobs…',
    );
    const lookup = await findSubmittedJob(target, pending, context);
    if (lookup.found) {
      const early =
        Date.parse(lookup.found.created_at ?? '') < pending.sentAt
          ? ` (${createdText(lookup.found, pending.sentAt)} by this runner's clock, which may differ from Armox's)`
          : '';
      log.warning(
        `Found ${what === 'the run' ? 'the submitted run' : `the run of ${what}`} among the recent jobs: ${lookup.found.id}${early}.`,
      );
      return lookup.found;
    }
    throw lostAnswer(what, error, lookup.possible, pending.sentAt, context, deadline.expired);
  }
}

/** What the recent jobs tell about a lost answer: its job, or every job it could be (none when not there). */
export type Lookup = { found: Job; possible?: undefined } | { found?: undefined; possible: Job[] };

/**
 * Looks for the job of a submission whose answer was lost, in one listing of
 * the recent jobs. Not abandoned when the workflow is cancelled: a job found
 * then is one that can still be cancelled.
 */
async function findSubmittedJob(target: RunTarget, pending: PendingSubmission, context: RunContext): Promise<Lookup> {
  let jobs: Job[];
  try {
    jobs = await context.client.listJobs(Deadline.after(CLEANUP_MS), { cleanup: true });
  } catch (error) {
    context.log.warning(`Could not list the recent jobs: ${errorMessage(error)}`);
    return { possible: [] };
  }
  context.seenJobs.saw(jobs);
  return pickSubmittedJob(jobs, pending, target, context.log);
}

/**
 * The job of a submission whose answer was lost, among `jobs` (the recent
 * jobs): a job of this target with exactly these inputs, that the step did not
 * know before sending (`pending.known`: not in a job list it read earlier, not
 * another run's), created while the request could still be handled (it ends by
 * the request timeout; clocks allowed to differ by a minute). Preferred: one
 * created after the submission was sent. Only
 * when there is none, one created shortly before it (the clocks of this runner
 * and Armox may differ), unless it already failed or was cancelled: those were
 * refunded, so passing over one costs nothing, while adopting another run's
 * failure would hide this one. Several equally likely jobs are not guessed
 * between. The main step and the post step both find jobs this way.
 */
export function pickSubmittedJob(jobs: Job[], pending: PendingSubmission, target: JobMatcher, log: Logger): Lookup {
  const { sentAt } = pending;
  const known = new Set(pending.known);
  const created = (job: Job) => Date.parse(job.created_at ?? '');
  const possible = jobs.filter(
    (job) =>
      target.ownsJob(job) &&
      jobFingerprint(target, job) === pending.inputs &&
      !known.has(job.id) &&
      !(created(job) < sentAt - SKEW_MS) &&
      // Armox creates the job while it handles the request, which ends by the request timeout:
      // an identical job created later is another run's.
      !(created(job) > sentAt + REQUEST_TIMEOUT_MS + SKEW_MS),
  );
  const after = possible.filter((job) => created(job) >= sentAt);
  const shortlyBefore = possible.filter(
    (job) => !(created(job) >= sentAt) && job.status !== 'failed' && job.status !== 'cancelled',
  );
  const likeliest = after.length > 0 ? after : shortlyBefore;
  if (likeliest.length === 1) return { found: likeliest[0]! };
  if (likeliest.length > 1) {
    log.warning(
      `Several recent jobs match this run (${likeliest.map((job) => job.id).join(', ')}); not guessing which.`,
    );
  }
  return { possible };
}

/**
 * The target of a submission as the step state names it (kind and id): enough
 * to recognise its jobs, which is all the post step needs of it.
 */
export function submittedTarget(target: PendingSubmission['target']): JobMatcher | undefined {
  return kindNamed(target.kind)?.matcher(target.id);
}

/** A run's inputs as sent, as one short value: the sha256 of their canonical JSON. */
function inputsFingerprint(inputs: unknown): string {
  if (typeof inputs !== 'object' || inputs === null) return fingerprintOf(inputs);
  let fingerprint = fingerprints.get(inputs);
  if (fingerprint === undefined) fingerprints.set(inputs, (fingerprint = fingerprintOf(inputs)));
  return fingerprint;
}

/**
 * Fingerprints are kept per object (a run's inputs and a listed job are not
 * changed once made): each submission compares itself with every run and every
 * listed job, which would otherwise hash a batch O(N²) times.
 */
const fingerprints = new WeakMap<object, string>();
const jobFingerprints = new WeakMap<JobMatcher, WeakMap<Job, string>>();

const runIndexes = new WeakMap<readonly RunData[], { size: number; byInputs: Map<string, RunData[]> }>();

/** The step's runs by their inputs' fingerprint (a run's inputs are fixed once planned): an index, not a scan per submission. */
function runsByInputs(runs: readonly RunData[]): Map<string, RunData[]> {
  let index = runIndexes.get(runs);
  if (!index || index.size !== runs.length) {
    const byInputs = new Map<string, RunData[]>();
    for (const run of runs) {
      if (!run.inputs) continue;
      const key = inputsFingerprint(run.inputs);
      const same = byInputs.get(key);
      if (same) same.push(run);
      else byInputs.set(key, [run]);
    }
    runIndexes.set(runs, (index = { size: runs.length, byInputs }));
  }
  return index.byInputs;
}

const inputsKeys = new WeakMap<JobMatcher, JobKey>();

/** One function per target (so that `SeenJobs` indexes each job once): the fingerprint of a job of `target`'s inputs. */
function inputsKeyOf(target: JobMatcher): JobKey {
  let keyOf = inputsKeys.get(target);
  if (!keyOf) {
    keyOf = (job) => (target.ownsJob(job) ? jobFingerprint(target, job) : undefined);
    inputsKeys.set(target, keyOf);
  }
  return keyOf;
}

/** The fingerprint of the inputs `target` reads from `job`. */
function jobFingerprint(target: JobMatcher, job: Job): string {
  let known = jobFingerprints.get(target);
  if (!known) jobFingerprints.set(target, (known = new WeakMap()));
  let fingerprint = known.get(job);
  if (fingerprint === undefined) known.set(job, (fingerprint = fingerprintOf(target.jobInputs(job))));
  return fingerprint;
}

function fingerprintOf(inputs: unknown): string {
  return createHash('sha256').update(canonicalJson(inputs)).digest('hex');
}

/**
 * The error for an answer that was lost and not found: it names every job it
 * could be, so the user can wait for the right one instead of paying again.
 */
function lostAnswer(
  what: string,
  error: unknown,
  possible: Job[],
  sentAt: number,
  context: RunContext,
  outOfTime: boolean,
): OutcomeUnknownError {
  const lost = `Submitting ${what} failed and its outcome is unknown: ${errorMessage(error)} It was not retried, so it was charged at most once.`;
  if (context.signal.aborted || outOfTime) {
    const meanwhile = context.signal.aborted ? 'The workflow was cancelled meanwhile' : 'The timeout ran out meanwhile';
    return new OutcomeUnknownError(`${lost} ${meanwhile}: the post step looks for its job once more and cancels it.`);
  }
  if (possible.length === 0) {
    context.record.addNextStep(
      'Check the recent jobs of this key (GET /api/v1/jobs) before re-running. If the run is there, wait for it with `job-id`.',
    );
    return new OutcomeUnknownError(
      `${lost} Check the recent jobs of this key (GET /api/v1/jobs) before re-running; if the run is there, pass its id as job-id to wait for it.`,
    );
  }
  const ids = possible.map((job) => job.id).join(', ');
  const jobs = possible.map((job) => `${job.id} (${job.status}, ${createdText(job, sentAt)})`).join(', ');
  context.record.addNextStep(
    `Before re-running, check which of these jobs with the same inputs is this run's (GET /api/v1/jobs/<id>) and wait for it with \`job-id\`: ${ids}.`,
  );
  return new OutcomeUnknownError(
    `${lost} Recent jobs with the same inputs that it may be (or none of them, if Armox did not take it): ${jobs}. ` +
      'Pass the right one as job-id to wait for it instead of re-running.',
  );
}

/** `created 2s after it was sent`, by this runner's clock. */
function createdText(job: Job, sentAt: number): string {
  const created = Date.parse(job.created_at ?? '');
  if (Number.isNaN(created)) return 'created at an unknown time';
  const gap = formatDuration(Math.abs(created - sentAt));
  return `created ${gap} ${created >= sentAt ? 'after' : 'before'} it was sent`;
}
