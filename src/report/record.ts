import type { Job } from '../armox/types.js';
import { fileUrlsOf, type OutputItem } from './job-outputs.js';
import { Output, type OutputName } from '../config/names.js';
import type { RunTarget } from '../target/target.js';
import { oneLine } from '../core/text.js';
import {
  fitJsonList,
  fitLines,
  fitResults,
  megabytes,
  OUTPUT_LIMIT_BYTES,
  outputBytes,
  type Fitted,
  type ResultEntry,
} from './output-limits.js';

/** How a run (or the whole step) ended, as the summary tells it. */
export type Outcome =
  'completed' | 'failed' | 'cancelled' | 'timed-out' | 'submitted' | 'running' | 'skipped' | 'dry-run' | 'error';

export interface DownloadedFile {
  url: string;
  /** Path relative to the workspace. */
  path: string;
  bytes: number;
  /** Hex SHA-256 of the bytes written, computed as they streamed (undefined when it could not be). */
  sha256?: string;
}

export interface ReleaseAsset {
  name: string;
  url: string;
}

/** The job a run adopted instead of submitting (see reuse). */
export interface ReusedJob {
  jobId: string;
  createdAt?: string;
  /** What it was charged when it ran. */
  creditsCharged?: number;
}

/**
 * One run of the step — the single run, or one item of a batch — filled in as
 * it happens, so outputs and the summary can be written whatever happened.
 * Each method says what happened and publishes the step's outputs again.
 */
export class RunRecord {
  /** The inputs as sent (or as they would have been). */
  inputs?: Record<string, unknown>;
  jobId?: string;
  status?: string;
  /** What this step caused to be charged: 0 for a reused job, and for a failed one (Armox refunds it). */
  creditsCharged?: number;
  createdAt?: string;
  completedAt?: string;
  outcome?: Outcome;
  errorMessage?: string;
  /** The values the job produced: file URLs and texts. */
  items: OutputItem[] = [];
  /** The job's raw output object (`node_outputs` of an app, the flat `output_data` of a model). */
  rawOutputs?: unknown;
  /** Undefined until delivery ran (or was not asked for). */
  files?: DownloadedFile[];
  releaseAssets: ReleaseAsset[] = [];
  /** The job completed, but its files were not (all) delivered: why, and how to fetch them again. */
  deliveryError?: string;
  reusedFrom?: ReusedJob;
  /** Set once reuse was looked at and nothing was adopted: the `reused` output is then `false`, even in a dry run. */
  knownNotReused = false;
  startedAt?: number;
  finishedAt?: number;

  constructor(
    /** `1`, `2`, … or the batch item's name; the single run is `1`. */
    readonly name: string,
    private readonly changed: () => void,
  ) {}

  /** The API took the run (or it was found after a lost answer): the job id is known from now on. */
  accepted(job: Job, now: number): void {
    this.startedAt ??= now;
    this.jobUpdated(job);
  }

  /** Followed by `job-id`: submitted (and charged) by an earlier step, not this one. */
  followed = false;

  /** An earlier completed job is adopted instead of submitting: nothing is charged. */
  reused(job: Job, now: number): void {
    this.startedAt ??= now;
    this.reusedFrom = { jobId: job.id, createdAt: job.created_at, creditsCharged: job.credits_charged };
    this.jobUpdated(job);
  }

  /** Nothing was adopted instead of submitting (reuse is off, or found no match). */
  notReused(): void {
    this.knownNotReused = true;
    this.changed();
  }

  /**
   * Anything new about the job: its status, charge, timestamps, error. The
   * charge is the job's latest (a terminal job's is final); a failed job is
   * refunded by Armox, so it counts 0, as it does against max-credits.
   */
  jobUpdated(job: Pick<Job, 'id' | 'status'> & Partial<Job>): void {
    this.jobId = job.id;
    this.status = job.status;
    // A job followed by `job-id` was charged to the step that submitted it; a failed one is refunded.
    if (this.reusedFrom || this.followed || job.status === 'failed') this.creditsCharged = 0;
    else if (typeof job.credits_charged === 'number') this.creditsCharged = job.credits_charged;
    if (job.created_at) this.createdAt = job.created_at;
    if (job.completed_at) this.completedAt = job.completed_at;
    if (typeof job.error_message === 'string' && job.error_message) this.errorMessage = job.error_message;
    this.changed();
  }

  /** The job reached a terminal state; `items` are its outputs. */
  finished(job: Job, items: OutputItem[], rawOutputs: unknown, now: number): void {
    this.items = items;
    this.rawOutputs = rawOutputs;
    this.finishedAt = now;
    this.outcome = job.status === 'completed' ? 'completed' : job.status === 'cancelled' ? 'cancelled' : 'failed';
    this.jobUpdated(job);
  }

