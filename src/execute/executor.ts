import { isTerminal, type Job } from '../armox/types.js';
import { ActionError, ApiError, CancelledError, errorMessage, TimeoutError } from '../core/errors.js';
import { plural } from '../core/format.js';
import { resumeHint } from '../core/run-context.js';
import { sleep } from '../core/timing.js';
import { collectOutputs, rawOutputs } from '../report/job-outputs.js';
import type { Execution, PlannedRun } from './execution.js';
import { Flight } from './flight.js';
import { Progress, PROGRESS_EVERY } from './progress.js';
import { Stopping } from './stopping.js';
import { OutcomeUnknownError, submitOnce } from './submit.js';
import { verdictOf } from './verdict.js';
import { JobWatch, LostTrackError, type PollResult } from './watch.js';
import type { Naming } from '../wording.js';

export type { Execution, PlannedRun } from './execution.js';

/**
 * *How* runs are carried out, whatever is run: submit each run once (at most
 * `max-concurrency` unfinished, never past `max-credits`, nothing more after a
 * failure with `fail-fast`), follow every job with one poll per interval, and
 * stop them all on timeout or cancellation. Records everything as it happens.
 *
 * How errors leave: every run's end is in its record (`record.ended`), and the
 * step's error is the verdict derived from the records, returned so that what
 * did complete is delivered first. Thrown only when the step must end at once:
 * timeout, cancellation, and a single run that could not be submitted.
 */
export async function runAll(execution: Execution): Promise<ActionError | undefined> {
  const executor = new Executor(execution);
  try {
    await executor.loop();
  } catch (error) {
    // Cancelled while a submission's outcome was unknown, too: whatever the step has in flight is cancelled.
    if (error instanceof CancelledError || execution.context.signal.aborted) await executor.stopping.interrupted();
    throw error;
  } finally {
    execution.context.record.flush();
  }
  return executor.verdict();
}

/** The scheduling loop: submit what fits, poll, record; stopping, progress and the verdict live beside it. */
class Executor {
  private readonly flight: Flight;
  private readonly naming: Naming;
  private readonly progress: Progress;
  readonly stopping: Stopping;
  private readonly watch: JobWatch;
  private polls = 0;

  constructor(private readonly execution: Execution) {
    const { context, ledger, runs } = execution;
    this.naming = context.record.naming;
    this.flight = new Flight(context.log);
    this.progress = new Progress(
      runs.map((run) => run.record),
      ledger,
      context.log,
    );
    this.stopping = new Stopping(execution, this.flight, this.naming, (run, job, id) => this.finish(run, job, id));
    this.watch = new JobWatch(context);
    ledger.track(runs.map((run) => run.record));
    for (const run of runs) {
      if (run.job) this.follow(run, run.job);
      else this.flight.waiting.push(run);
    }
  }

  async loop(): Promise<void> {
    const { config, deadline, context, ledger } = this.execution;
    const { live, waiting } = this.flight;
    let first = true;
    for (;;) {
      await this.submitWhatFits();
      if (context.signal.aborted) throw new CancelledError('The workflow was cancelled.');
      // After refilling the free slots, so "running" counts the jobs just submitted too.
      if (this.naming.perItem && this.polls > 0 && this.polls % PROGRESS_EVERY === 0) this.progress.report(live.size);
      if (!config.wait) return this.leaveRunning();
      if (live.size === 0) {
        if (waiting.length === 0 || this.flight.stopReason) return;
        continue;
      }
      if (!(first && this.execution.pollFirst))
        await sleep(Math.min(config.pollIntervalMs, deadline.remaining()), context.signal);
      first = false;
      if (deadline.expired) return this.stopping.timedOut();
      const seen = await this.poll();
      if (!seen) return;
      // In item order (the job list is newest first), so the log reads top to bottom.
      for (const [id, run] of [...live]) {
        const job = seen.get(id);
        if (job) this.update(id, run, job);
      }
      // A charge a poll revealed is checked against max-credits before the next submission.
      ledger.review(this.naming);
      this.polls += 1;
    }
  }

  /** Submits waiting runs while there is room under max-concurrency and max-credits. */
  private async submitWhatFits(): Promise<void> {
    const { config, context, ledger } = this.execution;
    const { live, waiting } = this.flight;
    // Without waiting, nothing frees a slot: every run is submitted (the client keeps to the rate limit).
    const room = () => !config.wait || live.size < config.maxConcurrency;
    while (waiting.length > 0 && !this.flight.stopReason && room()) {
      if (context.signal.aborted) throw new CancelledError('The workflow was cancelled.');
      const capped = ledger.refusal(this.naming.what);
      if (capped) {
        // A job whose charge is not shown yet counts at the estimate: its poll may lift the refusal.
        if (config.wait && live.size > 0 && ledger.awaitingCharges()) break;
        this.flight.stopSubmitting(capped);
        if (!this.naming.perItem) throw new ActionError(`${capped} Nothing was submitted and no credits were spent.`);
        break;
      }
      await this.submit(waiting.shift()!);
    }
  }

  private async submit(run: PlannedRun): Promise<void> {
    const { target, deadline, context, ledger } = this.execution;
    const what = this.naming.what(run.record);
    const send = () =>
      this.whileSubmitting(what, () => submitOnce(target!, run.request!, what, run.record.name, deadline, context));
    ledger.submitting(run.record);
    let job: Job;
    try {
      job = this.naming.perItem ? await send() : await context.log.group('Submitting the run', send);
    } catch (error) {
      return this.submitFailed(run, what, error);
    }
    // Recorded (and kept in the step state) before the log line says so: a step
    // killed right after "accepted" still leaves its post step the job to cancel.
    this.claim(run, job);
    const charge = job.credits_charged !== undefined ? ` (${job.credits_charged} credits)` : '';
    context.log.info(this.naming.accepted(run.record.name, job.id, charge, this.progress.elapsed()));
    this.follow(run, job);
    ledger.review(this.naming);
    if (context.signal.aborted) throw new CancelledError('The workflow was cancelled.');
  }

