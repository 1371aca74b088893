import type { ArmoxClient } from './api-client.js';
import type { Job } from './armox-types.js';
import type { Logger } from './log.js';
import type { Outputs, RunReport } from './report.js';

/** What every phase of a run works with: the API, the log, the outputs and the report. */
export interface RunContext {
  client: ArmoxClient;
  log: Logger;
  outputs: Outputs;
  report: RunReport;
  /** Aborted when the workflow is cancelled. */
  signal: AbortSignal;
  now?: () => number;
}

/**
 * Time allowed for clean-up calls made after the deadline or a cancellation:
 * cancelling the job, or finding a job whose submission answer was lost.
 */
export const CLEANUP_MS = 5_000;

export function recordApp(context: RunContext, appId: string, appName: string | undefined): void {
  context.report.appId = appId;
  context.outputs.set('app-id', appId);
  if (appName) {
    context.report.appName = appName;
    context.outputs.set('app-name', appName);
  }
}

/** Outputs follow the job as soon as anything about it is known. */
export function recordJob(job: Pick<Job, 'id' | 'status'> & Partial<Job>, context: RunContext): void {
  const { outputs, report } = context;
  report.jobId = job.id;
  report.status = job.status;
  outputs.set('job-id', job.id);
  outputs.set('status', job.status);
  if (typeof job.credits_charged === 'number') {
    report.creditsCharged = job.credits_charged;
    outputs.set('credits-charged', job.credits_charged);
  }
  if (typeof job.error_message === 'string' && job.error_message) {
    report.errorMessage = job.error_message;
    outputs.set('error-message', job.error_message);
  }
  if (!report.appName && job.app_name) report.appName = job.app_name;
}

export function resumeHint(jobId: string): string {
  return `To wait for it later, run this action with job-id: ${jobId}.`;
}
