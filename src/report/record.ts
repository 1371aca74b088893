import type { Job } from '../armox/types.js';
import { chargeFromJob, type Balance } from '../money/charge.js';
import { fileUrlsOf, type OutputItem } from './job-outputs.js';
import { OutputPublisher, type OutputWriter } from './output-publisher.js';
import { Naming } from '../wording.js';
import {
  RunData,
  singleRunOf,
  type DownloadedFile,
  type DryRunData,
  type Outcome,
  type ReleaseAsset,
  type StepData,
  type TargetInfo,
} from './run-data.js';

// The record's data types live in run-data.ts; importers of the record find them here too.
export type * from './run-data.js';
export { problemOf, runCharge, runStatus } from './run-data.js';
export type { OutputWriter } from './output-publisher.js';

/** How a change reaches the step: a named moment (published) or a lesser change (published with the next moment). */
interface Changes {
  moment(): void;
  changed(): void;
}

/**
 * One run of the step — the single run, or one item of a batch — filled in as
 * it happens, so outputs and the summary can be written whatever happened.
 * Each method says what happened; the outputs are derived from the data
 * (`step-outputs.ts`) at the moments that matter: accepted, ended, delivery failed.
 */
export class RunRecord extends RunData {
  /** Private in JavaScript too, so a snapshot (JSON) of the run holds only its data. */
  readonly #changes: Changes;

  constructor(name: string, changes: Changes) {
    super(name);
    this.#changes = changes;
  }

  /** The API took the run (or it was found after a lost answer): the job id is known from now on. */
  accepted(job: Job, now: number): void {
    this.startedAt ??= now;
    this.update(job);
    this.#changes.moment();
  }

  /** An earlier completed job is adopted instead of submitting: nothing is charged. */
  reused(job: Job, now: number): void {
    this.startedAt ??= now;
    this.reusedFrom = { jobId: job.id, createdAt: job.created_at, creditsCharged: job.credits_charged };
    this.update(job);
    this.#changes.moment();
  }

  /** A rehearsal: a completed job stands in for the run; nothing is submitted or charged. */
  borrowed(job: Job, now: number): void {
    this.startedAt ??= now;
    this.borrowedFrom = { jobId: job.id, createdAt: job.created_at, creditsCharged: job.credits_charged };
    this.update(job);
    this.#changes.moment();
  }

  /** Nothing was adopted instead of submitting (reuse is off, or found no match). */
  notReused(): void {
    this.knownNotReused = true;
    this.#changes.moment();
  }

  /** Anything new about the job: its status, charge, timestamps, error. */
  jobUpdated(job: Pick<Job, 'id' | 'status'> & Partial<Job>): void {
    this.update(job);
    this.#changes.changed();
  }

  /** The job reached a terminal state; `items` are its outputs. */
  finished(job: Job, items: OutputItem[], rawOutputs: unknown, now: number): void {
    this.items = items;
    this.rawOutputs = rawOutputs;
    this.finishedAt = now;
    this.outcome = job.status === 'completed' ? 'completed' : job.status === 'cancelled' ? 'cancelled' : 'failed';
    this.update(job);
    this.#changes.moment();
  }

  /** Files finish in any order; they are listed in the outputs' order (`output-urls`), even when a later one fails. */
  fileSaved(file: DownloadedFile): void {
    const urls = this.fileUrls;
    (this.files ??= []).push(file);
    this.files.sort((a, b) => urls.indexOf(a.url) - urls.indexOf(b.url));
    this.#changes.changed();
  }

  /** Delivery was asked for: `files` is set (empty until files are saved). */
  expectFiles(): void {
    this.files ??= [];
    this.#changes.changed();
  }

  assetUploaded(asset: ReleaseAsset): void {
    this.releaseAssets.push(asset);
    this.#changes.changed();
  }

  /** The job completed, but its files could not be downloaded or uploaded (or were never reached). */
  deliveryFailed(message: string): void {
    this.deliveryError = message;
    this.errorMessage = message;
    this.#changes.moment();
  }

  /** The run's inputs are checked against the contract: these are the inputs it sends. */
  prepared(inputs: Record<string, unknown>): void {
    this.inputs = inputs;
  }

  /** `job-id`: the run is an earlier step's job, followed here (charged to that step), sent these inputs. */
  following(inputs: Record<string, unknown> | undefined): void {
    this.followed = true;
    this.inputs = inputs;
  }

  /** The run ended without a job result: not submitted, skipped, timed out, an error. */
  ended(outcome: Outcome, message?: string): void {
    this.outcome = outcome;
    if (message) this.errorMessage = message;
    this.#changes.moment();
  }

  get fileUrls(): string[] {
    return fileUrlsOf(this.items);
  }

  /** The charge follows the refund rule of `money/charge.ts`. */
  private update(job: Pick<Job, 'id' | 'status'> & Partial<Job>): void {
    this.jobId = job.id;
    this.status = job.status;
    const chargeFree = this.reusedFrom !== undefined || this.borrowedFrom !== undefined || this.followed;
    this.creditsCharged = chargeFromJob(job, chargeFree) ?? this.creditsCharged;
    if (job.created_at) this.createdAt = job.created_at;
    if (job.completed_at) this.completedAt = job.completed_at;
    if (typeof job.error_message === 'string' && job.error_message) this.errorMessage = job.error_message;
  }
}

export interface StepRecordOptions {
  /** A batch of several runs: outputs and summary are per item. A batch of one behaves as a single run. */
  perItem?: boolean;
  /** Says in the log what an output had to leave out to stay under GitHub's limit. */
  warn?: (message: string) => void;
}

