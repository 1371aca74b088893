import type { ActionConfig } from '../config/config.js';
import type { Deadline } from '../core/timing.js';
import type { Ledger } from '../money/ledger.js';
import type { RunTarget } from '../kinds/target.js';
import type { PlannedRun, RunContext } from '../run.js';

export type { PlannedRun } from '../run.js';

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
