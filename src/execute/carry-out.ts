import { isTerminal, type Job } from '../armox/types.js';
import type { ActionConfig } from '../config/config.js';
import { ActionError, ApiError, CancelledError, errorMessage, TimeoutError } from '../core/errors.js';
import { formatDuration, plural } from '../core/format.js';
import { collectOutputs, rawOutputs } from '../report/job-outputs.js';
import type { PlannedRun, RunContext } from '../run.js';
import type { ChargedRun } from '../money/charge.js';
import type { Ledger } from '../money/ledger.js';
import { CLEANUP_MS, resumeHint } from '../core/run-context.js';
import { OutcomeUnknownError, submitOnce } from './submit.js';
import type { RunTarget } from '../kinds/target.js';
import { Deadline, sleep } from '../core/timing.js';
import { JobWatch, LostTrackError, MAX_REFUSED_READS, type PollResult } from './watch.js';

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

/** Polls between two progress lines of a batch. */
const PROGRESS_EVERY = 5;

/**
 * *How* runs are carried out, whatever is run: submit each run once (at most
 * `max-concurrency` unfinished, never past `max-credits`, nothing more after a
 * failure with `fail-fast`), follow every job with one poll per interval, and
 * stop them all on timeout or cancellation. Records everything as it happens.
 * Throws on timeout and cancellation; returns the error the step ends with when
 * a run did not complete, so that what did complete is delivered first.
 */
export async function carryOut(execution: Execution): Promise<ActionError | undefined> {
  const run = new Carrier(execution);
  try {
    await run.loop();
  } catch (error) {
    // Cancelled while a submission's outcome was unknown, too: whatever the step has in flight is cancelled.
    if (error instanceof CancelledError || execution.context.signal.aborted) await run.interrupted();
    throw error;
  } finally {
    execution.context.record.flush();
  }
  return run.verdict();
}

class Carrier {
  private readonly waiting: PlannedRun[] = [];
  private readonly live = new Map<string, PlannedRun>();
  /** Why nothing more is submitted (max-credits, fail-fast, an account problem), when so. */
  private stopReason?: string;
  private polls = 0;
  private readonly watch: JobWatch;
  /** Cancellations started because the workflow was cancelled, each with how many jobs it gave up on. */
  private readonly signalCancels: Array<Promise<number>> = [];
  private lastProgress?: string;
  private readonly startedAt: number;
  /** Several runs: log lines name the item, and one run's failure does not end the others. */
  private readonly perItem: boolean;

  constructor(private readonly x: Execution) {
    this.startedAt = this.now();
    this.perItem = x.context.record.perItem;
    this.watch = new JobWatch(x.context);
    x.ledger.track(x.runs.map((run) => run.record));
    for (const run of x.runs) {
      if (run.job) this.adopt(run, run.job);
      else this.waiting.push(run);
    }
  }

  async loop(): Promise<void> {
    const { config, deadline, context } = this.x;
    let first = true;
    for (;;) {
      await this.submitWhatFits();
      if (context.signal.aborted) throw new CancelledError('The workflow was cancelled.');
      // After refilling the free slots, so "running" counts the jobs just submitted too.
      if (this.perItem && this.polls > 0 && this.polls % PROGRESS_EVERY === 0) this.logProgress();
      if (!config.wait) return this.leaveRunning();
      if (this.live.size === 0) {
        if (this.waiting.length === 0 || this.stopReason) return;
        continue;
      }
      if (!(first && this.x.pollFirst))
        await sleep(Math.min(config.pollIntervalMs, deadline.remaining()), context.signal);
      first = false;
      if (deadline.expired) return this.timedOut();
      const seen = await this.poll();
      if (!seen) return;
      // In item order (the job list is newest first), so the log reads top to bottom.
      for (const [id, run] of [...this.live]) {
        const job = seen.get(id);
        if (job) this.update(id, run, job);
      }
      // A charge a poll revealed is checked against max-credits before the next submission.
      this.x.ledger.review(this.named, this.perItem);
      this.polls += 1;
    }
  }

