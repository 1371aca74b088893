import { abortReason } from './http.js';
import { backoffDelay, sleep, type Deadline } from './timing.js';

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  attempts: number;
  /** First backoff delay; doubles with each failure, with jitter. */
  baseMs: number;
  maxMs: number;
  random?: () => number;
  /** No wait runs into it: a retry that could not start before it is not made. */
  deadline?: Deadline;
  /** A wait the server asks for that is longer than this is not sat out. */
  maxWaitMs?: number;
}

/** Why no further attempt is made. */
export type GiveUpReason = 'attempts' | 'deadline' | 'too-long';

export type Step = { delayMs: number; giveUp?: undefined } | { delayMs: number; giveUp: GiveUpReason };

/**
 * Counts failures and decides the wait before the next attempt: the server's
 * wait when it gave one (`Retry-After`), otherwise exponential backoff with
 * jitter. The one place these rules live, for every kind of request.
 */
export class Backoff {
  private failures = 0;

  constructor(private readonly policy: RetryPolicy) {}

  /** The number of the attempt about to be made (1 for the first). */
  get attempt(): number {
    return this.failures + 1;
  }

  /** Records a failure; the wait before the next attempt, or why there is none. */
  next(serverWaitMs?: number): Step {
    const { attempts, baseMs, maxMs, random, deadline, maxWaitMs = Infinity } = this.policy;
    this.failures += 1;
    const delayMs = serverWaitMs ?? backoffDelay(this.failures - 1, baseMs, maxMs, random);
    if (this.failures >= attempts) return { delayMs, giveUp: 'attempts' };
    if (deadline && delayMs >= deadline.remaining()) return { delayMs, giveUp: 'deadline' };
    if (serverWaitMs !== undefined && serverWaitMs > maxWaitMs) return { delayMs, giveUp: 'too-long' };
    return { delayMs };
  }
}

/** What a failed attempt means: worth another one, and after how long the server asked to wait. */
export interface Verdict {
  retry: boolean;
  waitMs?: number;
}

export interface RetryOptions extends RetryPolicy {
  /** Stops a wait between attempts (rejecting with its reason, see `abortReason`). */
  signal?: AbortSignal;
  judge(error: unknown): Verdict;
  /** Before each wait: the failure, the wait and the number of the next attempt (for the log). */
  onRetry?(error: unknown, delayMs: number, nextAttempt: number): void;
  /**
   * The error to throw when no further attempt is made: `final` when the
   * failure is not worth retrying, otherwise why retrying stopped. Default:
   * the failure itself.
   */
  giveUp?(error: unknown, why: GiveUpReason | 'final', attempts: number, delayMs?: number): unknown;
}

/** Runs `attempt` until it succeeds, retrying what `judge` says is worth it, within the policy. */
export async function retry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const backoff = new Backoff(options);
  const giveUp = options.giveUp ?? ((error: unknown) => error);
  for (;;) {
    const n = backoff.attempt;
    try {
      return await attempt(n);
    } catch (error) {
      const verdict = options.judge(error);
      if (!verdict.retry) throw giveUp(error, 'final', n);
      const step = backoff.next(verdict.waitMs);
      if (step.giveUp) throw giveUp(error, step.giveUp, n, step.delayMs);
      options.onRetry?.(error, step.delayMs, n + 1);
      await wait(step.delayMs, options.signal);
    }
  }
}

async function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, signal);
  } catch (error) {
    throw signal?.aborted ? abortReason(signal) : error;
  }
}
