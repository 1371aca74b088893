import { CancelledError } from './errors.js';

/** A point in time that bounds a whole phase of work (the `timeout` input). */
export class Deadline {
  constructor(
    readonly expiresAt: number,
    private readonly now: () => number = Date.now,
  ) {}

  static after(ms: number, now: () => number = Date.now): Deadline {
    return new Deadline(now() + ms, now);
  }

  remaining(): number {
    return Math.max(0, this.expiresAt - this.now());
  }

  get expired(): boolean {
    return this.remaining() <= 0;
  }
}

/** Waits `ms`, or rejects with CancelledError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CancelledError('The workflow was cancelled.'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError('The workflow was cancelled.'));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, Math.min(ms, 2_147_483_647)),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random,
 * so retries from many runners do not synchronise (as Armox asks).
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const step = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * `Retry-After` as milliseconds from now: delta seconds (`60`) or an HTTP date.
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day or month in letters; bare numbers like "-5" are not dates.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * `X-RateLimit-Reset` as milliseconds from now. Armox sends unix seconds; a
 * small number is read as seconds from now, which some gateways send instead.
 */
export function parseRateLimitReset(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  const n = Number(value.trim());
  return n > 1_000_000_000 ? Math.max(0, n * 1000 - now) : n * 1000;
}
