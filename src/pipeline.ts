import type { Job } from './armox/types.js';
import type { ActionConfig } from './config/config.js';
import { InputError } from './core/errors.js';
import { readEventPayload } from './core/github-event.js';
import type { RunContext } from './core/run-context.js';
import { Deadline } from './core/timing.js';
import { deliverRuns, findRelease } from './deliver/deliver.js';
import { carryOut, type PlannedRun } from './execute/carry-out.js';
import { CostEstimate } from './execute/spending.js';
import { JOB_LIST_LIMIT } from './execute/watch.js';
import { reportDryRun } from './report/dry-run.js';
import { adoptEarlierJobs } from './request/adopt.js';
import { loadTarget, planRuns } from './request/plan.js';
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
  await adoptEarlierJobs(config, target, runs, recentJobs, deadline, context);
  if (config.dryRun) return reportDryRun(target, runs, context);
  // Found before paying, so no credits are spent on assets with nowhere to go.
  const release = await findRelease(config, context, deadline);
  const cost = await CostEstimate.forTarget(target, config.maxCredits, recentJobs, context.log);
  const incomplete = await carryOut({ target, runs, config, deadline, context, cost });
  if (!incomplete) context.record.outcome = config.wait ? 'completed' : 'submitted';
  await deliverRuns(runs, config, release, deadline, context, incomplete);
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
  await deliverRuns(runs, config, release, deadline, context, incomplete);
}

/** The account's recent jobs, listed at most once per step (max-credits and reuse share them). */
function lazyRecentJobs(deadline: Deadline, context: RunContext): () => Promise<Job[]> {
  let jobs: Promise<Job[]> | undefined;
  return () => (jobs ??= context.client.listJobs(JOB_LIST_LIMIT, deadline));
}
