import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { HttpClient, type HttpClientResponse } from '@actions/http-client';
import { formatDuration } from './format.js';
import { CancelledError } from './errors.js';
import { describeSystemError } from './text.js';

/** What `HttpClient` accepts as a handler (the interface is not exported from the package root). */
type RequestHandler = NonNullable<ConstructorParameters<typeof HttpClient>[1]>[number];

/** A whole response, read into memory (API answers only: they are small). */
export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A transport failure: no usable answer arrived (reset, timeout, body too large or cut short). */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly kind: 'network' | 'timeout' | 'too-large' | 'truncated',
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface RequestOptions {
  /** The whole request, headers and body, must finish within this. */
  timeoutMs: number;
  /** Refuse bodies larger than this (a hostile or broken server). */
  maxBodyBytes: number;
  headers?: OutgoingHttpHeaders;
  userAgent: string;
  /** Abandons the request when aborted (the workflow was cancelled). */
  signal?: AbortSignal;
}

/**
 * One HTTP request through `@actions/http-client` (which honours the runner's
 * proxy variables), bounded in time and size. Each request gets its own client
 * so a request that hangs can be torn down without touching the others: when
 * the time is up (or the workflow is cancelled) the request is aborted, which
 * destroys its socket, and the call rejects. The abort goes through the
 * request itself because `HttpClient.dispose()` only reaches a direct
 * connection's agent, not the tunnel agent used behind a proxy.
 */
export async function sendRequest(
  method: string,
  url: string,
  body: string | null,
  options: RequestOptions,
): Promise<HttpResult> {
  const teardown = new AbortController();
  const client = new HttpClient(options.userAgent, [abortWith(teardown.signal)], {
    allowRedirects: false,
    allowRetries: false,
    keepAlive: false,
    socketTimeout: Math.max(1, options.timeoutMs),
  });
  let response: HttpClientResponse | undefined;
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    const stop = (error: Error) => {
      teardown.abort();
      response?.message.destroy();
      client.dispose();
      reject(error);
    };
    timer = setTimeout(
      () => stop(new TransportError(`no complete answer within ${formatDuration(options.timeoutMs)}`, 'timeout')),
      options.timeoutMs,
    );
    onAbort = () => stop(new CancelledError('The workflow was cancelled.'));
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const exchange = (async () => {
      try {
        response = await client.request(method, url, body, { ...options.headers });
      } catch (error) {
        throw toTransportError(error);
      }
      const text = await readBody(response, options.maxBodyBytes);
      return { status: response.message.statusCode ?? 0, headers: response.message.headers, body: text };
    })();
    return await Promise.race([exchange, timedOut]);
  } finally {
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    client.dispose();
  }
}

/**
 * Hands `signal` to the underlying `http.request`, so aborting it destroys the
 * request and its socket, a proxy tunnel's included (which `dispose()` misses).
 */
export function abortWith(signal: AbortSignal): RequestHandler {
  return {
    prepareRequest: (requestOptions) => {
      requestOptions.signal = signal;
    },
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('not supported')),
  };
}

async function readBody(response: HttpClientResponse, maxBytes: number): Promise<string> {
  const message = response.message;
  const declared = Number(message.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    message.destroy();
    throw new TransportError(`the answer is ${declared} bytes, more than the ${maxBytes} allowed`, 'too-large');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of message) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > maxBytes) {
        message.destroy();
        throw new TransportError(`the answer is more than the ${maxBytes} bytes allowed`, 'too-large');
      }
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof TransportError) throw error;
    throw new TransportError(`the answer was cut short (${describeSystemError(error)})`, 'truncated');
  }
  if (!message.complete) throw new TransportError('the answer was cut short', 'truncated');
  return Buffer.concat(chunks).toString('utf8');
}

function toTransportError(error: unknown): TransportError {
  if (error instanceof TransportError) return error;
  const text = describeSystemError(error);
  return new TransportError(text, /timeout/i.test(text) ? 'timeout' : 'network');
}
