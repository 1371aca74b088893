import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { resolveApp } from './apps.js';
import { isTerminal, type App, type Job, type RunRequest } from './armox-types.js';
import type { ActionConfig } from './config.js';
import { buildRequestInputs, formatContract, inputsSkeleton, type InputsSource } from './contract.js';
import { ActionError, ApiError, CancelledError, errorMessage, InputError, TimeoutError } from './errors.js';
import { formatDuration, plural } from './format.js';
import { collectOutputs } from './job-outputs.js';
import { deliverResults, findRelease } from './results.js';
import { CLEANUP_MS, recordApp, recordJob, resumeHint, type RunContext } from './run-context.js';
import { submit } from './submit.js';
import { Deadline } from './timing.js';
import { WaitTimeoutError, waitForJob } from './wait.js';

export type { RunContext } from './run-context.js';

/**
 * The action's main job: find the app, check the inputs against its contract,
 * submit one run, wait for it, and record what is known as soon as it is known.
 * Throws an ActionError when the step should fail; `report` holds the story either way.
 */
export async function runAction(config: ActionConfig, context: RunContext): Promise<void> {
  const now = context.now ?? Date.now;
  const deadline = Deadline.after(config.timeoutMs, now);

  if (config.jobId) {
    const release = await findRelease(config, context, deadline);
    const job = await followExistingJob(config, config.jobId, deadline, context);
    if (job) await deliverResults(config, release, context, deadline);
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
  const release = await findRelease(config, context, deadline);

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
  await deliverResults(config, release, context, deadline);
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
