import type { App, Job, Model, ModelRunRequest, RunRequest } from './types.js';
import { ApiError, NotSentError, TimeoutError } from '../core/errors.js';
import { sendRequest, TransportError, type HttpResult } from '../core/http.js';
import type { Logger } from '../core/log.js';
import { Backoff } from '../core/retry.js';
import { backoffDelay, Deadline, parseRateLimitReset, parseRetryAfter, sleep } from '../core/timing.js';
import { malformed, parseAppList, parseJob, parseJobList, parseModelList, parseModelRunAnswer } from './answers.js';
import { isObject } from '../core/text.js';
import { CLEANUP, READ, SUBMIT, type CallOptions } from './call-policy.js';
import { apiErrorText, describeNonJson, header, httpError } from './failures.js';
import { USER_AGENT } from '../core/version.js';

export interface ClientOptions {
  /** Base URL without a trailing slash. */
  apiUrl: string;
  apiKey: string;
  log: Logger;
  /** Aborts waits between retries when the workflow is cancelled. */
  signal?: AbortSignal;
  /** Longest single request (the overall deadline may cut it shorter). */
  requestTimeoutMs?: number;
  /** First retry delay; doubles each attempt, with jitter. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Attempts for a read that keeps failing transiently (5xx, resets, hangs). */
  readAttempts?: number;
  /** How many 429 answers one call sits out before giving up. */
  rateLimitWaits?: number;
  random?: () => number;
}

/** The most jobs `GET /jobs` lists (the API's maximum): every look at the recent jobs asks for all of them. */
const JOB_LIST_LIMIT = 100;

/** How long one request may take unless told otherwise: a submission's job is created within it. */
export const REQUEST_TIMEOUT_MS = 60_000;

/** API answers are small; anything bigger is a broken or hostile server. */
const MAX_API_BODY_BYTES = 8 * 1024 * 1024;

/**
 * The Armox API, as the action uses it. One place sets the User-Agent and the
 * key, bounds every request in time, retries what is safe to retry, and turns
 * `{"error": …}` answers into errors that name the call that failed.
 */
export class ArmoxClient {
  private readonly options: Required<Omit<ClientOptions, 'signal'>> & { signal?: AbortSignal };
  /**
   * No request before this time: set when the API said `X-RateLimit-Remaining: 0`
   * or answered 429. The limit is per key, so it holds for every call.
   */
  private pausedUntil = 0;

  constructor(options: ClientOptions) {
    this.options = {
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      retryBaseMs: 1_000,
      retryMaxMs: 30_000,
      readAttempts: 5,
      rateLimitWaits: 8,
      random: Math.random,
      ...options,
    };
  }

  async listApps(deadline: Deadline): Promise<App[]> {
    const body = await this.call('GET', '/apps', null, { deadline, ...READ });
    return parseAppList(body);
  }

  async listModels(deadline: Deadline): Promise<Model[]> {
    const body = await this.call('GET', '/models', null, { deadline, ...READ });
    return parseModelList(body);
  }

  /** `GET /account`, unparsed: the balance is read from it by `money/balance.ts`. */
  async getAccount(deadline: Deadline): Promise<unknown> {
    return this.call('GET', '/account', null, { deadline, ...READ });
  }

  async getJob(jobId: string, deadline: Deadline): Promise<Job> {
    const call = `GET /jobs/${jobId}`;
    const body = await this.call('GET', `/jobs/${encodeURIComponent(jobId)}`, null, { deadline, ...READ }, call);
    return parseJob(body, call);
  }

  /**
   * The account's most recent jobs, newest first: as many as one `GET /jobs` lists.
   * `cleanup`: the listing finds a submitted job, so a cancelled workflow does
   * not abandon it (that job must be found to be cancelled).
   */
  async listJobs(deadline: Deadline, { cleanup = false } = {}): Promise<Job[]> {
    const policy = cleanup ? CLEANUP : READ;
    const body = await this.call('GET', `/jobs?limit=${JOB_LIST_LIMIT}`, null, { deadline, ...policy });
    return parseJobList(body);
  }

  /**
   * Submits a run: exactly one request reaches the API unless it answers 429
   * (which means it did not take the run). Any other failure leaves the
   * outcome unknown, and is thrown as a transient ApiError without retrying.
   */
  async runApp(request: RunRequest, deadline: Deadline): Promise<Job> {
    const body = await this.call('POST', '/apps/run', JSON.stringify(request), { deadline, ...SUBMIT });
    // A job id is what matters here: with it the run can be followed, whatever else the answer lacks.
    if (isObject(body) && typeof body.id === 'string' && body.id !== '' && typeof body.status !== 'string') {
      return { ...body, id: body.id, status: 'processing' };
    }
    return parseJob(body, 'POST /apps/run');
  }

