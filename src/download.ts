import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HttpClient } from '@actions/http-client';
import { formatBytes, formatDuration } from './format.js';
import { ActionError, CancelledError } from './errors.js';
import { addExtension, safeFileName } from './file-names.js';
import { abortWith } from './http.js';
import type { Logger } from './log.js';
import type { DownloadedFile } from './record.js';
import { backoffDelay, parseRetryAfter, sleep } from './timing.js';
import { describeSystemError, printable } from './text.js';

export interface DownloadOptions {
  /** Absolute directory the files go to; created when missing. */
  dir: string;
  /** Absolute workspace path; results are relative to it. */
  workspace: string;
  log: Logger;
  userAgent: string;
  /** Files downloaded at the same time. */
  concurrency?: number;
  /** Tries per file, for transient failures (5xx, 408, 429, resets, cut-short bodies, stalls). */
  attempts?: number;
  /** First retry delay; doubles each attempt, with jitter. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** An attempt that receives nothing for this long is abandoned (and retried). */
  requestTimeoutMs?: number;
  /** Aborted when the workflow is cancelled. */
  signal?: AbortSignal;
  random?: () => number;
}

/** Redirect hops followed before giving up. */
const MAX_REDIRECTS = 10;
/** A Retry-After longer than this is not waited for: the file fails instead. */
const MAX_RETRY_AFTER_MS = 120_000;
/** File-system failures that retrying cannot fix. */
const DISK_ERRORS = new Set([
  'ENOSPC',
  'EDQUOT',
  'EACCES',
  'EPERM',
  'EROFS',
  'EISDIR',
  'ENOTDIR',
  'ENAMETOOLONG',
  'EEXIST',
  'EMFILE',
]);

/** Why one attempt failed; `transient` when another attempt could succeed. */
class AttemptError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Thrown by downloads stopped because another file failed or the workflow was cancelled. */
class StoppedError extends Error {}

type Settings = Required<Omit<DownloadOptions, 'signal'>> & {
  dir: string;
  /** Aborted by the first failure or by cancellation: every download in flight stops. */
  stop: AbortSignal;
  /** Lower-cased names claimed in `dir` by this call. */
  taken: Set<string>;
};

/**
 * Downloads `urls` into `options.dir`, a few at a time, streaming each body to
 * disk (memory stays flat whatever the size). Names come from the URLs, made
 * safe and unique, decided in URL order so the result does not depend on
 * timing. Each file is written under a temporary name and renamed once it is
 * complete and its size checked. When a file fails for good, the downloads in
 * flight are stopped, their partial files removed, and an ActionError names
 * the URL; files already completed stay.
 */
export async function downloadFiles(urls: string[], options: DownloadOptions): Promise<DownloadedFile[]> {
  for (const url of urls) checkUrl(url);
  if (urls.length === 0) return [];

  const dir = path.resolve(options.dir);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new ActionError(`Cannot create the download directory ${dir}: ${describeSystemError(error)}.`);
  }

  const stopper = new AbortController();
  const onCancel = () => stopper.abort();
  if (options.signal?.aborted) onCancel();
  else options.signal?.addEventListener('abort', onCancel, { once: true });

  const taken = new Set<string>();
  const names = urls.map((url) => safeFileName(url, undefined, taken));
  // `??` rather than a spread: an option passed as `undefined` still gets its default.
  const settings: Settings = {
    dir,
    workspace: options.workspace,
    log: options.log,
    userAgent: options.userAgent,
    concurrency: options.concurrency ?? 3,
    attempts: options.attempts ?? 4,
    retryBaseMs: options.retryBaseMs ?? 1_000,
    retryMaxMs: options.retryMaxMs ?? 30_000,
    requestTimeoutMs: options.requestTimeoutMs ?? 60_000,
    random: options.random ?? Math.random,
    stop: stopper.signal,
    taken,
  };

  const results: DownloadedFile[] = [];
  let failure: unknown;
  let next = 0;
  const worker = async () => {
    while (!stopper.signal.aborted && next < urls.length) {
      const index = next++;
      try {
        results[index] = await downloadOne(urls[index] as string, names[index] as string, settings);
      } catch (error) {
        failure ??= error;
        stopper.abort();
      }
    }
  };
  try {
    // Every worker has finished (and cleaned up) before this returns or throws.
    await Promise.all(Array.from({ length: Math.max(1, Math.min(settings.concurrency, urls.length)) }, worker));
  } finally {
    options.signal?.removeEventListener('abort', onCancel);
  }
  if (options.signal?.aborted) throw new CancelledError('The workflow was cancelled while downloading files.');
  if (failure !== undefined) throw failure;
  return results;
}

