import { State } from '../config/names.js';
import { isObject } from './text.js';

/**
 * The one place that writes and reads what the main step leaves for the post
 * step (`core.saveState`, read back by the runner as `STATE_<name>`). Every
 * change is one small entry, never the whole list again: the state file grows
 * with the number of jobs, not with jobs times concurrency.
 */

/**
 * A submission sent and not answered yet: what the post step needs to find its
 * job among the recent jobs if the main step dies before the answer comes (see
 * `findSubmittedJob` in execute/submit.ts, whose rules it follows).
 */
export interface PendingSubmission {
  /** The run: `1` for a single run, the item's name in a batch. */
  item: string;
  /** How messages name it: `the run`, `item "2"`. */
  what: string;
  /** The kind of run (see kinds/registry.ts) and the app's or model's id. */
  target: { kind: string; id: string };
  /** The inputs as sent, as a fingerprint (sha256 of their canonical JSON): the step state stays small. */
  inputs: string;
  /** When it was sent (ms since the epoch, by this runner's clock). */
  sentAt: number;
  /** Jobs of the same target with the same inputs this step knew before sending: not this submission's. */
  known: string[];
}

/** What the post step must clean up: the jobs still open and the submissions still unanswered. */
export interface PostState {
  apiUrl?: string;
  openJobs: string[];
  pendingSubmissions: PendingSubmission[];
}

/** Where `OpenJobs` keeps each change (the step state in the main step; a test's lists in-process). */
export interface PostStateStore {
  jobOpened(jobId: string): void;
  jobHandled(jobId: string): void;
  submissionSent(submission: PendingSubmission): void;
  submissionAnswered(submission: PendingSubmission): void;
}

export type SaveState = (name: string, value: string) => void;

/**
 * A submission's entry as written: its target is left out when it is the
 * step's (saved once under `State.SubmissionTarget`), and `known` when empty,
 * so a batch's state carries only what differs between its runs.
 */
type SubmissionEntry = Omit<PendingSubmission, 'target' | 'known'> &
  Partial<Pick<PendingSubmission, 'target' | 'known'>>;

/** Writes the post step's state through `save` (`core.saveState`). */
export class PostStateWriter implements PostStateStore {
  private readonly jobKeys = new Map<string, string>();
  private readonly submissionKeys = new Map<PendingSubmission, string>();
  private entries = 0;
  /** The step's target as saved once (every run of a step has the same). */
  private stepTarget?: string;

  constructor(private readonly save: SaveState) {}

  /** Marks the step as started, so the runner's post step knows it is the post step. */
  mainStepStarted(): void {
    this.save(State.IsPost, 'true');
  }

  apiUrl(url: string): void {
    this.save(State.ApiUrl, url);
  }

  jobOpened(jobId: string): void {
    const key = `${State.OpenJob}${this.entries++}`;
    this.jobKeys.set(jobId, key);
    this.save(key, jobId);
  }

  jobHandled(jobId: string): void {
    const key = this.jobKeys.get(jobId);
    if (key === undefined) return;
    this.jobKeys.delete(jobId);
    this.save(key, '');
  }

  submissionSent(submission: PendingSubmission): void {
    const key = `${State.PendingSubmission}${this.entries++}`;
    this.submissionKeys.set(submission, key);
    const { target, known, ...entry } = submission;
    const targetJson = JSON.stringify(target);
    if (this.stepTarget === undefined) {
      this.stepTarget = targetJson;
      this.save(State.SubmissionTarget, targetJson);
    }
    const written: SubmissionEntry = {
      ...entry,
      ...(targetJson !== this.stepTarget && { target }),
      ...(known.length > 0 && { known }),
    };
    this.save(key, JSON.stringify(written));
  }

  submissionAnswered(submission: PendingSubmission): void {
    const key = this.submissionKeys.get(submission);
    if (key === undefined) return;
    this.submissionKeys.delete(submission);
    this.save(key, '');
  }
}

/** The post step's view of the state the main step left (`STATE_<name>` variables); anything malformed is ignored. */
export function readPostState(env: Record<string, string | undefined>): PostState {
  const openJobs = entries(env, State.OpenJob).filter((id) => id !== '');
  const stepTarget = parseJson(env[`STATE_${State.SubmissionTarget}`] ?? '');
  const pendingSubmissions = entries(env, State.PendingSubmission)
    .map(parseJson)
    .map((entry) => (isObject(entry) ? { target: stepTarget, known: [], ...entry } : entry))
    .filter(isPendingSubmission);
  return { apiUrl: env[`STATE_${State.ApiUrl}`] || undefined, openJobs, pendingSubmissions };
}

/** The values of `STATE_<prefix><n>`, in the order they were first written. */
function entries(env: Record<string, string | undefined>, prefix: string): string[] {
  const name = `STATE_${prefix}`;
  const found: Array<[number, string]> = [];
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith(name) || !value) continue;
    const index = Number(key.slice(name.length));
    if (Number.isSafeInteger(index)) found.push([index, value]);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, value]) => value);
}

function isPendingSubmission(value: unknown): value is PendingSubmission {
  if (!isObject(value) || !isObject(value.target)) return false;
  const { kind, id } = value.target;
  return (
    typeof kind === 'string' &&
    typeof id === 'string' &&
    typeof value.item === 'string' &&
    typeof value.what === 'string' &&
    typeof value.inputs === 'string' &&
    typeof value.sentAt === 'number' &&
    Array.isArray(value.known) &&
    value.known.every((known) => typeof known === 'string')
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
