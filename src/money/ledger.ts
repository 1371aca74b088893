import { isTerminal, type Job } from '../armox/types.js';
import type { Logger } from '../core/log.js';
import type { RunTarget } from '../kinds/target.js';
import { knownCharge, type ChargedRun } from './charge.js';
import { CostEstimate } from './estimate.js';
import type { Naming } from '../wording.js';

export interface LedgerOptions {
  /** `max-credits`; undefined without a cap. */
  maxCredits?: number;
  /** Nothing this step sends is charged (a rehearsal): the cap and the balance always let a run through. */
  chargeFree?: boolean;
  /** Notes the crossing of the cap for the summary. */
  note?: (text: string) => void;
}

/**
 * The money of one step, in one place: what its runs were charged (the refund
 * rule is `chargeFromJob`), what is counted for runs whose charge is not known
 * (a lost answer, a job Armox has not shown a charge for: each at the estimate),
 * the `max-credits` cap, and what a run is estimated to cost (`CostEstimate`).
 * The executor asks it before each submission and tells it what it learns.
 */
export class Ledger {
  private runs: ChargedRun[] = [];
  /** Submissions whose outcome is unknown: they may have been charged. */
  private readonly lost = new Set<ChargedRun>();
  /** Runs whose charge the estimate has learnt from. */
  private readonly learnt = new Set<ChargedRun>();
  /** What each run's cost was taken to be when it was submitted, for the warning if it crosses the cap. */
  private readonly bases = new Map<ChargedRun, string>();
  /** The cap was crossed and said so (once a step). */
  private crossed = false;
  readonly maxCredits?: number;
  readonly chargeFree: boolean;
  private readonly note: (text: string) => void;

  constructor(
    readonly cost: CostEstimate,
    private readonly log: Logger,
    options: LedgerOptions = {},
  ) {
    this.maxCredits = options.maxCredits;
    this.chargeFree = options.chargeFree ?? false;
    this.note = options.note ?? (() => undefined);
  }

  /** The ledger of a step that runs `target`: its estimate read as `CostEstimate.forTarget` reads it. */
  static async forTarget(
    target: RunTarget | undefined,
    recentJobs: () => Promise<Job[]>,
    log: Logger,
    options: LedgerOptions = {},
  ): Promise<Ledger> {
    const priced = options.chargeFree ? undefined : target;
    const cost = await CostEstimate.forTarget(priced, options.maxCredits, recentJobs, log);
    return new Ledger(cost, log, options);
  }

  /** The runs this ledger keeps the account of. */
  track(runs: ChargedRun[]): void {
    this.runs = runs;
  }

  /** What the step has spent so far: each run's known charge (a failed job's is refunded: 0). */
  spent(): number {
    return this.runs.reduce((sum, run) => sum + (knownCharge(run) ?? 0), 0);
  }

  /** The run is about to be submitted: what its cost is taken to be is kept for the warning if it crosses the cap. */
  submitting(run: ChargedRun): void {
    this.bases.set(run, this.cost.basis());
  }

  /** The run's submission failed with its outcome unknown: it counts at the estimate from now on. */
  outcomeUnknown(run: ChargedRun): void {
    this.lost.add(run);
  }

  /**
   * Why the next run may not be submitted under `max-credits`, or undefined
   * when it may. `what` names a run in the reason (`item "2"`).
   */
  refusal(what: (run: ChargedRun) => string): string | undefined {
    if (this.chargeFree) return undefined;
    const lost = [...this.lost].map(what);
    const unpriced = this.runs.filter((run) => !this.lost.has(run) && this.chargeUnknown(run)).map(what);
    return this.cost.check(this.spent(), this.maxCredits, lost, unpriced);
  }

  /** An accepted job whose charge a poll may still show: a refusal may be lifted by waiting for it. */
  awaitingCharges(): boolean {
    return this.runs.some((run) => this.chargeUnknown(run) && !isTerminal(run.status ?? ''));
  }

  /**
   * Charges the step has just seen (in a run's answer or a poll): the estimate
   * learns from them, and a charge that takes the step past `max-credits` is
   * warned about (once). `naming` names a run.
   */
  review(naming: Pick<Naming, 'what' | 'paidFor'>): void {
    for (const run of this.runs) {
      const charge = knownCharge(run);
      if (charge === undefined || !run.jobId || run.reusedFrom || run.borrowedFrom || this.learnt.has(run)) continue;
      this.learnt.add(run);
      if (charge > 0) this.cost.learn(charge);
      this.warnIfCrossed(run, charge, naming.what(run), naming.paidFor());
    }
  }

  /** What max-credits would let through of `count` runs about to be submitted (for a dry run and refused inputs). */
  forecast(count: number): { fits: number; reason?: string } {
    if (this.chargeFree) return { fits: count };
    return this.cost.forecast(count, this.maxCredits);
  }

  /**
   * `max-credits would also refuse the run: …`, for a step whose inputs were
   * refused, so that one run of the step tells every problem. Undefined when the
   * runs fit.
   */
  refusalNote(count: number): string | undefined {
    const { fits, reason } = this.forecast(count);
    if (!reason) return undefined;
    const which = fits === 0 ? (count === 1 ? 'the run' : 'every run') : `the runs after the first ${fits} of ${count}`;
    return `max-credits would also refuse ${which}: ${reason}`;
  }

  /**
   * A charge took the step past max-credits: possible only when the run's cost
   * could not be known before Armox accepted it, or was more than estimated.
   * The run is paid for, so it is followed and delivered, not cancelled.
   */
  private warnIfCrossed(run: ChargedRun, charge: number, what: string, paidFor: string): void {
    const max = this.maxCredits;
    const spent = this.spent();
    if (max === undefined || spent <= max || this.crossed) return;
    this.crossed = true;
    const basis = this.bases.get(run) ?? this.cost.basis();
    const message =
      `max-credits (${max}) is crossed: Armox charged ${charge} credits for ${what} (job ${run.jobId}), ` +
      `so this step has spent ${spent}. ${basis} ${paidFor}`;
    this.log.warning(message);
    this.note(message);
  }

  private chargeUnknown(run: ChargedRun): boolean {
    return run.jobId !== undefined && knownCharge(run) === undefined;
  }
}
