import { plural } from '../core/format.js';
import type { Logger } from '../core/log.js';
import type { PlannedRun } from './execution.js';

/** Where the runs of one execution stand: waiting to be submitted, or live on Armox; and why submitting stopped. */
export class Flight {
  readonly waiting: PlannedRun[] = [];
  /** Unfinished jobs by id. */
  readonly live = new Map<string, PlannedRun>();
  /** Why nothing more is submitted (max-credits, fail-fast, an account problem, stopping), when so. */
  stopReason?: string;

  constructor(private readonly log: Logger) {}

  /** Nothing more is submitted: every waiting run is recorded as skipped, saying why. */
  stopSubmitting(reason: string): void {
    if (this.stopReason) return;
    this.stopReason = reason;
    if (this.waiting.length > 0) {
      this.log.warning(`Not submitting the ${plural(this.waiting.length, 'remaining run')}: ${reason}`);
    }
    for (const run of this.waiting.splice(0)) run.record.ended('skipped', `not submitted: ${reason}`);
  }
}