function checkUrl(url: string): void {
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new ActionError(`Cannot download ${printable(url, 200)}: only http and https URLs can be downloaded.`);
  }
}

/** One file, retried while failures are transient. */
async function downloadOne(url: string, name: string, settings: Settings): Promise<DownloadedFile> {
  const { dir, log, attempts } = settings;
  const started = Date.now();
  const temp = insideDir(dir, `.${name}.${randomBytes(6).toString('hex')}.part`);
  for (let attempt = 1; ; attempt++) {
    let received: { bytes: number; contentType?: string };
    try {
      log.debug(`GET ${url} (attempt ${attempt} of ${attempts}) → ${temp}`);
      received = await attemptDownload(url, temp, settings);
    } catch (error) {
      await rm(temp, { force: true });
      if (error instanceof StoppedError) throw error;
      const failure = error instanceof AttemptError ? error : new AttemptError(describeSystemError(error), false);
      const tries = attempt > 1 ? ` (after ${attempt} attempts)` : '';
      if (!failure.transient || attempt >= attempts) {
        throw new ActionError(`Could not download ${printable(url, 200)}: ${failure.message}${tries}.`);
      }
      const delay =
        failure.retryAfterMs ?? backoffDelay(attempt - 1, settings.retryBaseMs, settings.retryMaxMs, settings.random);
      if (delay > MAX_RETRY_AFTER_MS) {
        throw new ActionError(
          `Could not download ${printable(url, 200)}: ${failure.message}, and the server asked to wait ${Math.ceil(delay / 1000)}s before retrying.`,
        );
      }
      log.info(
        `${name}: ${failure.message}; retrying in ${(delay / 1000).toFixed(1)}s (attempt ${attempt + 1} of ${attempts}).`,
      );
      try {
        await sleep(delay, settings.stop);
      } catch {
        throw new StoppedError('stopped');
      }
      continue;
    }

    // Only now is the type known: a name without an extension gets one from it.
    const finalName = addExtension(name, received.contentType, settings.taken);
    const target = insideDir(dir, finalName);
    try {
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw new ActionError(`Could not save ${printable(url, 200)} as ${target}: ${describeSystemError(error)}.`);
    }
    log.info(`Downloaded ${finalName} (${formatBytes(received.bytes)}) in ${formatDuration(Date.now() - started)}.`);
    return { url, path: path.relative(settings.workspace, target).split(path.sep).join('/'), bytes: received.bytes };
  }
}

/** `dir/name`, refusing anything that would resolve elsewhere (defence in depth: names are already safe). */
function insideDir(dir: string, name: string): string {
  const resolved = path.resolve(dir, name);
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep; // `dir` may be a root such as C:\
  if (!resolved.startsWith(prefix) || path.dirname(resolved) !== dir) {
    throw new ActionError(`Refusing to write ${JSON.stringify(name)}: it would land outside ${dir}.`);
  }
  return resolved;
}

/**
 * One GET streamed into `temp`. Rejects with AttemptError (transient or not),
 * or StoppedError when the whole call is being stopped.
 */
