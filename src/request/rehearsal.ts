import type { Job } from '../armox/types.js';
import { ActionError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { ReleaseTarget } from '../deliver/release.js';
import type { PlannedRun, RunContext } from '../run.js';
import type { RunTarget } from '../kinds/target.js';

/**
 * `rehearsal: true`: each run borrows a completed job of the same app or model
 * (any inputs) instead of submitting, so the rest of the workflow can be built
 * without paying. The newest jobs are lent out in turn: distinct where there
 * are enough, repeated otherwise. Uses the step's one job list (shared with
 * max-credits). Throws before anything else when there is no such job.
 */
export async function borrowCompletedJobs(
  target: RunTarget,
  runs: PlannedRun[],
  recentJobs: () => Promise<Job[]>,
  context: RunContext,
): Promise<void> {
  const { log } = context;
  const jobs = newestCompleted(await recentJobs(), target);
  const what = target.title;
  if (jobs.length === 0) {
    throw new ActionError(
      `rehearsal: there is no completed job of ${what} among the account's recent jobs to stand in for the run. ` +
        'Run it once for real (without rehearsal), or use dry-run: true to check the inputs without a job.',
    );
  }
  const now = Date.now();
  for (const [index, run] of runs.entries()) {
    const job = jobs[index % jobs.length]!;
    run.job = job;
    run.record.borrowed(job, now);
  }
  log.notice(rehearsalNotice(runs, jobs.length, what));
}

/** The target's completed jobs, newest first. */
function newestCompleted(jobs: Job[], target: RunTarget): Job[] {
  return jobs
    .filter((job) => job.status === 'completed' && target.ownsJob(job))
    .map((job) => ({ job, created: Date.parse(job.created_at ?? '') || 0 }))
    .sort((a, b) => b.created - a.created)
    .map(({ job }) => job);
}

function rehearsalNotice(runs: PlannedRun[], available: number, what: string): string {
  const lead = 'Rehearsal: nothing is submitted and nothing is charged.';
  const single = runs.length === 1 ? runs[0]!.job! : undefined;
  if (single) {
    return (
      `${lead} Job ${single.id} of ${what} (created ${single.created_at ?? 'at an unknown time'}; its inputs may differ) ` +
      'stands in for the run: its outputs and files were not made for this run.'
    );
  }
  const lent = [...new Set(runs.map((run) => run.job!.id))].join(', ');
  const turn = available < runs.length ? `, lent in turn (only ${available} completed)` : '';
  return `${lead} Completed jobs of ${what} stand in for the ${runs.length} items${turn}: ${lent}.`;
}

/**
 * A rehearsal attaches borrowed files only to a draft release: on a published
 * one they would pass for the release's own. Returns the release to use.
 */
export function rehearsalRelease(release: ReleaseTarget | undefined, log: Logger): ReleaseTarget | undefined {
  if (!release || release.draft) return release;
  log.warning(
    `upload-to-release: not uploading to release ${release.tag}: it is published, and a rehearsal's files come from ` +
      'an earlier job with other inputs, not from this run. Use a draft release to rehearse the upload.',
  );
  return undefined;
}
