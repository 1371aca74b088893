import { isTerminal, type Job } from '../armox/types.js';
import { ApiError, CancelledError, errorMessage, TimeoutError } from '../core/errors.js';
import { formatDuration, plural } from '../core/format.js';
import { CLEANUP_MS, resumeHint } from '../core/run-context.js';
import { Deadline } from '../core/timing.js';
import type { Execution, PlannedRun } from './execution.js';
import type { Flight } from './flight.js';
import { MAX_REFUSED_READS, type LostTrackError } from './watch.js';
import { Naming } from '../wording.js';

/** Records a terminal job as finished (the executor's `finish`). */
type Finish = (run: PlannedRun, job: Job, trackedId: string) => void;

/**
 * Every way the executor stops its jobs, and the wording of why: the timeout
 * (cancel, or leave running with `cancel-on-timeout: false`), the workflow's
 * cancellation, and losing track of the jobs (hand them over). Throws the
 * error the step ends with when stopping is the step's end.
 */
export class Stopping {
  /** Cancellations started because the workflow was cancelled, each with how many jobs it gave up on. */
  private readonly signalCancels: Array<Promise<number>> = [];

  constructor(
    private readonly execution: Execution,
    private readonly flight: Flight,
    private readonly naming: Naming,
    private readonly finish: Finish,
  ) {}

  /**
   * The step cannot follow its jobs (a job's reads kept being refused: a 404
   * or 403 from a proxy, a key revoked mid-run). Every job in flight is paid
   * for and may well complete, so it is handed over rather than cancelled:
   * recorded as still running with how to follow it, and no longer the post
   * step's to cancel. Nothing more is submitted; the step fails naming them.
   */
  handOver(error: LostTrackError): void {
    const { context } = this.execution;
    const reason = error.message;
    this.flight.stopSubmitting(`the step could not follow its jobs: ${reason}`);
    const ids = [...this.flight.live.keys()];
    for (const [id, run] of this.flight.live) {
      run.record.ended(
        'error',
        this.naming.perItem
          ? `the step stopped following its jobs (${reason}); this one was not cancelled and keeps running on Armox: follow it with job-id: ${id}`
          : `Could not follow job ${id}: ${reason} Reading it was refused ${MAX_REFUSED_READS} times in a row, so the step ` +
              `stopped waiting. The job was not cancelled (it is paid for) and keeps running on Armox. ${resumeHint(id)}`,
      );
      context.openJobs.handled(id);
      context.record.addNextStep(resumeHint(id));
    }
    this.flight.live.clear();
    if (this.naming.perItem) {
      context.log.warning(
        `Stopped following ${plural(ids.length, 'job')} (${ids.join(', ')}): ${reason} They were not cancelled and keep running on Armox; follow each with job-id.`,
      );
    }
  }

  /** The timeout ran out while jobs were unfinished: cancel them (unless told not to) and fail. */
  async timedOut(): Promise<void> {
    const { config, context } = this.execution;
    const waited = formatDuration(config.timeoutMs);
    this.flight.stopSubmitting(`the timeout (${waited}) ran out.`);
    const runs = [...this.flight.live.values()];
    if (!config.cancelOnTimeout) return this.leftRunningOnTimeout(runs, waited);
    const lastStatus = runs[0]?.record.status;
    const failures = await this.cancelLive('timed-out', `the timeout (${waited}) ran out before it finished`);
    const cancelled = runs.filter((run) => run.record.outcome === 'timed-out' && !failures.includes(run));
    if (failures.length === 0 && cancelled.length === 0) return;
    let message: string;
    if (failures.length > 0) {
      const ids = failures.map((run) => run.record.jobId!);
      for (const id of ids) context.record.addNextStep(resumeHint(id));
      const { subject, pronoun } = Naming.jobs(ids);
      message =
        `${subject} did not finish within the timeout. Waited ${waited}; ` +
        `cancelling failed, so ${pronoun} may still run. ${ids.map(resumeHint).join(' ')}`;
    } else {
      context.record.addNextStep('Raise `timeout` if the runs need longer, then run again.');
      const one = cancelled.length === 1 && !this.naming.perItem ? cancelled[0]!.record : undefined;
      message = one
        ? `Job ${one.jobId} did not finish within ${waited} (last status: ${lastStatus ?? 'unknown'}) and was cancelled so it stops spending credits. ` +
          'Raise timeout if the run needs longer, or set cancel-on-timeout: false and wait for it later with job-id.'
        : `${Naming.cancelledJobs(cancelled.length, waited)} Raise timeout if the runs need longer.`;
    }
    throw new TimeoutError(this.singleRunSays('timed-out', message));
  }

  /** A single run's error is the step's: its results entry says the same as the error-message output. */
  private singleRunSays(outcome: 'timed-out' | 'cancelled', message: string): string {
    if (!this.naming.perItem) this.execution.runs[0]?.record.ended(outcome, message);
    return message;
  }

