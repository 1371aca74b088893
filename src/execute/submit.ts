import type { Job } from '../armox/types.js';
import { ActionError, ApiError, errorMessage, NotSentError, TimeoutError } from '../core/errors.js';
import { formatDuration } from '../core/format.js';
import { CLEANUP_MS, type RunContext } from '../core/run-context.js';
import type { PreparedRequest, RunTarget } from '../target/target.js';
import { canonicalJson } from '../core/text.js';
import { Deadline } from '../core/timing.js';

/** Clock skew allowed between this runner and Armox when matching creation times. */
const SKEW_MS = 120_000;

/**
 * Sends one run exactly once. When the answer is lost (5xx, reset, hang, a body
 * that is not a job) the run may or may not exist: it is never sent again.
 * Instead the recent jobs are searched for it, so a paid run is not lost.
 * `what` names the run in messages: `the run`, `item "2"`.
 */
export async function submitOnce(
  target: RunTarget,
  request: PreparedRequest,
  what: string,
  deadline: Deadline,
  context: RunContext,
): Promise<Job> {
  const { client, log } = context;
  const sentAt = Date.now();
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
    const lookup = await findSubmittedJob(target, request, sentAt, context);
    if (lookup.found) {
      const early =
        Date.parse(lookup.found.created_at ?? '') < sentAt
          ? ` (${createdText(lookup.found, sentAt)} by this runner's clock, which may differ from Armox's)`
          : '';
      log.warning(
        `Found ${what === 'the run' ? 'the submitted run' : `the run of ${what}`} among the recent jobs: ${lookup.found.id}${early}.`,
      );
      return lookup.found;
    }
    throw lostAnswer(what, error, lookup.possible, sentAt, context);
  }
}

/** What the recent jobs tell about a lost answer: its job, or every job it could be (none when not there). */
type Lookup = { found: Job; possible?: undefined } | { found?: undefined; possible: Job[] };

/**
 * The job of a submission whose answer was lost: a job of this target with
 * exactly these inputs, that this step did not know before sending (not in a
 * job list it read earlier, not another run's). Preferred: one created after
 * the submission was sent. Only when there is none, one created shortly before
 * it (the clocks of this runner and Armox may differ), unless it already failed
 * or was cancelled: those were refunded, so passing over one costs nothing,
 * while adopting another run's failure would hide this one. Several equally
 * likely jobs are not guessed between.
 */
async function findSubmittedJob(
  target: RunTarget,
  request: PreparedRequest,
  sentAt: number,
  context: RunContext,
): Promise<Lookup> {
  const wanted = canonicalJson(request.inputs);
  let jobs: Job[];
  try {
    jobs = await context.client.listJobs(Deadline.after(CLEANUP_MS));
  } catch (error) {
    context.log.warning(`Could not list the recent jobs: ${errorMessage(error)}`);
    return { possible: [] };
  }
  const created = (job: Job) => Date.parse(job.created_at ?? '');
  const possible = jobs.filter(
    (job) =>
      target.ownsJob(job) &&
      canonicalJson(target.jobInputs(job)) === wanted &&
      !context.seenJobs.seenBy(job.id, sentAt) &&
      // A job this step already has is another run's (a batch may hold identical items).
      !context.record.runs.some((run) => run.jobId === job.id) &&
      !(created(job) < sentAt - SKEW_MS),
  );
  context.seenJobs.saw(jobs);
  const after = possible.filter((job) => created(job) >= sentAt);
  const shortlyBefore = possible.filter(
    (job) => !(created(job) >= sentAt) && job.status !== 'failed' && job.status !== 'cancelled',
  );
  const likeliest = after.length > 0 ? after : shortlyBefore;
  if (likeliest.length === 1) return { found: likeliest[0]! };
  if (likeliest.length > 1) {
    context.log.warning(
      `Several recent jobs match this run (${likeliest.map((job) => job.id).join(', ')}); not guessing which.`,
    );
  }
  return { possible };
}

/**
 * The error for an answer that was lost and not found: it names every job it
 * could be, so the user can wait for the right one instead of paying again.
 */
function lostAnswer(what: string, error: unknown, possible: Job[], sentAt: number, context: RunContext): ActionError {
  const lost = `Submitting ${what} failed and its outcome is unknown: ${errorMessage(error)} It was not retried, so it was charged at most once.`;
  if (possible.length === 0) {
    context.record.addNextStep(
      'Check the recent jobs of this key (GET /api/v1/jobs) before re-running. If the run is there, wait for it with `job-id`.',
    );
    return new ActionError(
      `${lost} Check the recent jobs of this key (GET /api/v1/jobs) before re-running; if the run is there, pass its id as job-id to wait for it.`,
    );
  }
  const ids = possible.map((job) => job.id).join(', ');
  const jobs = possible.map((job) => `${job.id} (${job.status}, ${createdText(job, sentAt)})`).join(', ');
  context.record.addNextStep(
    `Before re-running, check which of these jobs with the same inputs is this run's (GET /api/v1/jobs/<id>) and wait for it with \`job-id\`: ${ids}.`,
  );
  return new ActionError(
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