  /** A submission failed: a single run's error is the step's; a batch item's stops further submissions when it must. */
  private submitFailed(run: PlannedRun, what: string, error: unknown): void {
    const { context, ledger, config } = this.execution;
    run.record.ended(error instanceof CancelledError ? 'cancelled' : 'error', errorMessage(error));
    if (error instanceof OutcomeUnknownError) ledger.outcomeUnknown(run.record);
    if (!this.naming.perItem) throw error;
    context.log.warning(`${run.record.name}: ${errorMessage(error)}`);
    if (error instanceof TimeoutError) this.flight.stopSubmitting('the timeout ran out.');
    else if (stopsEveryRun(error)) this.flight.stopSubmitting(`the API refused ${what}: ${errorMessage(error)}`);
    else if (config.failFast) this.flight.stopSubmitting(`fail-fast: ${what} failed.`);
  }

  /**
   * A submission is never abandoned mid-flight (its outcome would be unknown).
   * When the workflow is cancelled meanwhile, the jobs already accepted are
   * cancelled at once, not after its answer; its own job is cancelled when
   * the answer comes (or by the post step, if the step must end first).
   */
  private async whileSubmitting<T>(what: string, send: () => Promise<T>): Promise<T> {
    const { signal, log } = this.execution.context;
    const onAbort = () => {
      log.info(
        `Waiting for Armox's answer to the submission of ${what}: a submission is never abandoned (its outcome would be unknown); its job is cancelled once known.`,
      );
      void this.stopping.cancelOnSignal();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await send();
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** One polling round; undefined when following the jobs failed for good (they were handed over). */
  private async poll(): Promise<PollResult | undefined> {
    try {
      return await this.watch.poll([...this.flight.live.keys()], this.execution.deadline);
    } catch (error) {
      if (!(error instanceof LostTrackError)) throw error;
      this.stopping.handOver(error);
      return undefined;
    }
  }

  /** Takes charge of a job, which is this step's from now on: accepted, followed by id or reused. */
  private follow(run: PlannedRun, job: Job): void {
    this.claim(run, job);
    if (isTerminal(job.status)) this.finish(run, job);
    else this.flight.live.set(job.id, run);
  }

  /** The job id is known: record it, and until it ends it is this step's to finish or cancel. */
  private claim(run: PlannedRun, job: Job): void {
    if (!run.record.reusedFrom && run.record.jobId !== job.id) run.record.accepted(job, this.now());
    if (!isTerminal(job.status)) this.execution.context.openJobs.opened(job.id);
  }

  /**
   * A poll's news about one job: one line per state change (`[  12s] hero:
   * processing`); a batch item's end is said by `finish`, with its outcome.
   */
  private update(id: string, run: PlannedRun, job: Job): void {
    const record = run.record;
    if (job.status !== record.status) {
      const line = this.naming.statusChange(record.name, job.id, job.status, this.progress.elapsed());
      if (line) this.execution.context.log.info(line);
    }
    if (isTerminal(job.status)) this.finish(run, job, id);
    else record.jobUpdated(job);
  }

  /** A terminal job: its outputs are recorded; with fail-fast, a failure stops further submissions. */
  private finish(run: PlannedRun, job: Job, trackedId = job.id): void {
    const { context, config } = this.execution;
    this.flight.live.delete(trackedId);
    context.openJobs.handled(trackedId);
    const { items, problem } = collectOutputs(job);
    run.record.finished(job, items, rawOutputs(job), this.now());
    if (job.status === 'completed' && problem) {
      run.record.ended(
        'error',
        `Job ${job.id} completed, but its answer is malformed: ${problem}. The raw value is in the "outputs" output.`,
      );
    }
    const urls = run.record.fileUrls.length;
    const made = `${plural(urls, 'file')}${items.length > urls ? ` and ${plural(items.length - urls, 'text output')}` : ''}`;
    const line = this.naming.ended(run.record, made, this.progress.elapsed());
    if (line) context.log.info(line);
    const { name, outcome } = run.record;
    if (this.naming.perItem && outcome !== 'completed' && config.failFast)
      this.flight.stopSubmitting(`fail-fast: item "${name}" ${outcome}.`);
  }

  /** `wait: false`: every job is left running on purpose, and the step says how to follow them. */
  private leaveRunning(): void {
    const { context } = this.execution;
    const { live } = this.flight;
    for (const [id, run] of live) {
      run.record.ended(run.record.jobId && !run.request ? 'running' : 'submitted');
      context.openJobs.handled(id);
      if (!this.naming.perItem) context.record.addNextStep(resumeHint(id));
    }
    if (live.size > 0) {
      const how = this.naming.followLater(resumeHint([...live.keys()][0]!));
      context.log.info(`Not waiting (wait: false). ${how}`);
    }
    live.clear();
  }

  /** After waiting: the error the step ends with unless every run completed (or was left running on purpose). */
  verdict(): ActionError | undefined {
    if (this.naming.perItem) this.progress.report(this.flight.live.size);
    const { error, nextStep } = verdictOf(
      this.execution.runs.map((run) => run.record),
      this.naming.perItem,
    );
    if (nextStep) this.execution.context.record.addNextStep(nextStep);
    return error;
  }

  private now(): number {
    return Date.now();
  }
}

/** Errors about the account or the key, not the item: every later run would meet them too. */
function stopsEveryRun(error: unknown): boolean {
  return error instanceof ApiError && [401, 402, 403, 429].includes(error.status ?? 0);
}
