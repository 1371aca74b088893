/**
 * A sink is one destination of what a step made. Per-run sinks take each
 * completed run's files (the download folder, the release); per-step sinks
 * take the whole step once it is over (the manifest, the checksums, the job
 * summary, the pull-request comment). They are registered in `sinks.ts`.
 */
import type { ActionConfig } from '../config/config.js';
import type { Logger } from '../core/log.js';
import type { RunContext } from '../run.js';
import type { Deadline } from '../core/timing.js';
import type { Manifest } from '../report/manifest.js';
import type { DownloadedFile, RunRecord, StepData, StepRecord } from '../report/record.js';
import type { ReleaseTarget } from './release.js';

/** What a per-run sink delivers with: the step's settings, the deadline, the release. */
export interface DeliveryOptions {
  config: ActionConfig;
  context: RunContext;
  /** What is left of `timeout`: delivery ends by it. */
  deadline: Deadline;
  /** The release that receives the files (`upload-to-release`), found before paying. */
  release?: ReleaseTarget;
  /** The asset names the step's runs have given so far: a later run never replaces one. */
  assetNamesTaken: Set<string>;
}

/** One completed run being delivered. */
export interface RunDelivery {
  record: RunRecord;
  /** The batch item's name; undefined for a single run (its folder and assets carry no item name). */
  item?: string;
  /** How the log names the run's files: `` of a`` in a batch, empty for a single run. */
  label: string;
  /** The run's files once all are saved (what `deliver` gets), paths relative to the workspace. */
  files: DownloadedFile[];
}

export interface RunSink {
  readonly name: string;
  /** Whether this step delivers here at all (an input names the place). */
  wanted(options: DeliveryOptions): boolean;
  /** The folder the run's files are saved to when this sink keeps them there (only one sink does). */
  folder?(run: RunDelivery, options: DeliveryOptions): string | undefined;
  /** Each file as soon as it is saved, so it is recorded even when a later one fails. */
  fileSaved?(run: RunDelivery, file: DownloadedFile): void;
  /** The run's files, all saved: deliver them here. */
  deliver(run: RunDelivery, options: DeliveryOptions): Promise<void>;
  /** What a run with `job-id` needs to deliver here again (`download-dir: renders/a`), and a note on names. */
  again(run: RunDelivery, options: DeliveryOptions): { input: string; note?: string };
}

/** What a per-step sink reports with. */
export interface StepSinkContext {
  /** Undefined when the inputs could not be read. */
  config?: ActionConfig;
  event: unknown;
  log: Logger;
  signal: AbortSignal;
  /** The values no sink may show (the snapshot below is already redacted). */
  secrets: string[];
  /** Writes the job summary (GITHUB_STEP_SUMMARY). */
  writeSummary(markdown: string): Promise<void>;
}

/** The step as the per-step sinks see it, in registration order. */
export interface StepDelivery {
  record: StepRecord;
  /** The record, secrets redacted: what a sink may show. */
  snapshot(): StepData;
  /** The manifest, once its sink wrote it (the checksums sink lists its files). */
  manifest?: { file: string; content: Manifest };
}

export interface StepSink {
  readonly name: string;
  /** Best effort: a failure is logged as a warning naming the sink, never a lost result. */
  deliver(step: StepDelivery, context: StepSinkContext): Promise<void>;
}
