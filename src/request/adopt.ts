import type { Job } from '../armox/types.js';
import type { ActionConfig } from '../config/config.js';
import type { Deadline } from '../core/timing.js';
import type { PlannedRun, RunContext } from '../run.js';
import { collectOutputs } from '../report/job-outputs.js';
import type { RunTarget } from '../kinds/target.js';
import { describeNoWindow, describeWindow, findReusableJob, labelled, pickReusableJob, reuseSince } from './reuse.js';

/**
 * Never pay twice: each run whose identical completed job is in the account's
 * recent jobs (within the `reuse` window, its files still answering) adopts it
 * instead of submitting. One `GET /jobs` for the whole step.
 */
export async function adoptEarlierJobs(
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
    deadline,
  });
  if (since === undefined) {
    const why = describeNoWindow(config.reuse, String(config.github.runAttempt));
    // A dry run says what the real run would do; a real first attempt has nothing worth a line.
    if (config.dryRun) log.info(`${why}; ${runs.length > 1 ? 'every run' : 'the run'} would be submitted.`);
    else log.debug(`${why}.`);
    for (const run of runs) run.record.notReused();
    return;
  }
  log.info(`reuse: looking for ${describeWindow(config.reuse, since)} with identical inputs.`);
  const jobs = await recentJobs();
  const claimed = new Set<string>();
  const outputUrls = (job: Job) =>
    collectOutputs(job).items.flatMap((item) => (item.kind === 'text' ? [] : [item.value]));
  for (const run of runs) {
    const label = context.record.naming.label(run.record.name);
    const say = (text: string) => log.info(labelled(label, text));
    const candidates = findReusableJob(jobs, target, run.request!, since);
    const job = await pickReusableJob(candidates, { deadline, signal, log, outputUrls, claimed, label });
    if (!job) {
      const then = config.dryRun ? 'a run would be submitted and charged' : 'submitting (this run will be charged)';
      say(`nothing to reuse; ${then}.`);
      run.record.notReused();
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
