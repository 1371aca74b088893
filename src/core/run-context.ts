import type { Job } from '../armox/types.js';
import type { PendingSubmission, PostStateStore } from './post-state.js';

export type { PendingSubmission } from './post-state.js';

/**
 * When this step first saw each job in the account's job list. A job listed
 * before a submission was sent existed before it, so it cannot be that
 * submission's job: this is what tells a lost answer's job from an identical
 * earlier one, whatever the clocks say.
 */
export class SeenJobs {
  private readonly ids = new Set<string>();
  /** Each job as first listed, in the order they came, for each index to catch up from where it stopped. */
  private readonly order: Sighting[] = [];
  private readonly indexes = new Map<JobKey, { byKey: Map<string, Sighting[]>; upTo: number }>();

  /** A job list arrived at `at` (ms since the epoch): every job in it existed by then. */
  saw(jobs: Job[], at = Date.now()): void {
    for (const job of jobs) {
      if (this.ids.has(job.id)) continue;
      this.ids.add(job.id);
      this.order.push({ at, job });
    }
  }

  /**
   * The ids of the jobs listed at or before `time` whose key (by `keyOf`) is
   * `key`. Each job is keyed once per `keyOf` (pass the same function each
   * time): a batch asks this at every submission, and a scan of every job seen
   * would make the step O(N²).
   */
  seenWith(keyOf: JobKey, key: string, time: number): string[] {
    let index = this.indexes.get(keyOf);
    if (!index) this.indexes.set(keyOf, (index = { byKey: new Map(), upTo: 0 }));
    for (; index.upTo < this.order.length; index.upTo++) {
      const sighting = this.order[index.upTo]!;
      const found = keyOf(sighting.job);
      if (found === undefined) continue;
      const same = index.byKey.get(found);
      if (same) same.push(sighting);
      else index.byKey.set(found, [sighting]);
    }
    return (index.byKey.get(key) ?? []).filter((sighting) => sighting.at <= time).map(({ job }) => job.id);
  }
}

/** A job as a list first showed it, and when. */
interface Sighting {
  at: number;
  job: Job;
}

/** What `SeenJobs.seenWith` indexes jobs by; undefined leaves a job out. */
export type JobKey = (job: Job) => string | undefined;

/**
 * What the post step must clean up if this step dies before it is done: the
 * jobs it started and has not finished with, and the submissions still
 * waiting for their answer (whose jobs may exist without this step knowing).
 * Each change is kept in `store` (the step state) as it happens.
 */
export class OpenJobs {
  private readonly ids = new Set<string>();
  private readonly pending = new Set<PendingSubmission>();

  constructor(private readonly store: PostStateStore = NO_STORE) {}

  /** The job was accepted: from now on it is this step's to finish, cancel or hand over. */
  opened(jobId: string): void {
    if (this.ids.has(jobId)) return;
    this.ids.add(jobId);
    this.store.jobOpened(jobId);
  }

  /** The step is done with the job: it ended, was cancelled, or is left running on purpose. */
  handled(jobId: string): void {
    if (!this.ids.delete(jobId)) return;
    this.store.jobHandled(jobId);
  }

  /** A submission is about to be sent: until it is answered, its job may exist unknown to this step. */
  sending(submission: PendingSubmission): void {
    this.pending.add(submission);
    this.store.submissionSent(submission);
  }

  /**
   * The step is done with a submission: its job is known (`jobId`, kept open
   * first, so that no moment leaves it unlisted), or Armox did not take it, or
   * the step told the user its outcome is unknown.
   */
  answered(submission: PendingSubmission, jobId?: string): void {
    if (jobId) this.opened(jobId);
    if (!this.pending.delete(submission)) return;
    this.store.submissionAnswered(submission);
  }

  get size(): number {
    return this.ids.size;
  }

  get jobIds(): string[] {
    return [...this.ids];
  }

  get submissions(): readonly PendingSubmission[] {
    return [...this.pending];
  }
}

const NO_STORE: PostStateStore = {
  jobOpened: () => undefined,
  jobHandled: () => undefined,
  submissionSent: () => undefined,
  submissionAnswered: () => undefined,
};

/**
 * Time allowed for clean-up calls made after the deadline or a cancellation:
 * cancelling the job, or finding a job whose submission answer was lost.
 */
export const CLEANUP_MS = 5_000;

export function resumeHint(jobId: string): string {
  return `To wait for it later, run this action with job-id: ${jobId}.`;
}
