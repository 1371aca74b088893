import type { Job } from '../armox/types.js';
import { plural } from '../core/format.js';
import type { Logger } from '../core/log.js';
import type { RunTarget } from '../kinds/target.js';

/** Where the estimate comes from once runs of this step are charged. */
const ACTUAL = 'the most a run of this step was charged';

/**
 * What the next run will cost, for `max-credits`. A model's price is known up
 * front; an app's is not (its contract has none), so it is estimated from what
 * recent runs of the same app were charged, else from the first run's charge.
 * Once runs of this step are charged, their charges correct the estimate: the
 * highest of them (never below a model's price), to stay on the safe side.
 */
export class CostEstimate {
  /** The highest charge of a run of this step so far. */
  private highestCharge?: number;

  constructor(
    private readonly log: Logger,
    private perRun?: number,
    private source?: string,
    /** False without max-credits: nothing to estimate for, so nothing to say in the log. */
    private readonly capped = true,
    /** A price known before submitting (a model's): charges may raise the estimate, never lower it. */
    private readonly price?: number,
  ) {}

  /**
   * The estimate for `target`, reading the recent jobs only when an app's cost
   * matters (max-credits): without it, an app's runs are not estimated.
   */
  static async forTarget(
    target: RunTarget | undefined,
    maxCredits: number | undefined,
    recentJobs: () => Promise<Job[]>,
    log: Logger,
  ): Promise<CostEstimate> {
    const capped = maxCredits !== undefined;
    if (target?.price !== undefined) {
      return new CostEstimate(log, target.price, `the price of ${target.title}`, capped, target.price);
    }
    if (!capped || !target) return new CostEstimate(log, undefined, undefined, capped);
    const charges = (await recentJobs())
      .filter((job) => target.ownsJob(job) && job.status !== 'failed' && (job.credits_charged ?? 0) > 0)
      .map((job) => job.credits_charged!);
    if (charges.length === 0) {
      log.info(
        `max-credits: no recent run of ${target.title} shows its cost, and an app's contract has no price, so the first ` +
          `run's charge cannot be checked against max-credits (${maxCredits}) before Armox accepts it; ` +
          'that charge will be the estimate for the runs after it.',
      );
      return new CostEstimate(log);
    }
    const highest = Math.max(...charges);
    const recent = plural(charges.length, 'recent run');
    const were = charges.length === 1 ? 'was' : 'were';
    log.info(`max-credits: estimating ${highest} credits a run, the most that ${recent} of this app ${were} charged.`);
    return new CostEstimate(log, highest, `estimated from ${recent}`);
  }

  /** A run of this step was accepted with this charge: the estimate follows the highest charge seen. */
  learn(charge: number | undefined): void {
    if (charge === undefined || (this.highestCharge !== undefined && charge <= this.highestCharge)) return;
    this.highestCharge = charge;
    const next = Math.max(charge, this.price ?? 0);
    if (next === this.perRun) return;
    const [before, beforeSource] = [this.perRun, this.source];
    this.perRun = next;
    this.source = ACTUAL;
    if (!this.capped) return;
    if (before === undefined) {
      this.log.info(`max-credits: estimating ${next} credits a run from the first run's charge.`);
      return;
    }
    const instead = beforeSource === ACTUAL ? `up from ${before}` : `instead of ${before}, ${beforeSource}`;
    this.log.info(`max-credits: estimating ${next} credits a run from now on, ${ACTUAL} (${instead}).`);
  }

  /** What the next run's cost was taken to be, for the warning when a charge crosses max-credits after all. */
  basis(): string {
    return this.perRun === undefined
      ? "Its cost could not be known before Armox accepted it: an app's contract has no price, and no recent run of it showed its cost."
      : `Its cost was taken to be ${this.perRun} credits (${this.source}).`;
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

  /**
   * Why the next run may not be submitted under `max`, or undefined when it may.
   * `unknown` names the runs whose submission's outcome is unknown (`item "2"`),
   * `unpriced` the accepted jobs whose charge Armox has not shown yet: either may
   * have been charged, so each counts as the estimate, to stay on the safe side.
   */
  check(spent: number, max: number | undefined, unknown: string[] = [], unpriced: string[] = []): string | undefined {
    if (max === undefined) return undefined;
    const uncertain = [
      ...(unknown.length ? [whose(unknown, 'outcome', 'unknown')] : []),
      ...(unpriced.length ? [whose(unpriced, 'charge', 'not known yet')] : []),
    ].join('; and ');
    const count = unknown.length + unpriced.length;
    if (this.perRun === undefined) {
      if (count > 0) {
        return `max-credits (${max}) cannot be kept: ${uncertain}, may have been charged, and no run's cost is known yet.`;
      }
      return spent >= max ? `max-credits (${max}) is reached: ${spent} credits were spent.` : undefined;
    }
    const counted = spent + count * this.perRun;
    if (counted + this.perRun <= max) return undefined;
    const including = count > 0 ? ` (counting ${count * this.perRun} for ${uncertain})` : '';
    return (
      `max-credits is ${max}: ${counted} credits spent so far${including}, and the next run would cost ${this.perRun} ` +
      `(${this.source}), which could cross it.`
    );
  }

  /** What a run is taken to cost, and why (`70 credits (the price of model "x")`); undefined when unknown. */
  get each(): { credits: number; source: string } | undefined {
    return this.perRun === undefined ? undefined : { credits: this.perRun, source: this.source ?? 'estimated' };
  }
}

/** `item "1", whose outcome is unknown`, `items "1", "2", whose charges are not known yet`. */
function whose(names: string[], what: string, state: string): string {
  return names.length === 1
    ? `${names[0]}, whose ${what} is ${state}`
    : `${names.join(', ')}, whose ${what}s are ${state}`;
}
