import { statSync } from 'node:fs';
import * as path from 'node:path';
import { linkOnTheWay } from '../core/links.js';
import { MAX_DURATION_MS, parseDuration } from '../core/format.js';
import { Input, type InputName } from './names.js';
import { readSecrets, type InputReader } from './secrets.js';
import { isHttpUrl, printable } from '../core/text.js';

/**
 * The action's inputs, each read and parsed on its own (one line per input in
 * `readInputs`). Rules that span several inputs are checked in config.ts.
 */
export interface ActionInputs {
  apiKey: string;
  apiUrl?: URL;
  appId?: string;
  appName?: string;
  model?: string;
  /** The `inputs` text as given (YAML or JSON). */
  inputs: string;
  /** Absolute path of `inputs-file`. */
  inputsFile?: string;
  /** The `batch` text as given. */
  batch?: string;
  /** Absolute path of `batch-file`. */
  batchFile?: string;
  maxConcurrency: number;
  maxCredits?: number;
  failFast: boolean;
  wait: boolean;
  jobId?: string;
  timeoutMs: number;
  pollIntervalMs: number;
  cancelOnTimeout: boolean;
  webhookUrl?: string;
  dryRun: boolean;
  /** The newest completed job of the target stands in for each run (nothing is submitted). */
  rehearsal: boolean;
  /** Absolute path of `download-dir`. */
  downloadDir?: string;
  /** `true` → the triggering release; another string → that tag's release; undefined → no upload. */
  uploadToRelease?: true | string;
  githubToken?: string;
  /** `reuse` as given (parsed by the reuse rules). */
  reuse: string;
  /** Absolute path of `manifest`, when a path was given. */
  manifest?: string;
  commentOnPr: boolean;
  /** Added to the comment's marker: matrix legs each keep their own comment. */
  commentKey?: string;
  allowUntrustedTrigger: boolean;
}

/** Armox's public API, the `api-url` default. */
const DEFAULT_API_URL = 'https://armox.ai/api/v1';

/** Reads every input; `problems` gets one line per bad value, naming the input and the fix. */
export function readInputs(
  read: InputReader,
  env: Record<string, string | undefined>,
  workspace: string,
  problems: string[],
): ActionInputs {
  const get = new InputParser(read, workspace, problems);
  const secrets = readSecrets(read, env);
  return {
    apiKey: secrets.apiKey,
    apiUrl: get.url(Input.ApiUrl, DEFAULT_API_URL, DEFAULT_API_URL),
    appId: get.text(Input.AppId),
    appName: get.text(Input.AppName),
    model: get.text(Input.Model),
    inputs: read(Input.Inputs),
    inputsFile: get.path(Input.InputsFile),
    batch: get.text(Input.Batch),
    batchFile: get.path(Input.BatchFile),
    maxConcurrency: get.count(Input.MaxConcurrency, 4, 1, 100),
    maxCredits: get.credits(Input.MaxCredits),
    failFast: get.boolean(Input.FailFast, false),
    wait: get.boolean(Input.Wait, true),
    jobId: get.text(Input.JobId),
    timeoutMs: get.duration(Input.Timeout, 30 * 60_000),
    pollIntervalMs: get.duration(Input.PollInterval, 10_000),
    cancelOnTimeout: get.boolean(Input.CancelOnTimeout, true),
    webhookUrl: get.url(Input.WebhookUrl, 'https://example.com/armox-webhook')?.href,
    dryRun: get.boolean(Input.DryRun, false),
    rehearsal: get.boolean(Input.Rehearsal, false),
    downloadDir: get.folderPath(Input.DownloadDir),
    uploadToRelease: get.release(Input.UploadToRelease),
    githubToken: secrets.githubToken || undefined,
    reuse: get.text(Input.Reuse) ?? 'rerun',
    manifest: get.filePath(Input.Manifest),
    commentOnPr: get.boolean(Input.CommentOnPr, false),
    commentKey: get.text(Input.CommentKey),
    allowUntrustedTrigger: get.boolean(Input.AllowUntrustedTrigger, false),
  };
}

/** Typed readers for one input each; a bad value adds a problem and yields the default. */
class InputParser {
  constructor(
    private readonly read: InputReader,
    private readonly workspace: string,
    private readonly problems: string[],
  ) {}

  text(name: InputName): string | undefined {
    return this.read(name).trim() || undefined;
  }

  /** A workspace-relative path, made absolute. */
  path(name: InputName): string | undefined {
    const value = this.text(name);
    return value ? path.resolve(this.workspace, value) : undefined;
  }