  /** Submits waiting runs while there is room under max-concurrency and max-credits. */
  private async submitWhatFits(): Promise<void> {
    const { config, context } = this.x;
    // Without waiting, nothing frees a slot: every run is submitted (the client keeps to the rate limit).
    const room = () => !config.wait || this.live.size < config.maxConcurrency;
    while (this.waiting.length > 0 && !this.stopReason && room()) {
      if (context.signal.aborted) throw new CancelledError('The workflow was cancelled.');
      const capped = this.x.ledger.refusal(this.named);
      if (capped) {
        // A job whose charge is not shown yet counts at the estimate: its poll may lift the refusal.
        if (config.wait && this.live.size > 0 && this.x.ledger.awaitingCharges()) break;
        this.stopSubmitting(capped);
        if (!this.perItem) throw new ActionError(`${capped} Nothing was submitted and no credits were spent.`);
        break;
      }
      const run = this.waiting.shift()!;
      await this.submit(run);
    }
  }

  private async submit(run: PlannedRun): Promise<void> {
    const { target, deadline, context, ledger } = this.x;
    const what = this.what(run);
    const send = () =>
      this.whileSubmitting(what, () => submitOnce(target!, run.request!, what, run.record.name, deadline, context));
    ledger.submitting(run.record);
    let job: Job;
    try {
      job = this.perItem ? await send() : await context.log.group('Submitting the run', send);
    } catch (error) {
      run.record.ended(error instanceof CancelledError ? 'cancelled' : 'error', errorMessage(error));
      if (error instanceof OutcomeUnknownError) ledger.outcomeUnknown(run.record);
      if (!this.perItem) throw error;
      context.log.warning(`${run.record.name}: ${errorMessage(error)}`);
      if (error instanceof TimeoutError) this.stopSubmitting('the timeout ran out.');
      else if (stopsEveryRun(error)) this.stopSubmitting(`the API refused ${what}: ${errorMessage(error)}`);
      else if (this.x.config.failFast) this.stopSubmitting(`fail-fast: ${what} failed.`);
      return;
    }
    // Recorded (and kept in the step state) before the log line says so: a step
    // killed right after "accepted" still leaves its post step the job to cancel.
    this.claim(run, job);
    const charge = job.credits_charged !== undefined ? ` (${job.credits_charged} credits)` : '';
    context.log.info(
      this.perItem
        ? `[${this.elapsed()}] ${run.record.name}: job ${job.id} accepted${charge}.`
        : `Job ${job.id} accepted${charge}.`,
    );
    this.adopt(run, job);
    ledger.review(this.named, this.perItem);
    if (context.signal.aborted) throw new CancelledError('The workflow was cancelled.');
  }

  /** How messages name a run: `item "2"`, or `the run`. */
  private what(run: PlannedRun): string {
    return this.named(run.record);
  }

  private readonly named = (run: ChargedRun): string => (this.perItem ? `item "${run.name}"` : 'the run');

  /**
   * A submission is never abandoned mid-flight (its outcome would be unknown).
   * When the workflow is cancelled meanwhile, the jobs already accepted are
   * cancelled at once, not after its answer; its own job is cancelled when
   * the answer comes (or by the post step, if the step must end first).
   */
  private async whileSubmitting<T>(what: string, send: () => Promise<T>): Promise<T> {
    const { signal, log } = this.x.context;
    const onAbort = () => {
      log.info(
        `Waiting for Armox's answer to the submission of ${what}: a submission is never abandoned (its outcome would be unknown); its job is cancelled once known.`,
      );
      void this.cancelOnSignal();
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
      return await this.watch.poll([...this.live.keys()], this.x.deadline);
    } catch (error) {
      if (!(error instanceof LostTrackError)) throw error;
      this.handOver(error);
      return undefined;
    }
  }

  /**
   * The step cannot follow its jobs (a job's reads kept being refused: a 404
   * or 403 from a proxy, a key revoked mid-run). Every job in flight is paid
   * for and may well complete, so it is handed over rather than cancelled:
   * recorded as still running with how to follow it, and no longer the post
   * step's to cancel. Nothing more is submitted; the step fails naming them.
   */
  private handOver(error: LostTrackError): void {
    const { context } = this.x;
    const reason = error.message;
    this.stopSubmitting(`the step could not follow its jobs: ${reason}`);
    const ids = [...this.live.keys()];
    for (const [id, run] of this.live) {
      run.record.ended(
        'error',
        this.perItem
          ? `the step stopped following its jobs (${reason}); this one was not cancelled and keeps running on Armox: follow it with job-id: ${id}`
          : `Could not follow job ${id}: ${reason} Reading it was refused ${MAX_REFUSED_READS} times in a row, so the step ` +
              `stopped waiting. The job was not cancelled (it is paid for) and keeps running on Armox. ${resumeHint(id)}`,
      );
      context.openJobs.handled(id);
      context.record.addNextStep(resumeHint(id));
    }
    this.live.clear();
    if (this.perItem) {
      context.log.warning(
        `Stopped following ${plural(ids.length, 'job')} (${ids.join(', ')}): ${reason} They were not cancelled and keep running on Armox; follow each with job-id.`,
      );
    }
  }

