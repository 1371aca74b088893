import type { Job } from '../armox/types.js';
import { ApiError, TimeoutError } from '../core/errors.js';
import type { RunContext } from '../core/run-context.js';
import type { Deadline } from '../core/timing.js';

/** The answer of one polling round: the jobs seen, by id. */
export type PollResult = Map<string, Job>;

/**
 * One polling round for the jobs still running. One job: `GET /jobs/:id`. Several:
 * one `GET /jobs?limit=100` shows them all (so polling does not grow with a batch),
 * and `GET /jobs/:id` only for a job the list no longer shows. A round that fails
 * transiently is logged and yields nothing: the jobs are paid for, so waiting goes
 * on until the deadline. A poll stopped by the deadline yields nothing either.
 * Errors that will not heal (401, 404) are thrown.
 */
export async function pollJobs(ids: string[], deadline: Deadline, context: RunContext): Promise<PollResult> {
  const seen: PollResult = new Map();
  if (ids.length === 0) return seen;
  if (ids.length > 1) {
    const listed = await tolerate(() => context.client.listJobs(deadline), 'the jobs', context);
    if (listed) context.seenJobs.saw(listed);
    for (const job of listed ?? []) if (ids.includes(job.id)) seen.set(job.id, job);
    if (listed === undefined) return seen;
  }
  for (const id of ids.filter((jobId) => !seen.has(jobId))) {
    const job = await tolerate(() => context.client.getJob(id, deadline), `job ${id}`, context);
    if (job) seen.set(id, job);
  }
  return seen;
}

async function tolerate<T>(read: () => Promise<T>, what: string, context: RunContext): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof TimeoutError) return undefined;
    if (error instanceof ApiError && error.transient) {
      context.log.warning(`${error.message} Still waiting for ${what}.`);
      return undefined;
    }
    throw error;
  }
}
