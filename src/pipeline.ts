import type { Job } from './armox/types.js';
import type { ActionConfig } from './config/config.js';
import { errorMessage, InputError } from './core/errors.js';
import { Deadline } from './core/timing.js';
import { deliverRuns, findRelease } from './deliver/deliver.js';
import { runAll } from './execute/executor.js';
import type { PlannedRun, RunContext } from './run.js';
import { checkBalance, prefetchBalance, settleBalance } from './money/balance.js';
import { CostEstimate } from './money/estimate.js';
import { Ledger } from './money/ledger.js';
import { reportDryRun, reportRefusedDryRun } from './report/dry-run.js';
import { adoptEarlierJobs } from './request/adopt.js';
import { loadTarget, planRuns } from './request/plan.js';
import { borrowCompletedJobs, rehearsalRelease } from './request/rehearsal.js';
import { accessLookup } from './request/collaborator-access.js';
import { checkTrigger } from './request/trigger-guard.js';
import { followedTarget } from './kinds/followed-job.js';

/**
 * The action's pipeline: find the target (an app or a model), check every
 * run's inputs against its contract, submit each run once, wait for the jobs,
 * and deliver their files. `timeout` bounds all of it. Throws an ActionError
 * when the step should fail; `context.record` holds the story either way.
 */
export async function runPipeline(config: ActionConfig, context: RunContext): Promise<void> {
  const deadline = Deadline.after(config.timeoutMs, context.now);
  if (config.rehearsal) context.record.rehearsing();
  if (config.jobId) return followJob(config, config.jobId, deadline, context);

  // Before any request: on public repositories, anyone can comment or open a pull request.
  if (!config.dryRun) await refuseUntrustedTrigger(config, deadline, context);
  const balance = prefetchBalance(config.rehearsal, deadline, context);
  const target = await loadTarget(config, deadline, context);
  const recentJobs = lazyRecentJobs(deadline, context);
  const money = { maxCredits: config.maxCredits, note: (text: string) => context.record.note(text) };
  const ledger = () => Ledger.forTarget(target, recentJobs, context.log, money);
  let runs: PlannedRun[];
  try {
    runs = await planRuns(config, target, context);
  } catch (error) {
    if (error instanceof InputError) reportRefusedDryRun(target, context);
    throw await withCapRefusal(error, config, ledger, context);
  }
  if (config.rehearsal) await borrowCompletedJobs(target, runs, recentJobs, context);
  else await adoptEarlierJobs(config, target, runs, recentJobs, deadline, context);
  const toSubmit = runs.filter((run) => !run.job).map((run) => run.record);
  const spending = await ledger();
  await checkBalance(spending, toSubmit, config.dryRun, balance, context);
  if (config.dryRun) return reportDryRun(target, runs, context, spending);
  // Found before paying, so no credits are spent on assets with nowhere to go.
  let release = await findRelease(config, context, deadline);
  if (config.rehearsal) release = rehearsalRelease(release, context.log);
  let incomplete: Awaited<ReturnType<typeof runAll>>;
  try {
    incomplete = await runAll({ target, runs, config, deadline, context, ledger: spending });
  } catch (error) {
    await settleBalance(context);
    throw error;
  }
  // The balance after is read while the files download, not before.
  const settling = settleBalance(context);
  try {
    warnFilesNotYetMade(config, context);
    if (!incomplete) context.record.succeeded(config.wait ? 'completed' : 'submitted');
    await deliverRuns(runs, { config, release, deadline, context, incomplete });
  } finally {
    await settling;
  }
}

/** Throws when whoever triggered the run may not spend the credits (`request/trigger-guard.ts`). */
async function refuseUntrustedTrigger(config: ActionConfig, deadline: Deadline, context: RunContext): Promise<void> {
  const { github } = config;
  const untrusted = await checkTrigger({
    eventName: github.eventName,
    payload: context.event,
    allowUntrusted: config.allowUntrustedTrigger,
    actor: github.actor,
    accessOf: accessLookup({
      token: config.githubToken,
      apiUrl: github.apiUrl,
      repository: github.repository,
      log: context.log,
      signal: context.signal,
      deadline,
    }),
  });
  if (untrusted) throw new InputError(untrusted);
}

/**
 * The inputs were refused: a `max-credits` too low for the runs is told with
 * them (same estimate as a real run), so one run of the step shows every problem.
 */
async function withCapRefusal(
  error: unknown,
  config: ActionConfig,
  ledger: () => Promise<Ledger>,
  context: RunContext,
): Promise<unknown> {
  if (!(error instanceof InputError) || config.maxCredits === undefined) return error;
  let note: string | undefined;
  try {
    // planRuns records every run before refusing the inputs.
    note = (await ledger()).refusalNote(context.record.runs.length);
  } catch (listing) {
    context.log.debug(`max-credits was not checked: ${errorMessage(listing)}`);
  }
  return note ? new InputError(`${error.message}\n${note}`) : error;
}

/** `wait: false` with `download-dir`: jobs left running have no files yet (a model answered inline has, and they were saved). */
function warnFilesNotYetMade(config: ActionConfig, context: RunContext): void {
  if (config.wait || !config.downloadDir) return;
  const running = context.record.runs.filter((run) => run.outcome === 'submitted' || run.outcome === 'running');
  if (running.length === 0) return;
  const jobs = running.map((run) => run.jobId).join(', ');
  context.log.warning(
    `download-dir: nothing is downloaded for ${running.length === 1 ? 'job' : 'jobs'} ${jobs}: with wait: false the files do not exist yet. ` +
      'Download them in the step that waits (job-id).',
  );
}

/** `job-id` given: follow that job instead of submitting a new run, then deliver its files. */
async function followJob(config: ActionConfig, jobId: string, deadline: Deadline, context: RunContext): Promise<void> {
  const release = await findRelease(config, context, deadline);
  const job = await context.log.group(`Looking up job ${jobId}`, () => context.client.getJob(jobId, deadline));
  const { target, inputs } = await followedTarget(job, context.client, deadline, context.log);
  if (target) context.record.targetKnown(target);
  context.log.info(`Job ${job.id}: ${job.status}${job.app_name ? ` (${job.app_name})` : ''}`);
  const run: PlannedRun = { record: context.record.addRun('1'), job };
  // The inputs as the job was sent them, for the manifest.
  run.record.following(inputs);
  // This step submitted nothing: its ledger has no cap and no estimate.
  const ledger = new Ledger(new CostEstimate(context.log, undefined, undefined, false), context.log);
  const incomplete = await runAll({ runs: [run], config, deadline, context, ledger, pollFirst: true });
  if (run.record.outcome === 'running') {
    context.record.succeeded('running');
    warnFilesNotYetMade(config, context);
    return;
  }
  if (!incomplete) context.record.succeeded('completed');
  await deliverRuns([run], { config, release, deadline, context, incomplete });
}

/**
 * The account's recent jobs, listed at most once per step (max-credits and reuse
 * share them). Seen before anything is submitted, none of them can be a job this
 * step submits (see SeenJobs).
 */
function lazyRecentJobs(deadline: Deadline, context: RunContext): () => Promise<Job[]> {
  let jobs: Promise<Job[]> | undefined;
  const list = async () => {
    const listed = await context.client.listJobs(deadline);
    context.seenJobs.saw(listed);
    return listed;
  };
  return () => (jobs ??= list());
}
