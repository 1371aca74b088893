import type { ArmoxClient } from './api-client.js';
import { isTerminal, type Job } from './armox-types.js';
import { formatDuration } from './format.js';
import { ApiError, TimeoutError } from './errors.js';
import type { Logger } from './log.js';
import { type Deadline, sleep } from './timing.js';

export interface WaitOptions {
  pollIntervalMs: number;
  deadline: Deadline;
  log: Logger;
  signal?: AbortSignal;
  /** Poll at once (an existing job may be finished) instead of after one interval (a job just submitted). */
  pollFirst: boolean;
  /** Called with every job answer, so outputs follow the last known status. */
  onUpdate?: (job: Job) => void;
  now?: () => number;
}

/** Thrown when the deadline passes; carries the last job seen, if any. */
export class WaitTimeoutError extends TimeoutError {
  constructor(
    message: string,
    readonly lastJob?: Job,
  ) {
    super(message);
  }
}

/**
 * Polls `GET /jobs/:id` every `pollIntervalMs` until the job is terminal.
 * Logs status changes (with the time since waiting began), not every poll.
 * A poll that fails transiently after the client's own retries is logged and
 * the next poll goes on: the job is already paid for, so the wait persists
 * until the deadline. Errors that will not heal (401, 404) end the wait.
 */
export async function waitForJob(client: ArmoxClient, jobId: string, options: WaitOptions): Promise<Job> {
  const now = options.now ?? Date.now;
  const started = now();
  let lastJob: Job | undefined;
  let lastStatus: string | undefined;
  let firstPoll = true;

  for (;;) {
    if (!firstPoll || !options.pollFirst) {
      const pause = Math.min(options.pollIntervalMs, options.deadline.remaining());
      await sleep(pause, options.signal);
    }
    firstPoll = false;
    if (options.deadline.expired) break;

    let job: Job;
    try {
      job = await client.getJob(jobId, options.deadline);
    } catch (error) {
      if (error instanceof TimeoutError) break;
      if (error instanceof ApiError && error.transient) {
        options.log.warning(`${error.message} Still waiting for job ${jobId}.`);
        continue;
      }
      throw error;
    }
    lastJob = job;
    options.onUpdate?.(job);
    if (job.status !== lastStatus) {
      options.log.info(`[${formatDuration(now() - started).padStart(6)}] job ${jobId}: ${job.status}`);
      lastStatus = job.status;
    }
    if (isTerminal(job.status)) return job;
  }
  throw new WaitTimeoutError(
    `Job ${jobId} did not finish within the timeout (last status: ${lastStatus ?? 'unknown'}).`,
    lastJob,
  );
}
