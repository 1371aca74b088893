import type { TargetInfo } from '../kinds/target.js';
import type { Balance } from '../money/charge.js';
import type { OutputItem } from './job-outputs.js';

/** The record's data, read by the outputs, the summary and the manifest; `record.ts` fills it in. */

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
 * A run as plain data: what the outputs, the summary and the manifest read.
 * A class without methods, so that `RunRecord` (which fills it in) inherits
 * these fields rather than listing them again; plain objects of this shape
 * are `RunData` too.
 */
export class RunData {
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
  /** A rehearsal: the completed job (other inputs) that stood in for this run; nothing was submitted or charged. */
  borrowedFrom?: ReusedJob;
  /** Followed by `job-id`: submitted (and charged) by an earlier step, not this one. */
  followed = false;
  /** Set once reuse was looked at and nothing was adopted: the `reused` output is then `false`, even in a dry run. */
  knownNotReused = false;
  startedAt?: number;
  finishedAt?: number;

  /** @param name `1`, `2`, … or the batch item's name; the single run is `1`. */
  constructor(readonly name: string) {}
}

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

export type { TargetInfo } from '../kinds/target.js';

/**
 * The step's one run, when it is not a batch (a batch of one item reads as a
 * single run too): the one definition the outputs, the summary and the
 * comment use to tell the two apart.
 */
export function singleRunOf<Run>(step: { readonly runs: readonly Run[]; readonly perItem: boolean }): Run | undefined {
  return !step.perItem && step.runs.length === 1 ? step.runs[0] : undefined;
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
  dryRun?: DryRunData;
  /** The `rehearsal` input: completed jobs stood in for the runs. */
  rehearsal: boolean;
  startedAt: number;
  finishedAt?: number;
  creditsCharged?: number;
  /** The Armox balance before and after the step, when it was read. */
  balance?: Balance;
}

/** What a dry run would have sent, and the contract it was checked against. */
export interface DryRunData {
  requests: Array<{ name: string; body: unknown }>;
  skeleton: string;
  contract: string;
}
