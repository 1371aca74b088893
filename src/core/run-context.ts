import type { ArmoxClient } from '../armox/client.js';
import type { Job } from '../armox/types.js';
import type { Logger } from './log.js';
import type { StepRecord } from '../report/record.js';

/** What every phase of a run works with: the API, the log, the record of the step. */
export interface RunContext {
  client: ArmoxClient;
  log: Logger;
  record: StepRecord;
  /** Aborted when the workflow is cancelled. */
  signal: AbortSignal;
  /**
   * Jobs this step started and has not finished with, kept where the post step
   * can see them (the step state), so a killed step still has its jobs cancelled.
   */
  openJobs: OpenJobs;
  /** The jobs this step has seen in the account's job list, and when. */
  seenJobs: SeenJobs;
  /**
   * The triggering event's payload (GITHUB_EVENT_PATH), read once by the main
   * step; undefined when there is none or it could not be read (then a warning said so).
   */
  event: unknown;
}

/**
 * When this step first saw each job in the account's job list. A job listed
 * before a submission was sent existed before it, so it cannot be that
 * submission's job: this is what tells a lost answer's job from an identical
 * earlier one, whatever the clocks say.
 */
export class SeenJobs {
  private readonly firstSeen = new Map<string, number>();

  /** A job list arrived at `at` (ms since the epoch): every job in it existed by then. */
  saw(jobs: Job[], at = Date.now()): void {
    for (const job of jobs) if (!this.firstSeen.has(job.id)) this.firstSeen.set(job.id, at);
  }

  /** True when the job was listed at or before `time`. */
  seenBy(jobId: string, time: number): boolean {
    const at = this.firstSeen.get(jobId);
    return at !== undefined && at <= time;
  }
}

/** The jobs the post step must cancel if this step dies before it is done with them. */
export class OpenJobs {
  private readonly ids = new Set<string>();
  constructor(private readonly save: (ids: string[]) => void = () => undefined) {}

  /** The job was accepted: from now on it is this step's to finish, cancel or hand over. */
  opened(jobId: string): void {
    if (this.ids.has(jobId)) return;
    this.ids.add(jobId);
    this.save([...this.ids]);
  }

  /** The step is done with the job: it ended, was cancelled, or is left running on purpose. */
  handled(jobId: string): void {
    if (!this.ids.delete(jobId)) return;
    this.save([...this.ids]);
  }

  get size(): number {
    return this.ids.size;
  }
}

/**
 * Time allowed for clean-up calls made after the deadline or a cancellation:
 * cancelling the job, or finding a job whose submission answer was lost.
 */
export const CLEANUP_MS = 5_000;

export function resumeHint(jobId: string): string {
  return `To wait for it later, run this action with job-id: ${jobId}.`;
}
