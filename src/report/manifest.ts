/**
 * The manifest: a JSON record of what one step did and what was paid for —
 * the app or model, each run's inputs, job, charge and files (with their
 * sha256), and the release assets. A user uploads it as an artifact or attaches
 * it to the release. The types below are the file's format (keys as written).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileUrlsOf } from './job-outputs.js';
import { problemOf, runCharge, runStatus, type RunData, type StepData } from './record.js';
import { VERSION } from '../core/version.js';

/** Bumped when a key changes meaning or goes away (adding keys does not bump it). */
const MANIFEST_FORMAT = 1;

export interface Manifest {
  manifest_format: typeof MANIFEST_FORMAT;
  /** `armox-app-action` and its version. */
  action: { name: string; version: string };
  /** When the manifest was written (ISO 8601). */
  written_at: string;
  /** What was run. */
  target: ManifestTarget;
  /** A rehearsal: each run borrowed a completed job (other inputs, see `borrowed_from`); nothing was submitted or paid. */
  rehearsal: boolean;
  /** One per run: a single run, or each batch item in order. */
  runs: ManifestRun[];
  /** Files attached to a release by this step (empty when none). */
  release_assets: ManifestReleaseAsset[];
  /**
   * The Armox balance (credits) before the first submission and after the step;
   * null when it was not read. `after_from`: `account` (read again) or `charges`
   * (`before` minus this step's charges, when that read failed or nothing was sent).
   */
  balance?: { before: number; after: number | null; after_from: 'account' | 'charges' | null } | null;
}

export interface ManifestTarget {
  kind: string;
  /** The app id or the model id. */
  id: string;
  name: string;
}

export interface ManifestRun {
  /** The batch item's name; null for a single run. */
  item: string | null;
  /** The inputs as sent (`PreparedRequest.inputs`). */
  inputs: Record<string, unknown>;
  /** The job that produced the results (the reused one when `reused`); null when nothing was submitted. */
  job_id: string | null;
  /** As in `results`: the job's last known status (`completed`, `failed`, …), `skipped` or `error` for a run without a job, or `not-submitted` when the step stopped before it. */
  status: string;
  /** The job's times, as Armox gave them. */
  created_at: string | null;
  completed_at: string | null;
  /** As in `results`: credits this step caused to be charged for this run (0 when reused, failed — Armox refunds it — or not submitted; null when unknown). */
  credits_charged: number | null;
  reused: boolean;
  /** When reused: the job adopted instead of submitting, and what it was charged when it ran. */
  reused_from: { job_id: string; created_at: string | null; credits_charged: number | null } | null;
  /** In a rehearsal: the completed job (other inputs) that stood in for this run, and what it was charged when it ran. */
  borrowed_from: { job_id: string; created_at: string | null; credits_charged: number | null } | null;
  /** Every output file URL of the job, in order (also when `results` had to leave them out). */
  output_urls: string[];
  /** Why the run did not give its results, as in its `results` entry; null when it did. */
  error_message: string | null;
  files: ManifestFile[];
}

export interface ManifestFile {
  /** Relative to the workspace, `/`-separated. */
  path: string;
  bytes: number;
  /** Hex sha256 of the file as written to disk. */
  sha256: string;
  /** The storage URL it was downloaded from. */
  source_url: string;
}

export interface ManifestReleaseAsset {
  name: string;
  /** The asset's browser_download_url. */
  url: string;
}

/** The head of a manifest: everything but the runs and assets. */
export function manifestHeader(
  target: ManifestTarget,
  now: Date = new Date(),
  rehearsal = false,
): Omit<Manifest, 'runs' | 'release_assets'> {
  return {
    manifest_format: MANIFEST_FORMAT,
    action: { name: 'armox-app-action', version: VERSION },
    written_at: now.toISOString(),
    target: { kind: target.kind, id: target.id, name: target.name },
    rehearsal,
  };
}

/**
 * Size and sha256 of a downloaded file: the digest taken as it downloaded, or
 * else read back as a stream (memory stays flat whatever its size). `file` is a DownloadedFile: its `path` relative to the
 * workspace (or absolute) and the `url` it came from.
 */
export async function describeFile(
  workspace: string,
  file: { path: string; url: string; bytes?: number; sha256?: string },
): Promise<ManifestFile> {
  const absolute = path.resolve(workspace, file.path);
  const { size } = await stat(absolute);
  // The digest taken while the file streamed to disk, when it is of this very file; else read it back.
  const known = file.sha256 !== undefined && file.bytes === size ? file.sha256 : undefined;
  return {
    path: path.relative(workspace, absolute).split(path.sep).join('/'),
    bytes: size,
    sha256: known ?? (await hashFile(absolute)),
    source_url: file.url,
  };
}

async function hashFile(absolute: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(absolute), hash);
  return hash.digest('hex');
}

/**
 * Where the manifest goes by default: `RUNNER_TEMP/armox-manifest-<step>.json`,
 * one file per step (`step` is GITHUB_ACTION, the step's id), so two steps of
 * a job do not overwrite each other's. Falls back to the system temp folder.
 */
export function defaultManifestPath(runnerTemp: string | undefined, step: string | undefined): string {
  const name = (step ?? '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || randomBytes(4).toString('hex');
  return path.join(runnerTemp || tmpdir(), `armox-manifest-${name}.json`);
}

/**
 * Writes the manifest as indented JSON, atomically: a temporary file beside it,
 * then a rename, so a reader never sees half a manifest. Creates the folder.
 */
export async function writeManifest(filePath: string, manifest: Manifest): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The manifest of a step as recorded: every run, its files hashed from disk, and the release assets. */
export async function manifestOf(step: StepData, workspace: string, now: Date = new Date()): Promise<Manifest> {
  const target = step.target ?? { kind: 'app' as const, id: '', name: '' };
  const runs = await Promise.all(
    step.runs.map(async (run): Promise<ManifestRun> => ({
      item: step.perItem ? run.name : null,
      inputs: run.inputs ?? {},
      job_id: run.jobId ?? null,
      status: runStatus(run) ?? 'not-submitted',
      created_at: run.createdAt ?? null,
      completed_at: run.completedAt ?? null,
      credits_charged: runCharge(run),
      reused: run.reusedFrom !== undefined,
      reused_from: earlierJob(run.reusedFrom),
      borrowed_from: earlierJob(run.borrowedFrom),
      output_urls: fileUrlsOf(run.items),
      error_message: problemOf(run) ?? null,
      files: await Promise.all((run.files ?? []).map((file) => describeFile(workspace, file))),
    })),
  );
  return {
    ...manifestHeader({ kind: target.kind, id: target.id, name: target.name ?? target.id }, now, step.rehearsal),
    runs,
    release_assets: step.runs.flatMap((run) =>
      run.releaseAssets.map((asset) => ({ name: asset.name, url: asset.url })),
    ),
    balance: step.balance
      ? { before: step.balance.before, after: step.balance.after ?? null, after_from: step.balance.afterFrom ?? null }
      : null,
  };
}

/** A job reused or borrowed, as the manifest names it. */
function earlierJob(job: RunData['reusedFrom']): ManifestRun['reused_from'] {
  return job
    ? { job_id: job.jobId, created_at: job.createdAt ?? null, credits_charged: job.creditsCharged ?? null }
    : null;
}