  /** Files finish in any order; they are listed in the outputs' order (`output-urls`), even when a later one fails. */
  fileSaved(file: DownloadedFile): void {
    const urls = this.fileUrls;
    (this.files ??= []).push(file);
    this.files.sort((a, b) => urls.indexOf(a.url) - urls.indexOf(b.url));
    this.changed();
  }

  /** Delivery was asked for: `files` is set (empty until files are saved). */
  expectFiles(): void {
    this.files ??= [];
    this.changed();
  }

  assetUploaded(asset: ReleaseAsset): void {
    this.releaseAssets.push(asset);
    this.changed();
  }

  /** The job completed, but its files could not be downloaded or uploaded (or were never reached). */
  deliveryFailed(message: string): void {
    this.deliveryError = message;
    this.errorMessage = message;
    this.changed();
  }

  /** The run ended without a job result: not submitted, skipped, timed out, an error. */
  ended(outcome: Outcome, message?: string): void {
    this.outcome = outcome;
    if (message) this.errorMessage = message;
    this.changed();
  }

  get fileUrls(): string[] {
    return fileUrlsOf(this.items);
  }
}

/** A run as plain data: what the summary and the manifest read. */
export type RunData = Omit<
  RunRecord,
  | 'accepted'
  | 'reused'
  | 'notReused'
  | 'jobUpdated'
  | 'finished'
  | 'fileSaved'
  | 'expectFiles'
  | 'assetUploaded'
  | 'deliveryFailed'
  | 'ended'
  | 'fileUrls'
>;

/** The reason given for an outcome when nothing more specific is known. */
const DEFAULT_REASONS: Partial<Record<Outcome, string>> = {
  failed: 'the API gave no reason',
  cancelled: 'cancelled outside this workflow (by a person or another client)',
  'timed-out': 'the timeout ran out before it finished',
  skipped: 'not submitted',
  error: 'the run could not be carried out',
};

/**
 * Why a run did not give its results: the `error-message` of its `results`
 * entry and of its line in a batch's `error-message`. Undefined when it
 * completed and was delivered, or is still under way (wait: false).
 */
export function problemOf(run: RunData): string | undefined {
  const { outcome } = run;
  if (outcome === 'completed') return run.deliveryError;
  if (!outcome || outcome === 'submitted' || outcome === 'running' || outcome === 'dry-run') return undefined;
  return run.errorMessage ?? DEFAULT_REASONS[outcome];
}

/** The status a run reports: its job's, or for a run that never had a job, what became of it (`skipped`, `error`). */
export function runStatus(run: RunData): string | undefined {
  return run.outcome === 'skipped' ? 'skipped' : (run.status ?? run.outcome);
}

/**
 * What a run cost this step: its job's charge; 0 for a run never submitted;
 * null when unknown (a submission whose answer was lost may have been charged).
 */
export function runCharge(run: RunData): number | null {
  return run.creditsCharged ?? (run.outcome === 'skipped' ? 0 : null);
}

/** The step as plain data (secrets can be redacted from it before rendering). */
export interface StepData {
  target?: TargetInfo;
  runs: RunData[];
  perItem: boolean;
  outcome?: Outcome;
  errorMessage?: string;
  nextSteps: string[];
  notes: string[];
  dryRun?: StepRecord['dryRun'];
  startedAt: number;
  finishedAt?: number;
  creditsCharged?: number;
}

/** What is being run, as outputs and the summary name it. */
export interface TargetInfo {
  kind: RunTarget['kind'];
  id: string;
  name?: string;
  title: string;
  /** A model's modality: image, video, audio, text, 3d. */
  modality?: string;
}

/**
 * A batch's outputs hold JSON of every item and change with every item's news:
 * written at once they would grow GITHUB_OUTPUT with the square of the batch
 * (10 MB for 100 items). So a batch publishes at most once per this interval,
 * and on `flush()`.
 */
const BATCH_PUBLISH_MS = 1_000;

/** Writes one step output; `StepRecord` calls it only when a value changes. */
export type OutputWriter = (name: OutputName, value: string) => void;

export interface StepRecordOptions {
  /** A batch of several runs: outputs and summary are per item. A batch of one behaves as a single run. */
  perItem?: boolean;
  /** Says in the log what an output had to leave out to stay under GitHub's limit. */
  warn?: (message: string) => void;
}

/**
 * The step: what it ran, one RunRecord per run, and how it ended. The step's
 * outputs are derived from it in one place (`publish`), after every change, so
 * they follow what is known as soon as it is known (the job id above all).
 */
