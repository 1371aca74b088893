import type { ArmoxClient } from './armox/client.js';
import type { Job } from './armox/types.js';
import type { Logger } from './core/log.js';
import type { OpenJobs, SeenJobs } from './core/run-context.js';
import type { PreparedRequest } from './kinds/target.js';
import type { RunRecord, StepRecord } from './report/record.js';

/**
 * The run types every phase shares (request/ plans them, execute/ carries them
 * out, deliver/ and report/ read them): here, so each imports them downwards.
 */

/** One run to carry out: a request to submit, or a job already known (followed by id, or reused). */
export interface PlannedRun {
  record: RunRecord;
  request?: PreparedRequest;
  job?: Job;
}

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
  /** The clock the `timeout` is measured by (default Date.now); tests inject one. */
  now?: () => number;
}
