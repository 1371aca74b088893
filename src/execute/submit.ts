import type { Job } from '../armox/types.js';
import { ActionError, ApiError, errorMessage, NotSentError, TimeoutError } from '../core/errors.js';
import { CLEANUP_MS, type RunContext } from '../core/run-context.js';
import type { PreparedRequest, RunTarget } from '../target/target.js';
import { canonicalJson } from '../core/text.js';
import { Deadline } from '../core/timing.js';

/** Recent jobs looked at when an answer was lost. */
const RECENT_JOBS = 100;
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
    const found = await findSubmittedJob(target, request, sentAt, context);
    if (!found) {
      context.record.addNextStep(
        'Check the recent jobs of this key (GET /api/v1/jobs) before re-running. If the run is there, wait for it with `job-id`.',
      );
      throw new ActionError(
        `Submitting ${what} failed and its outcome is unknown: ${errorMessage(error)} It was not retried, so it was charged at most once. ` +
          'Check the recent jobs of this key (GET /api/v1/jobs) before re-running; if the run is there, pass its id as job-id to wait for it.',
      );
    }
    log.warning(
      `Found ${what === 'the run' ? 'the submitted run' : `the run of ${what}`} among the recent jobs: ${found.id}.`,
    );
    return found;
  }
}

/** A job of this target, with exactly these inputs, created since the submission (allowing for clock skew). */
async function findSubmittedJob(
  target: RunTarget,
  request: PreparedRequest,
  sentAt: number,
  context: RunContext,
): Promise<Job | undefined> {
  const wanted = canonicalJson(request.inputs);
  try {
    const jobs = await context.client.listJobs(RECENT_JOBS, Deadline.after(CLEANUP_MS));
    const candidates = jobs.filter((job) => {
      const created = Date.parse(job.created_at ?? '');
      return (
        target.ownsJob(job) &&
        // A job this step already has is another run's (a batch may hold identical items).
        !context.record.runs.some((run) => run.jobId === job.id) &&
        canonicalJson(target.jobInputs(job)) === wanted &&
        (Number.isNaN(created) || created >= sentAt - SKEW_MS)
      );
    });
    if (candidates.length === 1) return candidates[0];
    if (candidates.length > 1) {
      context.log.warning(
        `Several recent jobs match this run (${candidates.map((job) => job.id).join(', ')}); not guessing which.`,
      );
    }
  } catch (error) {
    context.log.warning(`Could not list the recent jobs: ${errorMessage(error)}`);
  }
  return undefined;
}
