import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ArmoxClient } from './api-client.js';
import { resolveApp } from './apps.js';
import type { App, Job, RunRequest } from './armox-types.js';
import { isTerminal } from './armox-types.js';
import type { ActionConfig } from './config.js';
import { buildRequestInputs, formatContract, inputsSkeleton, type InputsSource } from './contract.js';
import { formatDuration } from './duration.js';
import {
  ActionError,
  ApiError,
  CancelledError,
  errorMessage,
  InputError,
  NotSentError,
  TimeoutError,
} from './errors.js';
import { downloadFiles } from './download.js';
import { collectOutputs } from './job-outputs.js';
import type { Logger } from './log.js';
import type { Outputs, RunReport } from './report.js';
import { resolveReleaseTarget, uploadReleaseAssets, type ReleaseTarget } from './release.js';
import { Deadline } from './timing.js';
import { VERSION } from './version.js';
import { WaitTimeoutError, waitForJob } from './wait.js';

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
const CLEANUP_MS = 5_000;

/**
 * The action's main job: find the app, check the inputs against its contract,
 * submit one run, wait for it, and record what is known as soon as it is known.
 * Throws an ActionError when the step should fail; `report` holds the story either way.
 */
export async function runAction(config: ActionConfig, context: RunContext): Promise<void> {
  const now = context.now ?? Date.now;
  const deadline = Deadline.after(config.timeoutMs, now);

  if (config.jobId) {
    const release = await findRelease(config, context);
    const job = await followExistingJob(config, config.jobId, deadline, context);
    if (job) await deliverResults(config, release, context);
    return;
  }

  const app = await context.log.group('Checking the app and its inputs', async () => {
    const apps = await context.client.listApps(deadline);
    const found = resolveApp(apps, config);
    recordApp(context, found.id, found.name);
    context.log.info(`App: ${found.name} (${found.id})`);
    return found;
  });
  const request = await buildRunRequest(config, app, context);

  if (config.dryRun) {
    reportDryRun(app, request, context);
    return;
  }
  // Found before paying, so no credits are spent on assets with nowhere to go.
  const release = await findRelease(config, context);

  let job = await submit(request, deadline, context);
  if (context.signal.aborted) await cancelAfterInterruption(job, context);
  if (!config.wait) {
    context.report.outcome = 'submitted';
    context.report.nextSteps.push(resumeHint(job.id));
    context.log.info(`Not waiting (wait: false). ${resumeHint(job.id)}`);
    return;
  }
  job = await waitUntilTerminal(config, job.id, deadline, false, context);
  finishJob(job, context);
  await deliverResults(config, release, context);
}

/**
 * `job-id` given: follow that job instead of submitting a new run.
 * Returns the job once it has completed, or undefined when not waiting for it.
 */
async function followExistingJob(
  config: ActionConfig,
  jobId: string,
  deadline: Deadline,
  context: RunContext,
): Promise<Job | undefined> {
  let job = await context.log.group(`Looking up job ${jobId}`, () => context.client.getJob(jobId, deadline));
  recordJob(job, context);
  if (job.app_id) recordApp(context, job.app_id, job.app_name ?? job.output_data?.app_name);
  context.log.info(`Job ${job.id}: ${job.status}${job.app_name ? ` (${job.app_name})` : ''}`);
  if (!isTerminal(job.status)) {
    if (!config.wait) {
      context.report.outcome = 'running';
      return undefined;
    }
    job = await waitUntilTerminal(config, jobId, deadline, false, context);
  }
  finishJob(job, context);
  return job;
}

/** The release that will receive the files, when `upload-to-release` asks for one. */
async function findRelease(config: ActionConfig, context: RunContext): Promise<ReleaseTarget | undefined> {
  if (!config.uploadToRelease || config.dryRun) return undefined;
  return context.log.group('Checking the release', async () => {
    const target = await resolveReleaseTarget({
      upload: config.uploadToRelease!,
      token: config.githubToken,
      apiUrl: config.github.apiUrl,
      repository: config.github.repository,
      eventName: config.github.eventName,
      eventPath: config.github.eventPath,
      log: context.log,
    });
    context.log.info(`Files will be attached to release ${target.tag} (${target.htmlUrl}).`);
    return target;
  });
}