  /**
   * Submits a model run, once, as runApp does. The API answers 200 with the
   * job completed inline (its outputs in `output`) or 202 with a job to poll;
   * either way the answer comes back in the shape of `GET /jobs/:id`.
   */
  async runModel(request: ModelRunRequest, deadline: Deadline): Promise<Job> {
    const body = await this.call('POST', '/models/run', JSON.stringify(request), { deadline, ...SUBMIT });
    return parseModelRunAnswer(body, request.model);
  }

  /** Cancelling twice is harmless (the second answers 409), so this call retries like a read. */
  async cancelJob(jobId: string, deadline: Deadline): Promise<{ status: string }> {
    const call = `POST /jobs/${jobId}/cancel`;
    const body = await this.call(
      'POST',
      `/jobs/${encodeURIComponent(jobId)}/cancel`,
      '{}',
      { deadline, ...CLEANUP },
      call,
    );
    const status = isObject(body) && typeof body.status === 'string' ? body.status : 'cancelled';
    return { status };
  }

  private async call(
    method: string,
    path: string,
    body: string | null,
    options: CallOptions,
    callName?: string,
  ): Promise<unknown> {
    const call = callName ?? `${method} ${path.replace(/\?.*$/, '')}`;
    const failures = new Backoff({
      attempts: this.options.readAttempts,
      baseMs: this.options.retryBaseMs,
      maxMs: this.options.retryMaxMs,
      random: this.options.random,
      deadline: options.deadline,
    });
    let rateLimited = 0;
    for (;;) {
      // After a 429 the wait was announced already.
      await this.waitForRateLimitPause(call, options, rateLimited === 0);
      if (options.deadline.remaining() <= 0) throw new NotSentError(`${call} was not sent: the timeout ran out first.`);

      const result = await this.send(method, path, body, options, call);
      if (result instanceof ApiError) {
        await this.retryOrThrow(result, failures, options);
        continue;
      }
      if (result.status === 429) {
        rateLimited += 1;
        this.noteRateLimited(call, result, rateLimited, options);
        continue; // the pause at the top of the loop waits it out
      }
      if (result.status >= 200 && result.status < 300) {
        this.notePacing(result);
        try {
          return JSON.parse(result.body) as unknown;
        } catch {
          const failure = malformed(call, describeNonJson(this.withoutKey(result)));
          await this.retryOrThrow(failure, failures, options);
          continue;
        }
      }
      const failure = httpError(call, this.withoutKey(result));
      if (!failure.transient) throw failure;
      await this.retryOrThrow(failure, failures, options);
    }
  }

  /**
   * One attempt: the API's answer, or a transient ApiError when none came
   * (reset, hang). Throws a TimeoutError when the deadline ran out meanwhile.
   */
  private async send(
    method: string,
    path: string,
    body: string | null,
    options: CallOptions,
    call: string,
  ): Promise<HttpResult | ApiError> {
    const started = Date.now();
    try {
      const result = await sendRequest(method, this.options.apiUrl + path, body, {
        timeoutMs: this.attemptTimeout(options),
        deadline: options.deadline,
        maxBodyBytes: MAX_API_BODY_BYTES,
        userAgent: USER_AGENT,
        signal: this.signalFor(options),
        headers: {
          Authorization: `Bearer ${this.options.apiKey}`,
          Accept: 'application/json',
          ...(body !== null ? { 'Content-Type': 'application/json' } : {}),
        },
      });
      this.options.log.debug(`${call} → ${result.status} in ${Date.now() - started}ms`);
      return result;
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      if (error.kind === 'deadline' || (error.kind === 'timeout' && options.deadline.expired)) {
        throw new TimeoutError(`${call}: the timeout ran out while waiting for the API to answer.`);
      }
      return new ApiError(`${call} failed: ${error.message}.`, call, undefined, true);
    }
  }

