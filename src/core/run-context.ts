import type { ArmoxClient } from '../armox/client.js';
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