/**
 * A completed job's files: downloaded to `download-dir` (or a scratch folder
 * when they are only needed for the release), then attached to the release.
 */
async function deliverResults(
  config: ActionConfig,
  release: ReleaseTarget | undefined,
  context: RunContext,
): Promise<void> {
  const { log, outputs, report } = context;
  if (!config.downloadDir && !release) return;
  const urls = report.items.filter((item) => item.kind !== 'text').map((item) => item.value);
  if (urls.length === 0) {
    log.info('The job has no output files to download.');
    if (config.downloadDir) outputs.set('files', '[]');
    return;
  }
  const dir = config.downloadDir ?? (await mkdtemp(path.join(config.github.runnerTemp ?? tmpdir(), 'armox-')));
  const files = await log.group(`Downloading ${plural(urls.length, 'file')}`, () =>
    downloadFiles(urls, {
      dir,
      workspace: config.workspace,
      log,
      userAgent: `armox-app-action/${VERSION}`,
      signal: context.signal,
    }),
  );
  if (config.downloadDir) {
    report.files = files;
    outputs.set('files', JSON.stringify(files.map((file) => file.path)));
  }
  if (!release) return;
  const assets = await log.group(`Uploading ${plural(files.length, 'file')} to release ${release.tag}`, () =>
    uploadReleaseAssets(
      release,
      files.map((file) => {
        const absolutePath = path.resolve(config.workspace, file.path);
        return { absolutePath, name: path.basename(absolutePath) };
      }),
      {
        token: config.githubToken ?? '',
        apiUrl: config.github.apiUrl,
        log,
        signal: context.signal,
        userAgent: `armox-app-action/${VERSION}`,
      },
    ),
  );
  report.releaseAssets = assets;
  outputs.set('release-assets', JSON.stringify(assets));
}

