import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { HttpClient, type HttpClientResponse } from '@actions/http-client';
import { formatDuration } from './format.js';
import { CancelledError } from './errors.js';
import { describeSystemError } from './text.js';
import { abortWith, readBody, toTransportError, TransportError, whileOpen } from './http-stream.js';
import type { Deadline } from './timing.js';

export { TransportError, type TransportKind } from './http-stream.js';

/** A whole response, read into memory (API answers only: they are small). */
export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ExchangeOptions {
  method: string;
  url: string;
  userAgent: string;
  headers?: OutgoingHttpHeaders;
  /**
   * A string, or a stream piped as the body. Give a stream's size as
   * `Content-Length` in `headers`: it is sent as announced, never chunked.
   */
  body?: string | Readable | null;
  /** The whole exchange, until `close()`, must end within this. */
  timeoutMs?: number;
  /** The overall deadline: cuts `timeoutMs` to what is left, and running out is reported as kind `deadline`. */
  deadline?: Deadline;
  /** The exchange is abandoned when no byte is sent or received for this long. */
  idleTimeoutMs?: number;
  /**
   * Abandons the exchange when aborted. Rejects with the signal's reason when
   * it is an error of ours, otherwise with a CancelledError (a bare `abort()`).
   */
  signal?: AbortSignal;
}

/**
 * One HTTP request and its response, the only way the action talks HTTP. It
 * goes through `@actions/http-client` (which honours the runner's proxy
 * variables), one client per exchange, so an exchange that hangs can be torn
 * down without touching the others. Its time limit, idle watchdog, deadline
 * and the caller's signal all end it the same way: `abort()` destroys the
 * request through the request's own signal (which also closes a proxy
 * tunnel, where `HttpClient.dispose()` only reaches a direct connection's
 * agent), the response and the client. Open with `openExchange`; always
 * `close()` it, whatever happened.
 */
export class HttpExchange {
  private readonly teardown = new AbortController();
  private readonly client: HttpClient;
  private readonly timers: NodeJS.Timeout[] = [];
  private lastProgress = Date.now();
  private bytesRead = 0;
  private unlinkSignal?: () => void;
  private message?: IncomingMessage;
  private body?: Readable;

  /** Use `openExchange`. */
  constructor(private readonly options: ExchangeOptions) {
    const limits = [options.timeoutMs, options.idleTimeoutMs].filter((ms) => ms !== undefined);
    this.client = new HttpClient(options.userAgent, [abortWith(this.teardown.signal)], {
      allowRedirects: false,
      allowRetries: false,
      keepAlive: false,
      // http-client's own socket timeout is a last resort: the timers below fire first.
      socketTimeout: limits.length > 0 ? Math.min(...limits) + 5_000 : undefined,
    });
    this.teardown.signal.addEventListener('abort', () => this.destroy(), { once: true });
    this.armTimers();
    this.linkSignal();
  }

  /** The response: headers are in, the body is unread. */
  get response(): IncomingMessage {
    if (!this.message) throw new Error('the exchange has no response yet');
    return this.message;
  }

  get status(): number {
    return this.response.statusCode ?? 0;
  }

  header(name: string): string | undefined {
    const value = this.response.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  }

  /** Aborted when the exchange is abandoned; the reason says why. Pass it to `pipeline`. */
  get signal(): AbortSignal {
    return this.teardown.signal;
  }

  /**
   * What a failure really was: once the exchange has been abandoned, the
   * reason (timeout, cancellation…) rather than the socket error it caused.
   */
  failure(error: unknown): unknown {
    return this.teardown.signal.aborted ? this.teardown.signal.reason : error;
  }

  /** Abandons the exchange with `reason` (what `open` and reads then reject with). */
  abort(reason: Error): void {
    if (!this.teardown.signal.aborted) this.teardown.abort(reason);
  }

  /** Reads the whole body as text, refusing more than `maxBytes`. */
  async readText(maxBytes: number): Promise<string> {
    try {
      return await readBody(this.response, maxBytes);
    } catch (error) {
      throw this.failure(error);
    }
  }