  /**
   * A path the action will write a file to, checked before anything is paid
   * for: not an existing folder, and its nearest existing parent a folder.
   * Paths outside the workspace are fine (`${{ runner.temp }}/manifest.json`).
   */
  /** A file the action will write: not a folder, and nothing in its way (checked before anything is paid for). */
  filePath(name: InputName): string | undefined {
    const file = this.path(name);
    if (file === undefined) return undefined;
    const shown = printable(this.read(name).trim());
    if (kindOf(file) === 'directory') {
      this.problems.push(
        `${name}: "${shown}" is a folder; give the path of a file in it (e.g. ${shown}/manifest.json).`,
      );
      return undefined;
    }
    return this.creatable(name, path.dirname(file), shown) ? file : undefined;
  }

  /** A folder the action will create if needed: no file in the way (checked before anything is paid for). */
  folderPath(name: InputName): string | undefined {
    const folder = this.path(name);
    if (folder === undefined) return undefined;
    return this.creatable(name, folder, printable(this.read(name).trim())) ? folder : undefined;
  }

  /** Whether `folder` exists as a folder or can be created: its nearest existing ancestor is a folder. */
  private creatable(name: InputName, folder: string, shown: string): boolean {
    const link = linkOnTheWay(this.workspace, folder);
    if (link) {
      this.problems.push(linkProblem(name, shown, path.relative(this.workspace, link)));
      return false;
    }
    let existing = folder;
    while (kindOf(existing) === 'missing' && path.dirname(existing) !== existing) existing = path.dirname(existing);
    if (kindOf(existing) !== 'file') return true;
    const inWorkspace = existing.startsWith(this.workspace + path.sep);
    this.problems.push(
      `${name}: "${shown}" cannot be written: ${inWorkspace ? path.relative(this.workspace, existing) : existing} is a file, not a folder.`,
    );
    return false;
  }

  /** The YAML 1.2 core-schema booleans, as `core.getBooleanInput` accepts them. */
  boolean(name: InputName, fallback: boolean): boolean {
    const value = this.read(name).trim();
    if (value === '') return fallback;
    if (['true', 'True', 'TRUE'].includes(value)) return true;
    if (['false', 'False', 'FALSE'].includes(value)) return false;
    this.problems.push(`${name}: "${printable(value)}" is not a boolean (use true or false).`);
    return fallback;
  }

  duration(name: InputName, fallback: number): number {
    const value = this.read(name).trim();
    if (value === '') return fallback;
    const ms = parseDuration(value);
    const problem =
      ms === undefined
        ? 'is not a duration (use 600, 90s, 15m or 1h30m)'
        : ms <= 0
          ? 'must be longer than zero'
          : ms > MAX_DURATION_MS
            ? 'is too long (at most 24 days)'
            : undefined;
    if (problem === undefined) return ms!;
    this.problems.push(`${name}: "${printable(value)}" ${problem}.`);
    return fallback;
  }

  count(name: InputName, fallback: number, min: number, max: number): number {
    const value = this.read(name).trim();
    if (value === '') return fallback;
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (n >= min && n <= max) return n;
    this.problems.push(`${name}: "${printable(value)}" must be a whole number from ${min} to ${max}.`);
    return fallback;
  }

  credits(name: InputName): number | undefined {
    const value = this.read(name).trim();
    if (value === '') return undefined;
    if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
    this.problems.push(`${name}: "${printable(value)}" is not a number of credits (e.g. 2000).`);
    return undefined;
  }

  /** An http(s) URL; `example` shows the expected form in the problem. */
  url(name: InputName, example: string, fallback?: string): URL | undefined {
    const value = this.read(name).trim() || fallback;
    if (value === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      this.problems.push(`${name}: "${printable(value)}" is not a URL (expected something like ${example}).`);
      return undefined;
    }
    if (!isHttpUrl(url.href)) {
      this.problems.push(`${name}: "${printable(value)}" must be an http(s) URL, not ${url.protocol}.`);
      return undefined;
    }
    return url;
  }

  release(name: InputName): true | string | undefined {
    const value = this.read(name).trim();
    if (value === '' || value.toLowerCase() === 'false') return undefined;
    return value.toLowerCase() === 'true' ? true : value;
  }
}

/** What is at `file`: a folder, something else, or nothing (or nothing readable). */
function kindOf(file: string): 'directory' | 'file' | 'missing' {
  try {
    return statSync(file).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}

/** A symbolic link where the step would write: refused, so files land only where the user said. */
export function linkProblem(name: InputName, shown: string, link: string): string {
  return (
    `${name}: "${shown}" cannot be written: ${link} is a symbolic link, and the action does not write through ` +
    'a link it did not create (it could lead outside the workspace). Remove the link or choose another path.'
  );
}
