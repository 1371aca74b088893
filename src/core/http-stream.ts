import type { IncomingMessage } from 'node:http';
import type { HttpClient } from '@actions/http-client';
import { CancelledError } from './errors.js';
import { describeSystemError } from './text.js';

/** The low-level pieces of an HTTP exchange: transport failures, reading a bounded body, linking an abort signal. */

/** What `HttpClient` accepts as a handler (the interface is not exported from the package root). */
type RequestHandler = NonNullable<ConstructorParameters<typeof HttpClient>[1]>[number];

/**
 * Why no usable answer arrived: `network` (refused, reset, DNS), `timeout` (the
 * exchange's own time limit, or nothing moved for its idle time), `deadline`
 * (the overall deadline ran out), `too-large` / `truncated` (the body), or
 * `source` (the request body could not be read, e.g. a file on disk).
 */
export type TransportKind = 'network' | 'timeout' | 'deadline' | 'too-large' | 'truncated' | 'source';

/** A transport failure: no usable answer arrived. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly kind: TransportKind,
  ) {
    super(message);
    this.name = 'TransportError';
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

/** `promise`, or a rejection with the signal's reason as soon as it aborts. */
export function whileOpen<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

export async function readBody(message: IncomingMessage, maxBytes: number): Promise<string> {
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

export function toTransportError(error: unknown): unknown {
  if (error instanceof TransportError || error instanceof CancelledError) return error;
  const text = describeSystemError(error);
  return new TransportError(text, /timeout/i.test(text) ? 'timeout' : 'network');
}