  /** Ends the exchange: timers stop, and the request and response are torn down if still open. */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.unlinkSignal?.();
    this.destroy();
  }

  /** Sends the request; resolves once the response headers are in. */
  async start(): Promise<void> {
    // Out of time (or cancelled) already: nothing is sent.
    if (this.teardown.signal.aborted) throw this.teardown.signal.reason;
    const { method, url, body, headers } = this.options;
    const sent =
      body === undefined || body === null || typeof body === 'string'
        ? this.client.request(method, url, body ?? null, { ...headers })
        : this.client.sendStream(method, url, this.metered(body), { ...headers });
    try {
      const response: HttpClientResponse = await whileOpen(sent, this.teardown.signal);
      this.message = response.message;
    } catch (error) {
      throw this.failure(toTransportError(error));
    }
    this.touch();
  }

  /** Progress, for the idle watchdog: a request body chunk sent, or response bytes read. */
  private touch(): void {
    this.lastProgress = Date.now();
  }

  private destroy(): void {
    this.body?.destroy();
    this.message?.destroy();
    this.client.dispose();
  }

  private armTimers(): void {
    const { deadline, idleTimeoutMs } = this.options;
    const limit = this.options.timeoutMs ?? Infinity;
    const left = deadline?.remaining() ?? Infinity;
    if (left <= 0) {
      this.abort(new TransportError('the timeout ran out', 'deadline'));
    } else if (left <= limit && left !== Infinity) {
      this.after(left, () => new TransportError('the timeout ran out', 'deadline'));
    } else if (limit !== Infinity) {
      this.after(limit, () => new TransportError(`no complete answer within ${formatDuration(limit)}`, 'timeout'));
    }
    if (idleTimeoutMs !== undefined) {
      // One check every so often rather than a timer reset on every chunk: cheaper on a fast link.
      const watchdog = setInterval(
        () => {
          // Bytes read from the socket (a proxy tunnel's too) are progress: polled here, not counted per chunk.
          const read = this.message?.socket?.bytesRead ?? 0;
          if (read !== this.bytesRead) {
            this.bytesRead = read;
            this.touch();
          }
          if (Date.now() - this.lastProgress < idleTimeoutMs) return;
          this.abort(new TransportError(`no data received for ${formatDuration(idleTimeoutMs)}`, 'timeout'));
        },
        Math.min(1_000, Math.max(10, idleTimeoutMs / 4)),
      );
      this.timers.push(watchdog);
    }
  }

  private after(ms: number, reason: () => Error): void {
    this.timers.push(setTimeout(() => this.abort(reason()), Math.max(0, ms)));
  }

  private linkSignal(): void {
    const signal = this.options.signal;
    if (!signal) return;
    const onAbort = () => this.abort(abortReason(signal));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    this.unlinkSignal = () => signal.removeEventListener('abort', onAbort);
  }

  /**
   * The request body, counted as progress as it goes out. A read error
   * abandons the exchange: http-client ignores errors on the stream it pipes.
   */
  private metered(body: Readable): Readable {
    body.once('error', (error) =>
      this.abort(new TransportError(`cannot read the request body (${describeSystemError(error)})`, 'source')),
    );
    const touch = () => this.touch();
    this.body = body.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          touch();
          done(null, chunk);
        },
      }),
    );
    return this.body;
  }
}

/** Opens an exchange: resolves once the response headers are in; the caller must `close()` it. */
export async function openExchange(options: ExchangeOptions): Promise<HttpExchange> {
  const exchange = new HttpExchange(options);
  try {
    await exchange.start();
    return exchange;
  } catch (error) {
    exchange.close();
    throw error;
  }
}

export interface RequestOptions {
  /** The whole request, headers and body, must finish within this. */
  timeoutMs: number;
  /** The overall deadline, when it may come first: running out is then reported as kind `deadline`. */
  deadline?: Deadline;
  /** Refuse bodies larger than this (a hostile or broken server). */
  maxBodyBytes: number;
  headers?: OutgoingHttpHeaders;
  userAgent: string;
  /** Abandons the request when aborted (the workflow was cancelled). */
  signal?: AbortSignal;
}

/** One request whose whole answer is read into memory (API calls), bounded in time and size. */
export async function sendRequest(
  method: string,
  url: string,
  body: string | null,
  options: RequestOptions,
): Promise<HttpResult> {
  const exchange = await openExchange({ method, url, body, ...options });
  try {
    const text = await exchange.readText(options.maxBodyBytes);
    return { status: exchange.status, headers: exchange.response.headers, body: text };
  } finally {
    exchange.close();
  }
}

/**
 * Why `signal` was aborted: its reason when that is an error of ours (a
 * timeout, a stop), otherwise a CancelledError (a bare `abort()` means the
 * workflow was cancelled).
 */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name !== 'AbortError') return reason;
  return new CancelledError('The workflow was cancelled.');
}

let sweepingPromptly = false;

/**
 * Has V8 free the memory of dead buffers during each garbage collection
 * rather than later, on a background thread. Node allocates a new 64 KiB
 * buffer for every socket read (and every file read of an upload), so a large
 * transfer makes garbage buffers by the thousand: with the background sweeper
 * they piled up faster than it freed them, and its thread competed with the
 * transfer for a runner's 2 cores. Measured downloading 3 × 300 MiB on
 * loopback: about 30 % less CPU and 25 % less wall time, and a lower peak of
 * memory. It changes when V8 frees array buffers, nothing a program can see;
 * the flag is one V8 reads at each collection, so setting it at run time
 * takes effect. Called before downloads and uploads; once per process.
 */
export function sweepBuffersPromptly(): void {
  if (sweepingPromptly) return;
  sweepingPromptly = true;
  setFlagsFromString('--no-concurrent-array-buffer-sweeping');
}