  /** A job that is this step's from now on: accepted, followed or reused. */
  private adopt(run: PlannedRun, job: Job): void {
    this.claim(run, job);
    if (isTerminal(job.status)) this.finish(run, job);
    else this.live.set(job.id, run);
  }

  /** The job id is known: record it, and until it ends it is this step's to finish or cancel. */
  private claim(run: PlannedRun, job: Job): void {
    if (!run.record.reusedFrom && run.record.jobId !== job.id) run.record.accepted(job, this.now());
    if (!isTerminal(job.status)) this.x.context.openJobs.opened(job.id);
  }

  /**
   * A poll's news about one job: one line per state change (`[  12s] hero:
   * processing`); a batch item's end is said by `finish`, with its outcome.
   */
  private update(id: string, run: PlannedRun, job: Job): void {
    const record = run.record;
    if (job.status !== record.status && !(this.perItem && isTerminal(job.status))) {
      this.x.context.log.info(`[${this.elapsed()}] ${this.perItem ? record.name : `job ${job.id}`}: ${job.status}`);
    }
    if (isTerminal(job.status)) this.finish(run, job, id);
    else record.jobUpdated(job);
  }

  /** A terminal job: its outputs are recorded; with fail-fast, a failure stops further submissions. */
  private finish(run: PlannedRun, job: Job, trackedId = job.id): void {
    const { context, config } = this.x;
    this.live.delete(trackedId);
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
    if (this.perItem) {
      const { name, outcome, errorMessage: why } = run.record;
      const detail = outcome === 'completed' ? `, ${made}` : why ? ` (${why})` : '';
      context.log.info(`[${this.elapsed()}] ${name}: ${outcome}${detail}.`);
    } else if (run.record.outcome === 'completed') {
      context.log.info(`Job ${job.id} completed: ${made}.`);
    }
    if (run.record.outcome !== 'completed' && this.perItem && config.failFast) {
      this.stopSubmitting(`fail-fast: item "${run.record.name}" ${run.record.outcome}.`);
    }
  }

  private stopSubmitting(reason: string): void {
    if (this.stopReason) return;
    this.stopReason = reason;
    if (this.waiting.length > 0) {
      this.x.context.log.warning(`Not submitting the ${plural(this.waiting.length, 'remaining run')}: ${reason}`);
    }
    for (const run of this.waiting.splice(0)) run.record.ended('skipped', `not submitted: ${reason}`);
  }

  /** `wait: false`: every job is left running on purpose, and the step says how to follow them. */
  private leaveRunning(): void {
    const { context } = this.x;
    for (const [id, run] of this.live) {
      run.record.ended(run.record.jobId && !run.request ? 'running' : 'submitted');
      context.openJobs.handled(id);
      if (!this.perItem) context.record.addNextStep(resumeHint(id));
    }
    if (this.live.size > 0) {
      const how = this.perItem
        ? `The job ids are in the job-ids output; follow each with job-id.`
        : resumeHint([...this.live.keys()][0]!);
      context.log.info(`Not waiting (wait: false). ${how}`);
    }
    this.live.clear();
  }