export class StepRecord {
  target?: TargetInfo;
  readonly runs: RunRecord[] = [];
  outcome?: Outcome;
  errorMessage?: string;
  /** What to do next, when the step failed or stopped early. */
  readonly nextSteps: string[] = [];
  dryRun?: { requests: Array<{ name: string; body: unknown }>; skeleton: string; contract: string };
  /** Lines for the summary that are not about one run (e.g. the spending cap). */
  readonly notes: string[] = [];
  finishedAt?: number;
  manifestPath?: string;
  private readonly written = new Map<string, string>();
  private lastPublished = 0;
  /** A batch change not yet published (see BATCH_PUBLISH_MS). */
  private unpublished = false;
  /**
   * A batch of several runs: outputs, summary, log lines and download folders
   * are per item. A batch of one behaves as a single run.
   */
  perItem: boolean;
  private readonly warn: (message: string) => void;
  /** Outputs whose cut was already said in the log, once each. */
  private readonly warnedCuts = new Set<OutputName>();

  constructor(
    readonly startedAt: number,
    private readonly write: OutputWriter,
    options: StepRecordOptions = {},
  ) {
    this.perItem = options.perItem ?? false;
    this.warn = options.warn ?? (() => undefined);
  }

  targetKnown(target: TargetInfo): void {
    this.target = target;
    this.publish();
  }

  addRun(name: string): RunRecord {
    const run = new RunRecord(name, () => this.publish());
    this.runs.push(run);
    return run;
  }

  /** The step failed or stopped; `nextStep` says what to do about it. */
  failed(outcome: Outcome, message: string, nextStep?: string): void {
    this.outcome = outcome;
    this.errorMessage = message;
    if (nextStep && !this.nextSteps.includes(nextStep)) this.nextSteps.push(nextStep);
    this.publish(true);
  }

  manifestWritten(file: string): void {
    this.manifestPath = file;
    this.publish(true);
  }

  /** Publishes what a batch held back: call when the step (or a phase of it) ends. */
  flush(): void {
    if (this.unpublished) this.publish(true);
  }

  /** At the step's end: the JSON lists always parse in a later step (`fromJSON`), `[]` when unused. */
  settleLists(): void {
    for (const name of LIST_OUTPUTS) if (!this.written.has(name)) this.set(name, '[]');
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
        startedAt: this.startedAt,
        finishedAt: this.finishedAt,
        creditsCharged: this.creditsCharged,
      }),
    ) as StepData;
  }

  /** The single run, when the step has exactly one. */
  get single(): RunRecord | undefined {
    return this.runs.length === 1 ? this.runs[0] : undefined;
  }

  get creditsCharged(): number | undefined {
    const charged = this.runs.filter((run) => run.creditsCharged !== undefined);
    return charged.length ? charged.reduce((sum, run) => sum + run.creditsCharged!, 0) : undefined;
  }

  /** Sets every output that can be derived from what is known now (a batch: see BATCH_PUBLISH_MS). */
  publish(now = false): void {
    if (this.perItem && !now && Date.now() - this.lastPublished < BATCH_PUBLISH_MS) {
      this.unpublished = true;
      return;
    }
    this.unpublished = false;
    this.lastPublished = Date.now();
    const target = this.target;
    if (target?.kind === 'app') {
      this.set(Output.AppId, target.id);
      this.set(Output.AppName, target.name);
    } else if (target?.kind === 'model') {
      this.set(Output.Model, target.id);
    }
    const single = this.single;
    if (single) this.publishRun(single);
    else if (this.perItem) this.publishBatch();
    // Once any run was accepted, skipped or refused, every run has its entry (a skipped run too).
    if (this.runs.some((run) => run.jobId || run.outcome)) {
      const ids = this.runs.flatMap((run) => (run.jobId ? [run.jobId] : []));
      this.setFitted(Output.JobIds, fitJsonList(ids, 'job ids'), 'Every job id is in the manifest.');
      this.setFitted(
        Output.Results,
        fitResults(this.runs.map(resultOf)),
        "Every item's output URLs, files and error message are in the manifest.",
      );
      this.set(Output.CreditsCharged, this.creditsCharged ?? 0);
    } else if (this.outcome !== undefined) {
      // The step ended before any run got that far (refused inputs, an unknown app): nothing was charged.
      this.set(Output.CreditsCharged, 0);
    }
    this.set(Output.Manifest, this.manifestPath);
    if (this.perItem) {
      const lines = batchErrors(this.runs);
      if (lines.length)
        this.setFitted(Output.ErrorMessage, fitLines(lines), "Every item's error message is in the manifest.");
      else this.set(Output.ErrorMessage, this.errorMessage);
    } else {
      this.set(Output.ErrorMessage, single?.errorMessage ?? this.errorMessage);
    }
  }

  private publishRun(run: RunRecord): void {
    this.set(Output.JobId, run.jobId);
    this.set(Output.Status, runStatus(run));
    if (run.outcome) {
      // Set (to [] without outputs) whenever the run ended, so a later `fromJSON` of it always parses.
      const urls = run.fileUrls;
      this.setFitted(Output.OutputUrls, fitJsonList(urls, 'URLs'), 'Every URL is in the manifest.');
      this.set(Output.OutputUrl, urls[0] ?? '');
      if (run.rawOutputs !== undefined) this.set(Output.Outputs, JSON.stringify(run.rawOutputs));
    }
    if (run.files) this.setFiles(run.files);
    if (run.releaseAssets.length) this.setAssets(run.releaseAssets);
    if (run.jobId || run.knownNotReused) this.set(Output.Reused, String(run.reusedFrom !== undefined));
  }

  private publishBatch(): void {
    const runs = this.runs;
    const urls = runs.flatMap((run) => run.fileUrls);
    if (runs.some((run) => run.rawOutputs !== undefined)) {
      this.setFitted(Output.OutputUrls, fitJsonList(urls, 'URLs'), 'Every URL is in the manifest.');
      this.set(Output.OutputUrl, urls[0] ?? '');
    }
    if (runs.some((run) => run.files)) this.setFiles(runs.flatMap((run) => run.files ?? []));
    const assets = runs.flatMap((run) => run.releaseAssets);
    if (assets.length) this.setAssets(assets);
    if (runs.every((run) => run.outcome !== undefined)) this.set(Output.Status, batchStatus(runs));
    if (runs.some((run) => run.jobId || run.knownNotReused)) {
      this.set(Output.Reused, String(runs.every((run) => run.reusedFrom !== undefined)));
    }
  }

  private setFiles(files: DownloadedFile[]): void {
    const paths = files.map((file) => file.path);
    this.setFitted(Output.Files, fitJsonList(paths, 'paths'), 'Every file is in the manifest.');
  }

  private setAssets(assets: ReleaseAsset[]): void {
    const urls = assets.map((asset) => asset.url);
    this.setFitted(Output.ReleaseAssets, fitJsonList(urls, 'URLs'), 'Every asset is in the manifest.');
  }

  /** Sets a value fitted under GitHub's limit, and says once what it left out and where that is instead. */
  private setFitted(name: OutputName, fitted: Fitted, elsewhere: string): void {
    if (fitted.leftOut) this.warnOnce(name, `${fitted.leftOut}. ${elsewhere}`);
    this.set(name, fitted.value);
  }

  private set(name: OutputName, value: string | number | undefined): void {
    if (value === undefined) return;
    const text = String(value);
    if (this.written.get(name) === text) return;
    // Anything else that grows past the limit is left unset rather than break the workflow.
    if (outputBytes(text) > OUTPUT_LIMIT_BYTES) {
      this.warnOnce(name, `it would be ${megabytes(outputBytes(text))}, so it is not set.`);
      return;
    }
    this.written.set(name, text);
    this.write(name, text);
  }

  private warnOnce(name: OutputName, what: string): void {
    if (this.warnedCuts.has(name)) return;
    this.warnedCuts.add(name);
    this.warn(`The ${name} output is over GitHub's 1 MB limit for an output: ${what}`);
  }
}

