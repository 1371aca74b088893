import { isTerminal, type Job } from '../armox/types.js';

/**
 * The refund rule, for one answer about a job: what this step was charged for
 * it, as far as that answer tells. A reused job costs this step nothing, and
 * Armox refunds a failed job, so both count 0. Undefined when the answer does
 * not tell (no `credits_charged`): the charge known before, if any, stands.
 */
export function chargeFromJob(
  job: Partial<Pick<Job, 'status' | 'credits_charged'>>,
  reused: boolean,
): number | undefined {
  if (reused || job.status === 'failed') return 0;
  return typeof job.credits_charged === 'number' ? job.credits_charged : undefined;
}

/** What the ledger needs to know of a run (a `RunRecord`, or its snapshot). */
export interface ChargedRun {
  name: string;
  jobId?: string;
  status?: string;
  outcome?: string;
  creditsCharged?: number;
  reusedFrom?: unknown;
  /** A rehearsal's stand-in job: charged to an earlier run, not to this step. */
  borrowedFrom?: unknown;
}

/**
 * A run's charge when it is known: 0 for a run never submitted, reused or
 * refunded, or without a job; the job's charge once Armox shows one. A charge of 0 on a job not
 * finished yet is not known (Armox may show the charge later), nor is a job's
 * without `credits_charged`, nor a submission's whose answer was lost.
 */
export function knownCharge(run: ChargedRun): number | undefined {
  if (run.reusedFrom || run.borrowedFrom || run.outcome === 'skipped') return 0;
  // Without a job, nothing was charged, unless the answer was lost (the ledger knows those).
  if (!run.jobId) return 0;
  if (run.status === 'failed') return 0;
  if (run.creditsCharged === undefined) return undefined;
  if (run.creditsCharged === 0 && !isTerminal(run.status ?? '')) return undefined;
  return run.creditsCharged;
}

/** The account's balance around the step: read before the first submission, and at the end. */
export interface Balance {
  before: number;
  after?: number;
  /** `account`: read again at the end; `charges`: that read failed, so it is `before` minus this step's charges. */
  afterFrom?: 'account' | 'charges';
}
