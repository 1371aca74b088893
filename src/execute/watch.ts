import type { Job } from '../armox/types.js';
import { ActionError, ApiError, TimeoutError } from '../core/errors.js';
import type { RunContext } from '../run.js';
import type { Deadline } from '../core/timing.js';

/** The answer of one polling round: the jobs seen, by id. */
export type PollResult = Map<string, Job>;

/**
 * Reads of one job refused in a row (a proxy's 404 page, a 403, a 401) before
 * the step stops following its jobs. The job exists (Armox accepted it), so one
 * such answer is more likely a proxy's than the truth.
 */
export const MAX_REFUSED_READS = 3;

/**
 * Single reads (`GET /jobs/:id`) in one round beside the list, however many
 * jobs the list does not show: polling stays a bounded number of requests per
 * interval. The jobs not shown take turns, the one unseen longest first.
 */
export const MAX_SINGLE_READS = 4;

/** Following the jobs failed for good: the message says why (the last refused read). */
export class LostTrackError extends ActionError {
  constructor(
    message: string,
    /** The job whose reads kept being refused. */
    readonly jobId: string,
  ) {
    super(message);
  }
}

/** What one read gave: the value, or nothing this round (transient), or a refusal (4xx, an answer that will not heal by waiting). */
type Read<T> = { value: T; refused?: undefined } | { value?: undefined; refused?: ApiError };

/**
 * Polling, one round at a time, for the jobs still running. One job:
 * `GET /jobs/:id`. Several: one `GET /jobs?limit=100` shows them all (so
 * polling does not grow with a batch), and `GET /jobs/:id` only for a job the
 * list no longer shows, or for the jobs when the list is refused: at most
 * `MAX_SINGLE_READS` a round, taking turns, so no job is forgotten. A round that
 * fails transiently yields nothing: the jobs are paid for, so waiting goes on
 * until the deadline (a poll stopped by the deadline yields nothing either).
 * A job whose reads are refused `MAX_REFUSED_READS` times in a row ends the
 * following with a LostTrackError.
 */
export class JobWatch {
  /** Refused reads in a row, by job. */
  private readonly refusals = new Map<string, number>();
  /** The list was refused once already (said in the log once). */
  private listRefused = false;
  /** The round in which each job was last seen (listed or read): who is read next. */
  private readonly lastSeen = new Map<string, number>();
  private round = 0;

  constructor(private readonly context: RunContext) {}

  async poll(ids: string[], deadline: Deadline): Promise<PollResult> {
    const { client, seenJobs, log } = this.context;
    const seen: PollResult = new Map();
    if (ids.length === 0) return seen;
    if (ids.length > 1) {
      const listed = await this.tolerate(() => client.listJobs(deadline), 'the jobs');
      if (listed.value) seenJobs.saw(listed.value);
      for (const job of listed.value ?? []) if (ids.includes(job.id)) seen.set(job.id, job);
      // An outage waits for the next round; a refused list is not the jobs' fault: each is read on its own.
      if (listed.refused && !this.listRefused) {
        this.listRefused = true;
        log.warning(`${listed.refused.message} Reading each job on its own instead.`);
      }
      if (!listed.value && !listed.refused) return seen;
    }
    this.round += 1;
    for (const id of seen.keys()) this.lastSeen.set(id, this.round);
    for (const id of this.nextReads(ids.filter((jobId) => !seen.has(jobId)))) {
      // Read this round, answered or not: the others have their turn first next time.
      this.lastSeen.set(id, this.round);
      const job = await this.readJob(id, deadline);
      if (job) seen.set(id, job);
    }
    return seen;
  }

  /** The jobs to read one by one this round: at most MAX_SINGLE_READS, the one unseen longest first. */
  private nextReads(unseen: string[]): string[] {
    const since = (id: string) => this.lastSeen.get(id) ?? -1;
    return unseen.sort((a, b) => since(a) - since(b)).slice(0, MAX_SINGLE_READS);
  }

  private async readJob(id: string, deadline: Deadline): Promise<Job | undefined> {
    const read = await this.tolerate(() => this.context.client.getJob(id, deadline), `job ${id}`);
    if (read.value) this.refusals.delete(id);
    if (!read.refused) return read.value;
    const refusals = (this.refusals.get(id) ?? 0) + 1;
    this.refusals.set(id, refusals);
    if (refusals >= MAX_REFUSED_READS) throw new LostTrackError(read.refused.message, id);
    this.context.log.warning(
      `${read.refused.message} Job ${id} was accepted, so this may be a proxy's answer: reading it again at the next poll ` +
        `(${refusals} of ${MAX_REFUSED_READS} tries).`,
    );
    return undefined;
  }

  private async tolerate<T>(read: () => Promise<T>, what: string): Promise<Read<T>> {
    try {
      return { value: await read() };
    } catch (error) {
      if (error instanceof TimeoutError) return {};
      if (!(error instanceof ApiError)) throw error;
      if (!error.transient) return { refused: error };
      this.context.log.warning(`${error.message} Still waiting for ${what}.`);
      return {};
    }
  }
}
