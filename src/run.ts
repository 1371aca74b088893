import * as path from 'node:path';
import type { Job } from './armox-types.js';
import type { ActionConfig } from './config.js';
import { deliverRun, findRelease } from './deliver.js';
import { ActionError, CancelledError, errorMessage } from './errors.js';
import { carryOut, type PlannedRun } from './execute.js';
import { plural } from './format.js';
import { loadTarget, planRuns } from './plan.js';
import type { ReleaseTarget } from './release.js';
import type { RunContext } from './run-context.js';
import { CostEstimate } from './spending.js';
import type { RunTarget } from './target.js';
import { Deadline } from './timing.js';
import { JOB_LIST_LIMIT } from './watch.js';

export type { RunContext } from './run-context.js';

/**
 * The action's pipeline: find the target (an app or a model), check every
 * run's inputs against its contract, submit each run once, wait for the jobs,
 * and deliver their files. `timeout` bounds all of it. Throws an ActionError
 * when the step should fail; `context.record` holds the story either way.
 */
export async function runAction(config: ActionConfig, context: RunContext): Promise<void> {
  const deadline = Deadline.after(config.timeoutMs, context.now);
  if (config.jobId) return followJob(config, config.jobId, deadline, context);

  const target = await loadTarget(config, deadline, context);
  const runs = await planRuns(config, target, context);
  if (config.dryRun) return reportDryRun(target, runs, context);
  // Found before paying, so no credits are spent on assets with nowhere to go.
  const release = await findRelease(config, context);
  const recentJobs = lazyRecentJobs(deadline, context);
  const cost = await CostEstimate.forTarget(target, config.maxCredits, recentJobs, context.log);
  const incomplete = await carryOut({ target, runs, config, deadline, context, cost });
  if (!incomplete) context.record.outcome = config.wait ? 'completed' : 'submitted';
  await deliver(runs, config, release, context, incomplete);
}

/** `job-id` given: follow that job instead of submitting a new run, then deliver its files. */
async function followJob(config: ActionConfig, jobId: string, deadline: Deadline, context: RunContext): Promise<void> {
  const release = await findRelease(config, context);
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
  await deliver(runs, config, release, context, incomplete);
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
  context: RunContext,
  incomplete: ActionError | undefined,
): Promise<void> {
  const perItem = context.record.isBatch;
  const failed: string[] = [];
  for (const { record } of runs) {
    if (record.outcome !== 'completed') continue;
    const dir = config.downloadDir && (perItem ? path.join(config.downloadDir, record.name) : config.downloadDir);
    try {
      await deliverRun(record, { dir, assetPrefix: perItem ? `${record.name}-` : '' }, config, release, context);
    } catch (error) {
      if (!perItem || error instanceof CancelledError) throw error;
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