  /** `cancel-on-timeout: false`: the jobs keep running on Armox, each handed over with how to follow it. */
  private leftRunningOnTimeout(runs: PlannedRun[], waited: string): never {
    const { context } = this.execution;
    for (const run of runs) {
      const id = run.record.jobId!;
      run.record.ended(
        'timed-out',
        `the timeout (${waited}) ran out before it finished; it keeps running on Armox (cancel-on-timeout: false): follow it with job-id: ${id}`,
      );
      context.openJobs.handled(id);
      context.record.addNextStep(resumeHint(id));
    }
    this.flight.live.clear();
    const one = runs.length === 1 ? runs[0]!.record : undefined;
    const message = one
      ? `Job ${one.jobId} is still ${one.status ?? 'running'} after ${waited}; it keeps running on Armox (cancel-on-timeout: false). ${resumeHint(one.jobId!)}`
      : `${plural(runs.length, 'job')} (${runs.map((run) => run.record.jobId).join(', ')}) did not finish within ${waited}; they keep running on Armox (cancel-on-timeout: false). Follow each with job-id.`;
    throw new TimeoutError(this.singleRunSays('timed-out', message));
  }

  /** The workflow was cancelled: cancel every unfinished job too. */
  async interrupted(): Promise<void> {
    const { context } = this.execution;
    context.record.cancelled();
    void this.cancelOnSignal();
    const cancelled = (await Promise.all(this.signalCancels)).reduce((sum, count) => sum + count, 0);
    const one = this.execution.runs.length === 1 ? this.execution.runs[0]!.record : undefined;
    if (one?.jobId) {
      const message = `The workflow was cancelled; job ${one.jobId} is ${one.status ?? 'cancelled'}.`;
      throw new CancelledError(cancelled > 0 ? this.singleRunSays('cancelled', message) : message);
    }
    if (cancelled > 0)
      throw new CancelledError(`The workflow was cancelled; ${plural(cancelled, 'unfinished job')} cancelled.`);
  }

  /** Nothing more is submitted, and every job in flight now is cancelled; resolves to how many there were. */
  cancelOnSignal(): Promise<number> {
    this.flight.stopSubmitting('the workflow was cancelled.');
    const count = this.flight.live.size;
    const cancelling = this.cancelLive('cancelled', 'the workflow was cancelled before it finished').then(() => count);
    this.signalCancels.push(cancelling);
    return cancelling;
  }

  /**
   * Cancels every unfinished job, all at once, each within the clean-up time,
   * recording `why` it was given up on. A job that finished meanwhile (409) is
   * reported as finished. Returns the runs whose job could not be cancelled.
   */
  private async cancelLive(outcome: 'timed-out' | 'cancelled', why: string): Promise<PlannedRun[]> {
    const failures: PlannedRun[] = [];
    // Taken now: a job accepted while these are cancelled is left for the next call.
    const entries = [...this.flight.live.entries()];
    this.flight.live.clear();
    await Promise.all(
      entries.map(async ([id, run]) => {
        if (!(await this.cancelOne(id, run, outcome, why))) failures.push(run);
      }),
    );
    return failures;
  }

  /** Cancels one job within the clean-up time; false when it could not be cancelled (it may still run). */
  private async cancelOne(id: string, run: PlannedRun, outcome: 'timed-out' | 'cancelled', why: string) {
    const { client, log, openJobs } = this.execution.context;
    const purpose = outcome === 'cancelled' ? 'because the workflow was cancelled' : 'so it stops spending credits';
    const done =
      outcome === 'cancelled' ? ', so the job was cancelled too' : '; it was cancelled so it stops spending credits';
    const cleanup = Deadline.after(CLEANUP_MS);
    try {
      const cancelled = await client.cancelJob(id, cleanup);
      run.record.jobUpdated({ id, status: cancelled.status });
      run.record.ended(outcome, why + done);
      openJobs.handled(id);
      log.info(`Cancelled job ${id} ${purpose}.`);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && (await this.finishedMeanwhile(run, id, cleanup)))
        return true;
      log.warning(`Could not cancel job ${id}: ${errorMessage(error)}`);
      run.record.ended(
        outcome,
        `${why}; cancelling it failed (${errorMessage(error)}), so it may still run: follow it with job-id: ${id}`,
      );
      return false;
    }
  }

  /** The cancel answered 409: the job finished just as it was given up on; report it as finished. */
  private async finishedMeanwhile(run: PlannedRun, id: string, cleanup: Deadline): Promise<boolean> {
    try {
      const job = await this.execution.context.client.getJob(id, cleanup);
      if (!isTerminal(job.status)) return false;
      this.execution.context.log.info(`Job ${id} finished just as the timeout ran out; reporting its result.`);
      this.finish(run, job, id);
      return true;
    } catch {
      return false;
    }
  }
}