/**
 * The step: what it ran, one RunRecord per run, and how it ended. The step's
 * outputs are one function of it (`stepOutputs`), published at named moments
 * (`OutputPublisher`), so they follow what is known as soon as it matters
 * (the job id above all).
 */
export class StepRecord {
  target?: TargetInfo;
  readonly runs: RunRecord[] = [];
  outcome?: Outcome;
  errorMessage?: string;
  /** What to do next, when the step failed or stopped early. */
  readonly nextSteps: string[] = [];
  dryRun?: DryRunData;
  /** Lines for the summary that are not about one run (e.g. the spending cap). */
  readonly notes: string[] = [];
  finishedAt?: number;
  /** The Armox balance before and after the step, when it was read (see `money/balance.ts`). */
  balance?: Balance;
  manifestPath?: string;
  /** The `rehearsal` input: completed jobs stand in for the runs (see RunRecord.borrowedFrom). */
  rehearsal = false;
  checksumsPath?: string;
  /** The step has ended: every JSON list output is set, `[]` when unused (see `settleLists`). */
  listsSettled = false;
  /**
   * A batch of several runs: outputs, summary, log lines and download folders
   * are per item. A batch of one behaves as a single run.
   */
  perItem: boolean;
  private readonly publisher: OutputPublisher;
  private readonly changes: Changes = {
    moment: () => this.publisher.moment(this),
    changed: () => this.publisher.changed(),
  };

  constructor(
    readonly startedAt: number,
    write: OutputWriter,
    options: StepRecordOptions = {},
  ) {
    this.perItem = options.perItem ?? false;
    this.publisher = new OutputPublisher(write, options.warn ?? (() => undefined));
  }

  /** How the step's messages name its runs: a single run, or a batch's items (`wording.ts`). */
  get naming(): Naming {
    return new Naming(this.perItem);
  }

  /** A rehearsal: every run borrows a completed job (said by the `rehearsal` output from now on). */
  rehearsing(): void {
    this.rehearsal = true;
    this.publisher.publish(this);
  }

  targetKnown(target: TargetInfo): void {
    this.target = target;
    this.publisher.publish(this);
  }

  /** The runs are about to be planned: several items of a batch (named per item), or a single run. */
  planned(perItem: boolean): void {
    this.perItem = perItem;
  }

  /** A line for the summary that is not about one run (the spending cap, the balance). */
  note(text: string): void {
    this.notes.push(text);
  }

  /** The Armox balance as far as it is known (before paying; then after the step). */
  balanceKnown(balance: Balance): void {
    this.balance = balance;
  }

  /** A dry run: what would be sent, the contract and the `inputs:` skeleton; nothing is submitted. */
  dryRunShown(dryRun: DryRunData): void {
    this.dryRun = dryRun;
    this.outcome = 'dry-run';
  }

  /** The inputs were refused: the contract and the `inputs:` skeleton to fix them with (the summary ends with them). */
  contractShown(dryRun: DryRunData): void {
    this.dryRun = dryRun;
  }

  /** The step did what it was asked: every run completed, or was submitted or left running on purpose. */
  succeeded(outcome: 'completed' | 'submitted' | 'running'): void {
    this.outcome = outcome;
  }

  /** The workflow was cancelled; the step's error message follows (`failed`). */
  cancelled(): void {
    this.outcome = 'cancelled';
  }

  /** The step's work is over (the summary's duration ends here). */
  ended(now: number): void {
    this.finishedAt = now;
  }

  addRun(name: string): RunRecord {
    const run = new RunRecord(name, this.changes);
    this.runs.push(run);
    return run;
  }

  /** The step failed or stopped; `nextStep` says what to do about it. */
  failed(outcome: Outcome, message: string, nextStep?: string): void {
    this.outcome = outcome;
    this.errorMessage = message;
    if (nextStep && !this.nextSteps.includes(nextStep)) this.nextSteps.push(nextStep);
    this.publisher.final(this);
  }

  /** The manifest, or the checksums beside it, is written (the `manifest` and `checksums` outputs). */
  written(what: 'manifest' | 'checksums', file: string): void {
    if (what === 'manifest') this.manifestPath = file;
    else this.checksumsPath = file;
    this.publisher.final(this);
  }

  /** Publishes what moments held back: call when the step (or a phase of it) ends. */
  flush(): void {
    this.publisher.flush(this);
  }

  /** At the step's end: the JSON lists always parse in a later step (`fromJSON`), `[]` when unused. */
  settleLists(): void {
    this.listsSettled = true;
    this.publisher.final(this);
  }

  addNextStep(step: string): void {
    if (!this.nextSteps.includes(step)) this.nextSteps.push(step);
  }

  /** A plain copy of what is known, for the summary and the manifest. */
  snapshot(): StepData {
    return JSON.parse(
      JSON.stringify({
        target: this.target,
        runs: this.runs,
        perItem: this.perItem,
        outcome: this.outcome,
        errorMessage: this.errorMessage,
        nextSteps: this.nextSteps,
        notes: this.notes,
        dryRun: this.dryRun,
        rehearsal: this.rehearsal,
        startedAt: this.startedAt,
        finishedAt: this.finishedAt,
        creditsCharged: this.creditsCharged,
        balance: this.balance,
      }),
    ) as StepData;
  }

  /** The single run, when the step has exactly one. */
  get single(): RunRecord | undefined {
    return singleRunOf(this);
  }

  get creditsCharged(): number | undefined {
    const charged = this.runs.filter((run) => run.creditsCharged !== undefined);
    return charged.length ? charged.reduce((sum, run) => sum + run.creditsCharged!, 0) : undefined;
  }
}