/** One entry of the `results` output. */
function resultOf(run: RunRecord): ResultEntry {
  return {
    name: run.name,
    'job-id': run.jobId ?? null,
    // No job (skipped, or the submission failed): the outcome stands in for the job's status.
    status: runStatus(run) ?? null,
    'credits-charged': runCharge(run),
    'output-urls': run.fileUrls,
    files: (run.files ?? []).map((file) => file.path),
    'error-message': problemOf(run) ?? null,
    reused: run.reusedFrom !== undefined,
  };
}

/**
 * A batch's `status`: `completed` when every item completed and was delivered,
 * `failed` when any was not, and `processing` while the rest were left running
 * (wait: false).
 */
function batchStatus(runs: RunRecord[]): string {
  if (runs.some((run) => run.deliveryError)) return 'failed';
  if (runs.every((run) => run.outcome === 'completed')) return 'completed';
  const leftRunning = (run: RunRecord) => ['completed', 'submitted', 'running'].includes(run.outcome!);
  return runs.every(leftRunning) ? 'processing' : 'failed';
}

/** The outputs that hold a JSON list. */
const LIST_OUTPUTS: readonly OutputName[] = [Output.Files, Output.ReleaseAssets, Output.OutputUrls, Output.JobIds];

/**
 * One line per item that failed, was skipped, or whose files were not
 * delivered, for `error-message`: `<name>: <outcome> (<its results
 * error-message>)`, or `<name>: <its results error-message>` for a completed item.
 */
function batchErrors(runs: RunRecord[]): string[] {
  return runs.flatMap((run) => {
    const found = problemOf(run);
    if (found === undefined) return [];
    // One line per item, whatever line breaks Armox's error text holds.
    const problem = oneLine(found);
    return [run.outcome === 'completed' ? `${run.name}: ${problem}` : `${run.name}: ${run.outcome} (${problem})`];
  });
}