  /** A 429: no call goes out before the API allows it; gives up when that is too late or too often. */
  private noteRateLimited(call: string, result: HttpResult, rateLimited: number, options: CallOptions): void {
    const { log } = this.options;
    const now = Date.now;
    const wait = parseRetryAfter(header(result, 'retry-after'), now());
    const backoff = backoffDelay(rateLimited, this.options.retryBaseMs, this.options.retryMaxMs, this.options.random);
    // Retry-After when given; repeated 429s back off (with jitter) at least as much, so a
    // `Retry-After: 0` (or a date already past, from a skewed clock) cannot make a burst of retries.
    const delay = wait === undefined ? backoff : rateLimited > 1 ? Math.max(wait, backoff) : wait;
    // Every later call waits too, not just this one's retry: the next poll must not come before Retry-After allows.
    this.pauseUntil(now() + delay);
    if (rateLimited > this.options.rateLimitWaits || delay >= options.deadline.remaining()) {
      throw new ApiError(
        `${call} failed: 429 rate limited (${apiErrorText(this.withoutKey(result)) ?? 'Rate limit exceeded'}) and the limit did not ` +
          'clear in time. Poll less often (poll-interval: 15s) or run fewer jobs at once on this key.',
        call,
        429,
        true,
      );
    }
    log.info(`${call}: rate limited by the API; retrying in ${Math.ceil(delay / 1000)}s.`);
  }

  /** Waits before the next attempt, or throws `failure` when retrying is unsafe or pointless. */
  private async retryOrThrow(failure: ApiError, failures: Backoff, options: CallOptions): Promise<void> {
    if (!options.retryable) throw failure;
    const step = failures.next();
    if (step.giveUp) throw failure;
    this.options.log.info(
      `${failure.message} Retrying in ${(step.delayMs / 1000).toFixed(1)}s (attempt ${failures.attempt} of ${this.options.readAttempts}).`,
    );
    await sleep(step.delayMs, this.waitSignalFor(options));
  }

  /**
   * The answer with the API key blanked out, before any of it is quoted in an
   * error: a server or proxy may echo the Authorization header back, and a
   * quote cut short could show part of the key, which no redaction would catch.
   */
  private withoutKey(result: HttpResult): HttpResult {
    const key = this.options.apiKey;
    if (key.length < 4) return result;
    const spellings = new Set([key, JSON.stringify(key).slice(1, -1), encodeURIComponent(key)]);
    let body = result.body;
    for (const spelling of spellings) body = body.split(spelling).join('***');
    return body === result.body ? result : { ...result, body };
  }

  /** Slows down before a 429 when the API says the window is used up. */
  private notePacing(result: HttpResult): void {
    if (header(result, 'x-ratelimit-remaining') !== '0') return;
    const reset = parseRateLimitReset(header(result, 'x-ratelimit-reset'), Date.now()) ?? 1_000;
    this.pauseUntil(Date.now() + Math.min(reset, 60_000));
  }

  private pauseUntil(time: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, time);
  }

  /**
   * Waits until the rate-limit pause is over. When it ends after the deadline
   * nothing can be sent in time: fails at once instead of sleeping for nothing
   * (a clean-up call after a cancellation has seconds, not minutes).
   */
  private async waitForRateLimitPause(call: string, options: CallOptions, announce: boolean): Promise<void> {
    const { log } = this.options;
    const now = Date.now;
    const wait = this.pausedUntil - now();
    if (wait <= 0) return;
    if (wait >= options.deadline.remaining()) {
      // A 429 like any other: nothing was sent, so nothing was accepted (a submission is not in doubt).
      throw new ApiError(
        `${call} was not sent: the API's rate limit allows the next request in ${Math.ceil(wait / 1000)}s, after the time left.`,
        call,
        429,
        true,
      );
    }
    if (announce)
      log.info(`The API's rate-limit window is used up; waiting ${Math.ceil(wait / 1000)}s before ${call}.`);
    // A timer may fire a little early by the wall clock: never send before the pause is over.
    for (let round = 0; round < 3 && now() < this.pausedUntil; round++) {
      await sleep(this.pausedUntil - now(), this.waitSignalFor(options));
    }
  }

  /** One attempt's time limit: the request timeout, or less when the call must leave time to be sent again. */
  private attemptTimeout(options: CallOptions): number {
    const { requestTimeoutMs } = this.options;
    if (options.attemptShare === undefined) return requestTimeoutMs;
    return Math.min(requestTimeoutMs, Math.ceil(options.deadline.remaining() * options.attemptShare));
  }

  private signalFor(options: CallOptions): AbortSignal | undefined {
    return options.abortable ? this.options.signal : undefined;
  }

  private waitSignalFor(options: CallOptions): AbortSignal | undefined {
    return options.abortWaits ? this.options.signal : undefined;
  }
}