  /** The timeout ran out while jobs were unfinished: cancel them (unless told not to) and fail. */
  private async timedOut(): Promise<void> {
    const { config, context } = this.x;
    const waited = formatDuration(config.timeoutMs);
    this.stopSubmitting(`the timeout (${waited}) ran out.`);
    const runs = [...this.live.values()];
    if (!config.cancelOnTimeout) return this.leftRunningOnTimeout(runs, waited);
    const lastStatus = runs[0]?.record.status;
    const failures = await this.cancelLive('timed-out', `the timeout (${waited}) ran out before it finished`);
    const cancelled = runs.filter((run) => run.record.outcome === 'timed-out' && !failures.includes(run));
    if (failures.length === 0 && cancelled.length === 0) return;
    let message: string;
    if (failures.length > 0) {
      const ids = failures.map((run) => run.record.jobId!);
      for (const id of ids) context.record.addNextStep(resumeHint(id));
      message =
        `${ids.length === 1 ? `Job ${ids[0]}` : `Jobs ${ids.join(', ')}`} did not finish within the timeout. Waited ${waited}; ` +
        `cancelling failed, so ${ids.length === 1 ? 'it' : 'they'} may still run. ${ids.map(resumeHint).join(' ')}`;
    } else {
      context.record.addNextStep('Raise `timeout` if the runs need longer, then run again.');
      const one = cancelled.length === 1 && !this.perItem ? cancelled[0]!.record : undefined;
      message = one
        ? `Job ${one.jobId} did not finish within ${waited} (last status: ${lastStatus ?? 'unknown'}) and was cancelled so it stops spending credits. ` +
          'Raise timeout if the run needs longer, or set cancel-on-timeout: false and wait for it later with job-id.'
        : `${plural(cancelled.length, 'job')} did not finish within ${waited} and ${cancelled.length === 1 ? 'was' : 'were'} cancelled so ${cancelled.length === 1 ? 'it stops' : 'they stop'} spending credits. Raise timeout if the runs need longer.`;
    }
    throw new TimeoutError(this.singleRunSays('timed-out', message));
  }

  /** A single run's error is the step's: its results entry says the same as the error-message output. */
  private singleRunSays(outcome: 'timed-out' | 'cancelled', message: string): string {
    if (!this.perItem) this.x.runs[0]?.record.ended(outcome, message);
    return message;
  }

  /** `cancel-on-timeout: false`: the jobs keep running on Armox, each handed over with how to follow it. */
  private leftRunningOnTimeout(runs: PlannedRun[], waited: string): never {
    const { context } = this.x;
    for (const run of runs) {
      const id = run.record.jobId!;
      run.record.ended(
        'timed-out',
        `the timeout (${waited}) ran out before it finished; it keeps running on Armox (cancel-on-timeout: false): follow it with job-id: ${id}`,
      );
      context.openJobs.handled(id);
      context.record.addNextStep(resumeHint(id));
    }
    this.live.clear();
    const one = runs.length === 1 ? runs[0]!.record : undefined;
    const message = one
      ? `Job ${one.jobId} is still ${one.status ?? 'running'} after ${waited}; it keeps running on Armox (cancel-on-timeout: false). ${resumeHint(one.jobId!)}`
      : `${plural(runs.length, 'job')} (${runs.map((run) => run.record.jobId).join(', ')}) did not finish within ${waited}; they keep running on Armox (cancel-on-timeout: false). Follow each with job-id.`;
    throw new TimeoutError(this.singleRunSays('timed-out', message));
  }

  /** The workflow was cancelled: cancel every unfinished job too. */
  async interrupted(): Promise<void> {
    const { context } = this.x;
    context.record.outcome = 'cancelled';
    void this.cancelOnSignal();
    const cancelled = (await Promise.all(this.signalCancels)).reduce((sum, count) => sum + count, 0);
    const one = this.x.runs.length === 1 ? this.x.runs[0]!.record : undefined;
    if (one?.jobId) {
      const message = `The workflow was cancelled; job ${one.jobId} is ${one.status ?? 'cancelled'}.`;
      throw new CancelledError(cancelled > 0 ? this.singleRunSays('cancelled', message) : message);
    }
    if (cancelled > 0)
      throw new CancelledError(`The workflow was cancelled; ${plural(cancelled, 'unfinished job')} cancelled.`);
  }

