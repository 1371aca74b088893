import type { Job } from '../armox/types.js';
import type { ActionConfig } from '../config/config.js';
import type { RunContext } from '../core/run-context.js';
import type { Deadline } from '../core/timing.js';
import type { Ledger } from '../money/ledger.js';
import type { RunRecord } from '../report/record.js';
import type { PreparedRequest, RunTarget } from '../target/target.js';

/** One run to carry out: a request to submit, or a job already known (followed by id, or reused). */
export interface PlannedRun {
  record: RunRecord;
  request?: PreparedRequest;
  job?: Job;
}

/** Everything the executor works with: the runs, the settings, the time left, the step's money. */
export interface Execution {
  /** What is run; undefined when following a job by id. */
  target?: RunTarget;
  runs: PlannedRun[];
  config: ActionConfig;
  deadline: Deadline;
  context: RunContext;
  /** The step's money: charges, estimates, `max-credits`. */
  ledger: Ledger;
  /** Poll at once (a followed job may be finished) rather than after one interval. */
  pollFirst?: boolean;
}
