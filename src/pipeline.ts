import * as path from 'node:path';
import type { Job } from './armox/types.js';
import type { ActionConfig } from './config/config.js';
import { deliverRun, findRelease } from './deliver/deliver.js';
import { ActionError, CancelledError, errorMessage, InputError, TimeoutError } from './core/errors.js';
import { carryOut, type PlannedRun } from './execute/carry-out.js';
import { plural } from './core/format.js';
import { loadTarget, planRuns } from './request/plan.js';
import type { ReleaseTarget } from './deliver/release.js';
import type { RunContext } from './core/run-context.js';
import { CostEstimate } from './execute/spending.js';
import type { RunTarget } from './target/target.js';
import { Deadline } from './core/timing.js';
import { JOB_LIST_LIMIT } from './execute/watch.js';
import { readEventPayload } from './core/github-event.js';
import { collectOutputs } from './report/job-outputs.js';
import { describeWindow, findReusableJob, pickReusableJob, reuseSince } from './request/reuse.js';
import { checkTrigger } from './request/trigger-guard.js';

export type { RunContext } from './core/run-context.js';

/**
 * The action's pipeline: find the target (an app or a model), check every
 * run's inputs against its contract, submit each run once, wait for the jobs,
 * and deliver their files. `timeout` bounds all of it. Throws an ActionError
 * when the step should fail; `context.record` holds the story either way.
 */
export async function runPipeline(config: ActionConfig, context: RunContext): Promise<void> {
  const deadline = Deadline.after(config.timeoutMs);
  if (config.jobId) return followJob(config, config.jobId, deadline, context);

  const event = await readEventPayload(config.github.eventPath);
  // Before any request: on public repositories, anyone can comment or open a pull request.
  const untrusted = config.dryRun
    ? undefined
    : checkTrigger(config.github.eventName, event, config.allowUntrustedTrigger);
  if (untrusted) throw new InputError(untrusted);
  const target = await loadTarget(config, deadline, context);
  const runs = await planRuns(config, target, event, context);
  const recentJobs = lazyRecentJobs(deadline, context);
  await reuseEarlierJobs(config, target, runs, recentJobs, deadline, context);
  if (config.dryRun) return reportDryRun(target, runs, context);
  // Found before paying, so no credits are spent on assets with nowhere to go.
  const release = await findRelease(config, context, deadline);
  const cost = await CostEstimate.forTarget(target, config.maxCredits, recentJobs, context.log);
  const incomplete = await carryOut({ target, runs, config, deadline, context, cost });
  if (!incomplete) context.record.outcome = config.wait ? 'completed' : 'submitted';
  await deliver(runs, config, release, deadline, context, incomplete);
}

/**
 * Never pay twice: each run whose identical completed job is in the account's
 * recent jobs (within the `reuse` window, its files still answering) adopts it
 * instead of submitting. One `GET /jobs` for the whole step.
 */
async function reuseEarlierJobs(
  config: ActionConfig,
  target: RunTarget,
  runs: PlannedRun[],
  recentJobs: () => Promise<Job[]>,
  deadline: Deadline,
  context: RunContext,
): Promise<void> {
  const { log, signal } = context;
  const since = await reuseSince(config.reuse, {
    runAttempt: String(config.github.runAttempt),
    token: config.githubToken,
    apiUrl: config.github.apiUrl,
    repository: config.github.repository,
    runId: config.github.runId,
    log,
    signal,
    timeoutMs: Math.min(deadline.remaining(), 30_000),
  });
  if (since === undefined) return;
  log.info(`reuse: looking for ${describeWindow(config.reuse, since)} with identical inputs.`);
  const jobs = await recentJobs();
  const claimed = new Set<string>();
  const outputUrls = (job: Job) =>
    collectOutputs(job).items.flatMap((item) => (item.kind === 'text' ? [] : [item.value]));
  for (const run of runs) {
    // `1: reusing job …` in a batch, `Reusing job …` for a single run.
    const label = context.record.isBatch ? `${run.record.name}: ` : undefined;
    const say = (text: string) => log.info(label ? label + text : text[0]!.toUpperCase() + text.slice(1));
    const candidates = findReusableJob(jobs, target, run.request!, since);
    const job = await pickReusableJob(candidates, { deadline, signal, log, outputUrls, claimed, label });
    if (!job) {
      const then = config.dryRun ? 'a run would be submitted and charged' : 'submitting (this run will be charged)';
      say(`nothing to reuse; ${then}.`);
      continue;
    }
    run.job = job;
    run.record.reused(job, Date.now());
    const charged = job.credits_charged !== undefined ? `, charged ${job.credits_charged} credits then` : '';
    say(
      `${config.dryRun ? 'would reuse' : 'reusing'} job ${job.id} (created ${job.created_at ?? 'at an unknown time'}${charged}): ` +
        `identical inputs, completed, files still there. ${config.dryRun ? 'A run would charge nothing.' : 'Nothing is charged.'}`,
    );
  }
}