  /** Nothing more is submitted, and every job in flight now is cancelled; resolves to how many there were. */
  private cancelOnSignal(): Promise<number> {
    this.stopSubmitting('the workflow was cancelled.');
    const count = this.live.size;
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
    const { client, log, openJobs } = this.x.context;
    const failures: PlannedRun[] = [];
    const purpose = outcome === 'cancelled' ? 'because the workflow was cancelled' : 'so it stops spending credits';
    const done =
      outcome === 'cancelled' ? ', so the job was cancelled too' : '; it was cancelled so it stops spending credits';
    // Taken now: a job accepted while these are cancelled is left for the next call.
    const entries = [...this.live.entries()];
    this.live.clear();
    await Promise.all(
      entries.map(async ([id, run]) => {
        const cleanup = Deadline.after(CLEANUP_MS);
        try {
          const cancelled = await client.cancelJob(id, cleanup);
          run.record.jobUpdated({ id, status: cancelled.status });
          run.record.ended(outcome, why + done);
          openJobs.handled(id);
          log.info(`Cancelled job ${id} ${purpose}.`);
        } catch (error) {
          if (error instanceof ApiError && error.status === 409 && (await this.finishedMeanwhile(run, id, cleanup)))
            return;
          log.warning(`Could not cancel job ${id}: ${errorMessage(error)}`);
          run.record.ended(
            outcome,
            `${why}; cancelling it failed (${errorMessage(error)}), so it may still run: follow it with job-id: ${id}`,
          );
          failures.push(run);
        }
      }),
    );
    return failures;
  }

  /** The cancel answered 409: the job finished just as it was given up on; report it as finished. */
  private async finishedMeanwhile(run: PlannedRun, id: string, cleanup: Deadline): Promise<boolean> {
    try {
      const job = await this.x.context.client.getJob(id, cleanup);
      if (!isTerminal(job.status)) return false;
      this.x.context.log.info(`Job ${id} finished just as the timeout ran out; reporting its result.`);
      this.finish(run, job, id);
      return true;
    } catch {
      return false;
    }
  }

  /** After waiting: the error the step ends with unless every run completed (or was left running on purpose). */
  verdict(): ActionError | undefined {
    const { context } = this.x;
    const records = this.x.runs.map((run) => run.record);
    const unfinished = records.filter((r) => !['completed', 'submitted', 'running'].includes(r.outcome ?? ''));
    if (this.perItem) {
      this.logProgress();
      if (unfinished.length === 0) return undefined;
      return new ActionError(
        `${unfinished.length} of ${plural(records.length, 'run')} did not complete:\n` +
          unfinished.map((r) => `- ${r.name}: ${r.outcome}${r.errorMessage ? ` (${r.errorMessage})` : ''}`).join('\n'),
      );
    }
    const record = records[0]!;
    if (unfinished.length === 0) return undefined;
    const reason = record.errorMessage ? `: ${record.errorMessage}` : '';
    if (record.outcome === 'error') return new ActionError(record.errorMessage!);
    if (record.outcome === 'skipped') return new ActionError(record.errorMessage ?? 'The run was not submitted.');
    if (record.outcome === 'cancelled') {
      context.record.addNextStep(
        'The job was cancelled outside this workflow (by a person or another client). Run again if that was a mistake.',
      );
      return new ActionError(`Job ${record.jobId} was cancelled${reason}.`);
    }
    context.record.addNextStep(
      'Credits of a failed job are refunded. Check the inputs (image URLs must be public) and run again.',
    );
    return new ActionError(`Job ${record.jobId} failed${reason || ' (the API gave no reason)'}.`);
  }

  /** The batch's progress, unless the last line said the same. */
  private logProgress(): void {
    const line = this.progressLine();
    if (line !== this.lastProgress) this.x.context.log.info(line);
    this.lastProgress = line;
  }

  /** `12/40 completed, 3 running, 1 failed, 4 410 credits` */
  private progressLine(): string {
    const records = this.x.runs.map((run) => run.record);
    const count = (outcome: string) => records.filter((r) => r.outcome === outcome).length;
    // Jobs left running on purpose (wait: false) are running too.
    const running = this.live.size + count('submitted') + count('running');
    const parts = [`${count('completed')}/${records.length} completed`, `${running} running`];
    for (const outcome of ['failed', 'cancelled', 'error', 'skipped', 'timed-out']) {
      if (count(outcome)) parts.push(`${count(outcome)} ${outcome}`);
    }
    parts.push(`${this.x.ledger.spent().toLocaleString('en-US').replace(/,/g, ' ')} credits`);
    return parts.join(', ');
  }

  /** Time since the step began carrying out its runs, aligned for the log: `[   12s]`. */
  private elapsed(): string {
    return formatDuration(this.now() - this.startedAt).padStart(6);
  }

  private now(): number {
    return Date.now();
  }
}

/** Errors about the account or the key, not the item: every later run would meet them too. */
function stopsEveryRun(error: unknown): boolean {
  return error instanceof ApiError && [401, 402, 403, 429].includes(error.status ?? 0);
}
