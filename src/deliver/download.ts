import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { formatBytes, formatDuration } from '../core/format.js';
import { ActionError, CancelledError, DeliveryTimeoutError, errorMessage } from '../core/errors.js';
import { DigestPool } from './digest.js';
import { attemptDownload, AttemptError, StoppedError } from './download-attempt.js';
import { addExtension, safeFileName } from './file-names.js';
import { sweepBuffersPromptly } from '../core/http.js';
import type { Logger } from '../core/log.js';
import type { DownloadedFile } from '../report/record.js';
import { retry, type GiveUpReason } from '../core/retry.js';
import type { Deadline } from '../core/timing.js';
import { describeSystemError, isHttpUrl, printable } from '../core/text.js';
import { linkOnTheWay } from '../core/links.js';

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
  /**
   * What is left of the step's `timeout`: every attempt, wait and watchdog ends
   * by it. When it runs out the call throws a DeliveryTimeoutError naming the
   * file in flight, after removing every partial file.
   */
  deadline?: Deadline;
  /** Aborted when the workflow is cancelled. */
  signal?: AbortSignal;
  /** Called as each file is saved under its final name, so files saved before a failure are known. */
  onFileSaved?: (file: DownloadedFile) => void;
  random?: () => number;
}

/** A Retry-After longer than this is not waited for: the file fails instead. */
const MAX_RETRY_AFTER_MS = 120_000;

type Settings = Required<Omit<DownloadOptions, 'signal' | 'deadline' | 'onFileSaved'>> &
  Pick<DownloadOptions, 'deadline' | 'onFileSaved'> & {
    dir: string;
    /** Aborted by the first failure or by cancellation: every download in flight stops. */
    stop: AbortSignal;
    /** Lower-cased names claimed in `dir` by this call. */
    taken: Set<string>;
    /** Hashes each file as it streams (for the manifest), off the main thread. */
    digests: DigestPool;
  };

/**
 * Downloads `urls` into `options.dir`, a few at a time, streaming each body to
 * disk (memory stays flat whatever the size). Names come from the URLs, made
 * safe and unique, decided in URL order so the result does not depend on
 * timing. Each file is written under a temporary name and renamed once it is
 * complete and its size checked. When a file fails for good (or the deadline
 * runs out), the downloads in flight are stopped, their partial files removed,
 * and an ActionError (a DeliveryTimeoutError) names the URL; files already
 * completed stay, and were reported through `onFileSaved`.
 */
export async function downloadFiles(urls: string[], options: DownloadOptions): Promise<DownloadedFile[]> {
  for (const url of urls) checkUrl(url);
  if (urls.length === 0) return [];
  sweepBuffersPromptly();

  const dir = path.resolve(options.dir);
  // Checked before paying too (config); a link made since would still take the files elsewhere.
  const link = linkOnTheWay(options.workspace, dir);
  if (link) throw new ActionError(`Not downloading into ${dir}: ${link} is a symbolic link the action did not create.`);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new ActionError(`Cannot create the download directory ${dir}: ${describeSystemError(error)}.`);
  }

  const stopper = new AbortController();
  const onCancel = () => stopper.abort(new StoppedError('stopped'));
  if (options.signal?.aborted) onCancel();
  else options.signal?.addEventListener('abort', onCancel, { once: true });

  const settings = settingsFor(options, dir, stopper.signal);
  const names = urls.map((url) => safeFileName(url, undefined, settings.taken));

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
        stopper.abort(new StoppedError('stopped'));
      }
    }
  };
  try {
    // Every worker has finished (and cleaned up) before this returns or throws.
    await Promise.all(Array.from({ length: Math.max(1, Math.min(settings.concurrency, urls.length)) }, worker));
  } finally {
    options.signal?.removeEventListener('abort', onCancel);
    await settings.digests.close();
  }
  if (options.signal?.aborted) throw new CancelledError('The workflow was cancelled while downloading files.');
  if (failure !== undefined) throw failure;
  return results;
}

/** The options with their defaults. `??` rather than a spread: an option passed as `undefined` still gets its default. */
function settingsFor(options: DownloadOptions, dir: string, stop: AbortSignal): Settings {
  return {
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
    deadline: options.deadline,
    onFileSaved: options.onFileSaved,
    stop,
    taken: new Set<string>(),
    digests: new DigestPool(),
  };
}

function checkUrl(url: string): void {
  if (!isHttpUrl(url)) {
    throw new ActionError(`Cannot download ${printable(url, 200)}: only http and https URLs can be downloaded.`);
  }
}

/** One file, retried while failures are transient, within the deadline. */
async function downloadOne(url: string, name: string, settings: Settings): Promise<DownloadedFile> {
  const { dir, log, attempts } = settings;
  const started = Date.now();
  const temp = insideDir(dir, `.${name}.${randomBytes(6).toString('hex')}.part`);
  const received = await retry(
    async (attempt) => {
      log.debug(`GET ${url} (attempt ${attempt} of ${attempts}) → ${temp}`);
      try {
        return await attemptDownload(url, temp, settings);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    {
      attempts,
      baseMs: settings.retryBaseMs,
      maxMs: settings.retryMaxMs,
      random: settings.random,
      deadline: settings.deadline,
      maxWaitMs: MAX_RETRY_AFTER_MS,
      signal: settings.stop,
      judge: (error) =>
        error instanceof AttemptError ? { retry: error.transient, waitMs: error.retryAfterMs } : { retry: false },
      onRetry: (error, delayMs, nextAttempt) =>
        log.info(
          `${name}: ${errorMessage(error)}; retrying in ${(delayMs / 1000).toFixed(1)}s (attempt ${nextAttempt} of ${attempts}).`,
        ),
      giveUp: (error, why, tries, delayMs) => downloadFailure(url, error, why, tries, delayMs),
    },
  );

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
  const file: DownloadedFile = {
    url,
    path: path.relative(settings.workspace, target).split(path.sep).join('/'),
    bytes: received.bytes,
    ...(received.sha256 ? { sha256: received.sha256 } : {}),
  };
  settings.onFileSaved?.(file);
  return file;
}

/** The error a file fails with once no further attempt is made. */
function downloadFailure(
  url: string,
  error: unknown,
  why: GiveUpReason | 'final',
  tries: number,
  delayMs = 0,
): unknown {
  if (error instanceof StoppedError || error instanceof CancelledError) return error;
  const shown = printable(url, 200);
  const after = tries > 1 ? ` (after ${tries} attempts)` : '';
  if (error instanceof DeliveryTimeoutError) {
    return new DeliveryTimeoutError(`The timeout ran out while downloading ${shown}${after}.`);
  }
  if (why === 'deadline') {
    return new DeliveryTimeoutError(
      `The timeout ran out while downloading ${shown}: ${errorMessage(error)}, and no time was left to try again${after}.`,
    );
  }
  if (why === 'too-long') {
    return new ActionError(
      `Could not download ${shown}: ${errorMessage(error)}, and the server asked to wait ${Math.ceil(delayMs / 1000)}s before retrying.`,
    );
  }
  return new ActionError(`Could not download ${shown}: ${errorMessage(error)}${after}.`);
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