/** `job-id` given: follow that job instead of submitting a new run, then deliver its files. */
async function followJob(config: ActionConfig, jobId: string, deadline: Deadline, context: RunContext): Promise<void> {
  const release = await findRelease(config, context, deadline);
  const job = await context.log.group(`Looking up job ${jobId}`, () => context.client.getJob(jobId, deadline));
  if (job.run_type === 'model' && job.model_id) {
    context.record.targetKnown({ kind: 'model', id: job.model_id, title: `model ${job.model_id}` });
  } else if (job.app_id) {
    const name = job.app_name ?? job.output_data?.app_name;
    context.record.targetKnown({ kind: 'app', id: job.app_id, name, title: `app "${name ?? job.app_id}"` });
  }
  context.log.info(`Job ${job.id}: ${job.status}${job.app_name ? ` (${job.app_name})` : ''}`);
  const runs: PlannedRun[] = [{ record: context.record.addRun('1'), job }];
  const cost = new CostEstimate(context.log);
  const incomplete = await carryOut({ runs, config, deadline, context, cost, pollFirst: true });
  const record = runs[0]!.record;
  if (record.outcome === 'running') {
    context.record.outcome = 'running';
    return;
  }
  if (!incomplete) context.record.outcome = 'completed';
  await deliver(runs, config, release, deadline, context, incomplete);
}

/**
 * Every completed run's files, in run order; a batch gives each item its folder
 * and asset prefix, and neither an item that did not complete (`incomplete`,
 * thrown at the end) nor one item's failed delivery holds back the others' files.
 */
async function deliver(
  runs: PlannedRun[],
  config: ActionConfig,
  release: ReleaseTarget | undefined,
  deadline: Deadline,
  context: RunContext,
  incomplete: ActionError | undefined,
): Promise<void> {
  const perItem = context.record.isBatch;
  const failed: string[] = [];
  for (const { record } of runs) {
    if (record.outcome !== 'completed') continue;
    const dir = config.downloadDir && (perItem ? path.join(config.downloadDir, record.name) : config.downloadDir);
    try {
      await deliverRun(
        record,
        { dir, assetPrefix: perItem ? `${record.name}-` : '' },
        config,
        release,
        deadline,
        context,
      );
    } catch (error) {
      // The deadline and a cancellation end the step; another item's failure does not stop this one.
      if (!perItem || error instanceof CancelledError || error instanceof TimeoutError) throw error;
      record.deliveryFailed(errorMessage(error));
      failed.push(`- ${record.name}: ${errorMessage(error)}`);
    }
  }
  const undelivered = failed.length
    ? `The files of ${plural(failed.length, 'item')} could not be delivered:\n${failed.join('\n')}`
    : undefined;
  if (incomplete && undelivered) throw new ActionError(`${incomplete.message}\n${undelivered}`);
  if (incomplete) throw incomplete;
  if (undelivered) throw new ActionError(undelivered);
}

function reportDryRun(target: RunTarget, runs: PlannedRun[], context: RunContext): void {
  const { log, record } = context;
  const requests = runs.map((run) => ({ name: run.record.name, body: run.request!.body }));
  record.outcome = 'dry-run';
  record.dryRun = { requests, skeleton: target.inputsSkeleton(), contract: target.contractTable() };
  const runsText = runs.length > 1 ? `all ${runs.length} runs match` : 'the inputs match';
  log.info(`Dry run: ${runsText} the contract of ${target.title}. Nothing was submitted and no credits were spent.`);
  for (const request of requests) {
    const label = runs.length > 1 ? ` for ${request.name}` : '';
    log.info(`Request that would be sent${label} (${target.submitCall}):\n${JSON.stringify(request.body, null, 2)}`);
  }
  log.info(record.dryRun.contract);
  log.info(`Ready-to-paste inputs:\n${record.dryRun.skeleton}`);
}

/** The account's recent jobs, listed at most once per step (max-credits and reuse share them). */
function lazyRecentJobs(deadline: Deadline, context: RunContext): () => Promise<Job[]> {
  let jobs: Promise<Job[]> | undefined;
  return () => (jobs ??= context.client.listJobs(JOB_LIST_LIMIT, deadline));
}