async function buildRunRequest(config: ActionConfig, app: App, context: RunContext): Promise<RunRequest> {
  const sources: InputsSource[] = [];
  if (config.inputsFile) {
    const shown = path.relative(config.workspace, config.inputsFile) || config.inputsFile;
    let text: string;
    try {
      text = await readFile(config.inputsFile, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(
        `inputs-file: cannot read ${shown}${code === 'ENOENT' ? ' (no such file; the path is relative to the workspace)' : ` (${code ?? errorMessage(error)})`}.`,
      );
    }
    sources.push({ name: `inputs-file (${shown})`, text });
  }
  sources.push({ name: 'inputs', text: config.inputs });
  const { inputs, warnings } = buildRequestInputs(app, sources);
  for (const warning of warnings) context.log.warning(warning);
  return { app_id: app.id, inputs, ...(config.webhookUrl ? { webhook_url: config.webhookUrl } : {}) };
}

function reportDryRun(app: App, request: RunRequest, context: RunContext): void {
  const skeleton = inputsSkeleton(app);
  const contract = formatContract(app);
  context.report.outcome = 'dry-run';
  context.report.dryRun = { request, skeleton, contract };
  context.log.info(
    `Dry run: the inputs match the contract of "${app.name}". Nothing was submitted and no credits were spent.`,
  );
  context.log.info(`Request that would be sent (POST /apps/run):\n${JSON.stringify(request, null, 2)}`);
  context.log.info(contract);
  context.log.info(`Ready-to-paste inputs for this app:\n${skeleton}`);
}

/**
 * Sends the run exactly once. When the answer is lost (5xx, reset, hang, a body
 * that is not a job) the run may or may not exist: it is never sent again.
 * Instead the recent jobs are searched for it, so a paid run is not lost.
 */
async function submit(request: RunRequest, deadline: Deadline, context: RunContext): Promise<Job> {
  const { client, log } = context;
  const sentAt = (context.now ?? Date.now)();
  return log.group('Submitting the run', async () => {
    let job: Job;
    try {
      job = await client.runApp(request, deadline);
    } catch (error) {
      // A 429 or a request never sent means Armox did not take the run; anything else is a lost answer.
      const unknownOutcome =
        (error instanceof TimeoutError && !(error instanceof NotSentError)) ||
        (error instanceof ApiError && error.transient && error.status !== 429);
      if (!unknownOutcome) throw error;
      log.warning(
        `${errorMessage(error)} Armox may or may not have accepted the run; it is not sent again, since that could charge twice. ` +
          'Looking for it among the recent jobs…',
      );
      const found = await findSubmittedJob(request, sentAt, context);
      if (!found) {
        context.report.nextSteps.push(
          'Check the recent jobs of this key (GET /api/v1/jobs) before re-running. If the run is there, wait for it with `job-id`.',
        );
        throw new ActionError(
          `Submitting the run failed and its outcome is unknown: ${errorMessage(error)} It was not retried, so it was charged at most once. ` +
            'Check the recent jobs of this key (GET /api/v1/jobs) before re-running; if the run is there, pass its id as job-id to wait for it.',
        );
      }
      log.warning(`Found the submitted run among the recent jobs: ${found.id}.`);
      job = found;
    }
    recordJob(job, context);
    log.info(`Job ${job.id} accepted${job.credits_charged !== undefined ? ` (${job.credits_charged} credits)` : ''}.`);
    return job;
  });
}

/** A job of this app, with exactly these inputs, created since the submission (allowing for clock skew). */
async function findSubmittedJob(request: RunRequest, sentAt: number, context: RunContext): Promise<Job | undefined> {
  const skewMs = 120_000;
  const wanted = canonical(request.inputs);
  try {
    const jobs = await context.client.listJobs(20, Deadline.after(CLEANUP_MS, context.now));
    const candidates = jobs.filter((job) => {
      const created = Date.parse(job.created_at ?? '');
      return (
        job.app_id === request.app_id &&
        canonical(job.input_data?.inputs ?? null) === wanted &&
        (Number.isNaN(created) || created >= sentAt - skewMs)
      );
    });
    if (candidates.length === 1) return candidates[0];
    if (candidates.length > 1) {
      context.log.warning(
        `Several recent jobs match this run (${candidates.map((job) => job.id).join(', ')}); not guessing which.`,
      );
    }
  } catch (error) {
    context.log.warning(`Could not list the recent jobs: ${errorMessage(error)}`);
  }
  return undefined;
}

/** JSON with sorted keys, to compare input maps. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

async function waitUntilTerminal(
  config: ActionConfig,
  jobId: string,
  deadline: Deadline,
  pollFirst: boolean,
  context: RunContext,
): Promise<Job> {
  const { log } = context;
  log.info(
    `Waiting for job ${jobId} (poll every ${formatDuration(config.pollIntervalMs)}, timeout ${formatDuration(config.timeoutMs)}).`,
  );
  try {
    return await waitForJob(context.client, jobId, {
      pollIntervalMs: config.pollIntervalMs,
      deadline,
      log,
      signal: context.signal,
      pollFirst,
      onUpdate: (job) => recordJob(job, context),
      now: context.now,
    });
  } catch (error) {
    if (error instanceof CancelledError) {
      await cancelAfterInterruption({ id: jobId, status: context.report.status ?? 'processing' }, context);
    }
    if (!(error instanceof WaitTimeoutError)) throw error;
    return handleTimeout(config, jobId, error, context);
  }
}

/** The timeout ran out: cancel the job so it stops spending, unless told not to. */
async function handleTimeout(
  config: ActionConfig,
  jobId: string,
  error: WaitTimeoutError,
  context: RunContext,
): Promise<Job> {
  const { client, log, report } = context;
  const waited = formatDuration(config.timeoutMs);
  report.outcome = 'timed-out';
  if (!config.cancelOnTimeout) {
    report.nextSteps.push(resumeHint(jobId));
    throw new TimeoutError(
      `Job ${jobId} is still ${report.status ?? 'running'} after ${waited}; it keeps running on Armox (cancel-on-timeout: false). ${resumeHint(jobId)}`,
    );
  }
  const cleanup = Deadline.after(CLEANUP_MS, context.now);
  try {
    const cancelled = await client.cancelJob(jobId, cleanup);
    recordJob({ id: jobId, status: cancelled.status }, context);
    log.info(`Cancelled job ${jobId} so it stops spending credits.`);
  } catch (cancelError) {
    if (cancelError instanceof ApiError && cancelError.status === 409) {
      // It finished while we gave up on it: report the finished job instead.
      log.info(`Job ${jobId} finished just as the timeout ran out; reporting its result.`);
      const job = await client.getJob(jobId, cleanup);
      if (isTerminal(job.status)) return job;
    }
    log.warning(`Could not cancel job ${jobId}: ${errorMessage(cancelError)}`);
    report.nextSteps.push(resumeHint(jobId));
    throw new TimeoutError(
      `${error.message} Waited ${waited}; cancelling it failed, so it may still run. ${resumeHint(jobId)}`,
    );
  }
  report.nextSteps.push('Raise `timeout` if this app needs longer, then run again.');
  throw new TimeoutError(
    `Job ${jobId} did not finish within ${waited} (last status: ${error.lastJob?.status ?? 'unknown'}) and was cancelled so it stops spending credits. ` +
      'Raise timeout if the app needs longer, or set cancel-on-timeout: false and wait for it later with job-id.',
  );
}

/** The workflow was cancelled: cancel the remote job too, then stop. */
async function cancelAfterInterruption(job: Pick<Job, 'id' | 'status'>, context: RunContext): Promise<never> {
  const { client, log, report } = context;
  report.outcome = 'cancelled';
  if (!isTerminal(job.status)) {
    try {
      const cancelled = await client.cancelJob(job.id, Deadline.after(CLEANUP_MS, context.now));
      recordJob({ id: job.id, status: cancelled.status }, context);
      log.info(`Cancelled job ${job.id} because the workflow was cancelled.`);
    } catch (error) {
      log.warning(`Could not cancel job ${job.id}: ${errorMessage(error)}`);
    }
  }
  throw new CancelledError(`The workflow was cancelled; job ${job.id} is ${report.status ?? job.status}.`);
}

/** A terminal job: set the result outputs, and fail the step unless it completed. */
function finishJob(job: Job, context: RunContext): void {
  const { outputs, report } = context;
  recordJob(job, context);
  const { items, problem } = collectOutputs(job);
  report.items = items;
  const urls = items.filter((item) => item.kind !== 'text').map((item) => item.value);
  outputs.set('output-urls', JSON.stringify(urls));
  outputs.set('output-url', urls[0] ?? '');
  outputs.set('outputs', JSON.stringify(job.output_data?.node_outputs ?? {}));

  if (job.status === 'completed') {
    if (problem) {
      report.outcome = 'error';
      throw new ActionError(
        `Job ${job.id} completed, but its answer is malformed: ${problem}. The raw value is in the "outputs" output.`,
      );
    }
    report.outcome = 'completed';
    const texts = items.length - urls.length;
    context.log.info(
      `Job ${job.id} completed: ${plural(urls.length, 'file')}${texts ? ` and ${plural(texts, 'text output')}` : ''}.`,
    );
    return;
  }
  report.outcome = job.status === 'cancelled' ? 'cancelled' : 'failed';
  const reason = job.error_message ? `: ${job.error_message}` : '';
  if (job.status === 'cancelled') {
    report.nextSteps.push(
      'The job was cancelled outside this workflow (by a person or another client). Run again if that was a mistake.',
    );
    throw new ActionError(`Job ${job.id} was cancelled${reason}.`);
  }
  report.nextSteps.push(
    'Credits of a failed job are refunded. Check the inputs (image URLs must be public) and run again.',
  );
  throw new ActionError(`Job ${job.id} failed${reason || ' (the API gave no reason)'}.`);
}

function recordApp(context: RunContext, appId: string, appName: string | undefined): void {
  context.report.appId = appId;
  context.outputs.set('app-id', appId);
  if (appName) {
    context.report.appName = appName;
    context.outputs.set('app-name', appName);
  }
}

/** Outputs follow the job as soon as anything about it is known. */
function recordJob(job: Pick<Job, 'id' | 'status'> & Partial<Job>, context: RunContext): void {
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

function resumeHint(jobId: string): string {
  return `To wait for it later, run this action with job-id: ${jobId}.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
