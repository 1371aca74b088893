import type { Job } from '../armox/types.js';
import type { Logger } from '../core/log.js';
import type { RunTarget } from '../target/target.js';

/**
 * What the next run will cost, for `max-credits`. A model's price is known up
 * front; an app's is not (its contract has none), so it is estimated from what
 * recent runs of the same app were charged, else from the first run's charge.
 */
export class CostEstimate {
  constructor(
    private readonly log: Logger,
    private perRun?: number,
    private source?: string,
    /** False without max-credits: nothing to estimate for, so nothing to say in the log. */
    private readonly capped = true,
  ) {}

  /** The estimate for `target`, reading the recent jobs only when an app's cost matters. */
  static async forTarget(
    target: RunTarget | undefined,
    maxCredits: number | undefined,
    recentJobs: () => Promise<Job[]>,
    log: Logger,
  ): Promise<CostEstimate> {
    if (target?.price !== undefined) return new CostEstimate(log, target.price, `the price of ${target.title}`);
    if (maxCredits === undefined || !target) {
      return new CostEstimate(log, undefined, undefined, maxCredits !== undefined);
    }
    const charges = (await recentJobs())
      .filter((job) => target.ownsJob(job) && job.status !== 'failed' && (job.credits_charged ?? 0) > 0)
      .map((job) => job.credits_charged!);
    if (charges.length === 0) {
      log.info(
        `max-credits: no recent run of ${target.title} shows its cost; the first run's charge will be the estimate.`,
      );
      return new CostEstimate(log);
    }
    const highest = Math.max(...charges);
    log.info(
      `max-credits: estimating ${highest} credits a run, the most that ${charges.length} recent run${charges.length === 1 ? '' : 's'} of this app were charged.`,
    );
    return new CostEstimate(log, highest, `estimated from ${charges.length} recent runs`);
  }

  /** A run was accepted with this charge: the first one sets the estimate when nothing else did. */
  learn(charge: number | undefined): void {
    if (this.perRun !== undefined || charge === undefined) return;
    this.perRun = charge;
    this.source = "the first run's charge";
    if (this.capped) this.log.info(`max-credits: estimating ${charge} credits a run from the first run's charge.`);
  }

  /**
   * What `check` would let through of `count` runs about to be submitted, each
   * charged the estimate (for a dry run): how many fit, and why the next would not.
   */
  forecast(count: number, max: number | undefined): { fits: number; reason?: string } {
    let spent = 0;
    for (let fits = 0; fits < count; fits++) {
      const reason = this.check(spent, max);
      if (reason) return { fits, reason };
      spent += this.perRun ?? 0;
    }
    return { fits: count };
  }

  /** Why the next run may not be submitted under `max`, or undefined when it may. */
  check(spent: number, max: number | undefined): string | undefined {
    if (max === undefined) return undefined;
    if (this.perRun === undefined) {
      return spent >= max ? `max-credits (${max}) is reached: ${spent} credits were spent.` : undefined;
    }
    if (spent + this.perRun <= max) return undefined;
    return (
      `max-credits is ${max}: ${spent} credits spent so far, and the next run would cost ${this.perRun} ` +
      `(${this.source}), which could cross it.`
    );
  }
}
