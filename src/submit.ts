import type { Job, RunRequest } from './armox-types.js';
import { ActionError, ApiError, errorMessage, NotSentError, TimeoutError } from './errors.js';
import { CLEANUP_MS, recordJob, type RunContext } from './run-context.js';
import { Deadline } from './timing.js';

/**
 * Sends the run exactly once. When the answer is lost (5xx, reset, hang, a body
 * that is not a job) the run may or may not exist: it is never sent again.
 * Instead the recent jobs are searched for it, so a paid run is not lost.
 */
export async function submit(request: RunRequest, deadline: Deadline, context: RunContext): Promise<Job> {
  const { client, log } = context;
  const sentAt = (context.now ?? Date.now)();
  return log.group('Submitting the run', async () => {
    let job: Job;
    try {
      job = await client.runApp(request, deadline);
    } catch (error) {
      // A 429 or a request never sent means Armox did not take the run; anything else is a lost answer.
      const unknownOutcome =
        (error instanceof TimeoutError && !(error instanceof NotSentError)) ||
        (error instanceof ApiError && error.transient && error.status !== 429);
      if (!unknownOutcome) throw error;
      log.warning(
        `${errorMessage(error)} Armox may or may not have accepted the run; it is not sent again, since that could charge twice. ` +
          'Looking for it among the recent jobs…',
      );
      const found = await findSubmittedJob(request, sentAt, context);
      if (!found) {
        context.report.nextSteps.push(
          'Check the recent jobs of this key (GET /api/v1/jobs) before re-running. If the run is there, wait for it with `job-id`.',
        );
        throw new ActionError(
          `Submitting the run failed and its outcome is unknown: ${errorMessage(error)} It was not retried, so it was charged at most once. ` +
            'Check the recent jobs of this key (GET /api/v1/jobs) before re-running; if the run is there, pass its id as job-id to wait for it.',
        );
      }
      log.warning(`Found the submitted run among the recent jobs: ${found.id}.`);
      job = found;
    }
    recordJob(job, context);
    log.info(`Job ${job.id} accepted${job.credits_charged !== undefined ? ` (${job.credits_charged} credits)` : ''}.`);
    return job;
  });
}

/** A job of this app, with exactly these inputs, created since the submission (allowing for clock skew). */
async function findSubmittedJob(request: RunRequest, sentAt: number, context: RunContext): Promise<Job | undefined> {
  const skewMs = 120_000;
  const wanted = canonical(request.inputs);
  try {
    const jobs = await context.client.listJobs(20, Deadline.after(CLEANUP_MS, context.now));
    const candidates = jobs.filter((job) => {
      const created = Date.parse(job.created_at ?? '');
      return (
        job.app_id === request.app_id &&
        canonical(job.input_data?.inputs ?? null) === wanted &&
        (Number.isNaN(created) || created >= sentAt - skewMs)
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

/** JSON with sorted keys, to compare input maps. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