async function attemptDownload(
  url: string,
  temp: string,
  settings: Settings,
): Promise<{ bytes: number; contentType?: string }> {
  const { requestTimeoutMs, stop } = settings;
  const attempt = new AbortController();
  // No Authorization header is ever set: these are public storage URLs on another host.
  const client = new HttpClient(settings.userAgent, [abortWith(attempt.signal)], {
    allowRetries: false,
    // Redirects are followed below: http-client cannot resolve a relative Location.
    allowRedirects: false,
    keepAlive: false,
    // Our own idle timer fires first and tears the attempt down properly.
    socketTimeout: requestTimeoutMs + 5_000,
  });
  // One watchdog per attempt rather than a timer reset on every chunk: cheaper on a fast link.
  let lastProgress = Date.now();
  const watchdog = setInterval(
    () => {
      if (Date.now() - lastProgress < requestTimeoutMs) return;
      attempt.abort(new AttemptError(`no data received for ${formatDuration(requestTimeoutMs)}`, true));
    },
    Math.min(1_000, Math.max(10, requestTimeoutMs / 4)),
  );
  const onStop = () => attempt.abort(new StoppedError('stopped'));
  // Aborting the attempt destroys its request (through abortWith) and the client's sockets.
  attempt.signal.addEventListener('abort', () => client.dispose(), { once: true });
  if (stop.aborted) onStop();
  else stop.addEventListener('abort', onStop, { once: true });

  let message: IncomingMessage | undefined;
  let file: WriteStream | undefined;
  try {
    message = await abortable(openStream(client, url, settings), attempt.signal);
    const contentType = header(message, 'content-type');
    const declared = header(message, 'content-length');
    settings.log.debug(
      `${url} → ${message.statusCode} (${contentType ?? 'no content type'}, ${declared ?? 'unknown'} bytes)`,
    );

    let bytes = 0;
    lastProgress = Date.now();
    message.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      lastProgress = Date.now();
    });
    // 'wx': never follow or reuse whatever already has this name.
    file = createWriteStream(temp, { flags: 'wx' });
    await pipeline(message, file, { signal: attempt.signal });

    if (!message.complete) throw new AttemptError(`the body was cut short after ${bytes} bytes`, true);
    if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) !== bytes) {
      throw new AttemptError(`received ${bytes} bytes of the ${declared} announced`, true);
    }
    return { bytes, contentType };
  } catch (error) {
    throw attemptFailure(error, attempt.signal);
  } finally {
    clearInterval(watchdog);
    stop.removeEventListener('abort', onStop);
    message?.destroy();
    client.dispose();
    if (file) await closed(file);
  }
}

/** GET `url`, following redirects, resolving with a 2xx response whose body is unread. */
async function openStream(client: HttpClient, url: string, settings: Settings): Promise<IncomingMessage> {
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    const response = await client.get(current.href, { Accept: '*/*' });
    const message = response.message;
    const status = message.statusCode ?? 0;
    if (status >= 200 && status < 300) return message;
    message.destroy();

    const location = header(message, 'location');
    if (status >= 300 && status < 400 && location !== undefined) {
      if (hop >= MAX_REDIRECTS) throw new AttemptError(`more than ${MAX_REDIRECTS} redirects`, false);
      const target = new URL(location, current);
      if (target.protocol !== 'http:' && target.protocol !== 'https:') {
        throw new AttemptError(`redirected to a ${target.protocol} URL, which cannot be downloaded`, false);
      }
      if (current.protocol === 'https:' && target.protocol === 'http:') {
        throw new AttemptError('redirected from https to plain http, which is refused', false);
      }
      settings.log.debug(`${current.href} → ${status} redirect to ${target.href}`);
      current = target;
      continue;
    }
    throw statusFailure(status, message);
  }
}

function statusFailure(status: number, message: IncomingMessage): AttemptError {
  const text = `HTTP ${status}${message.statusMessage ? ` ${message.statusMessage}` : ''}`;
  if (status === 429 || status === 503) {
    return new AttemptError(text, true, parseRetryAfter(header(message, 'retry-after')));
  }
  return new AttemptError(text, status >= 500 || status === 408);
}

/** What an attempt's failure means for retrying. */
function attemptFailure(error: unknown, signal: AbortSignal): Error {
  // An abort wins over the error it caused (a destroyed socket, an AbortError from pipeline).
  if (signal.aborted && (signal.reason instanceof AttemptError || signal.reason instanceof StoppedError))
    return signal.reason;
  if (error instanceof AttemptError || error instanceof StoppedError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && DISK_ERRORS.has(code))
    return new AttemptError(`cannot write the file (${describeSystemError(error)})`, false);
  // Resets, refused connections, DNS hiccups, bodies cut short: worth another try.
  return new AttemptError(describeSystemError(error), true);
}

/** `promise`, or a rejection with the signal's reason as soon as it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
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

/** Waits until the file's descriptor is closed, so the partial file can be removed (Windows refuses to delete open files). */
function closed(file: WriteStream): Promise<void> {
  if (file.closed) return Promise.resolve();
  return new Promise((resolve) => {
    file.once('close', () => resolve());
    file.destroy();
  });
}

function header(message: IncomingMessage, name: string): string | undefined {
  const value = message.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
