import type { RunRequest } from './armox-types.js';
import type { OutputItem } from './job-outputs.js';

/** How the step ended, as the summary tells it. */
export type Outcome =
  'completed' | 'failed' | 'cancelled' | 'timed-out' | 'submitted' | 'running' | 'dry-run' | 'error';

export interface DownloadedFile {
  url: string;
  /** Path relative to the workspace. */
  path: string;
  bytes: number;
}

/**
 * Everything known about this run, filled in as it goes, so the job summary can
 * be written whatever happened (including failures half-way).
 */
export interface RunReport {
  startedAt: number;
  finishedAt?: number;
  outcome?: Outcome;
  appId?: string;
  appName?: string;
  jobId?: string;
  status?: string;
  creditsCharged?: number;
  items: OutputItem[];
  errorMessage?: string;
  /** What to do next, when the step failed or stopped early. */
  nextSteps: string[];
  dryRun?: { request: RunRequest; skeleton: string; contract: string };
  files: DownloadedFile[];
  releaseAssets: string[];
}

export function newReport(now: number): RunReport {
  return { startedAt: now, items: [], nextSteps: [], files: [], releaseAssets: [] };
}

/** Step outputs, written once per change (every write appends to GITHUB_OUTPUT). */
export class Outputs {
  private readonly values = new Map<string, string>();
  constructor(private readonly write: (name: string, value: string) => void) {}

  set(name: string, value: string | number | undefined | null): void {
    if (value === undefined || value === null) return;
    const text = String(value);
    if (this.values.get(name) === text) return;
    this.values.set(name, text);
    this.write(name, text);
  }
}
