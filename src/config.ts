import * as path from 'node:path';
import { MAX_DURATION_MS, parseDuration } from './format.js';
import { InputError } from './errors.js';
import { printable } from './text.js';

/** Everything the action needs from its `with:` block, parsed and checked once. */
export interface ActionConfig {
  apiKey: string;
  /** Base URL without a trailing slash, e.g. `https://armox.ai/api/v1`. */
  apiUrl: string;
  appId?: string;
  appName?: string;
  /** The `inputs` text as given (YAML or JSON). */
  inputs: string;
  /** Absolute path of `inputs-file`, when given. */
  inputsFile?: string;
  wait: boolean;
  jobId?: string;
  timeoutMs: number;
  pollIntervalMs: number;
  cancelOnTimeout: boolean;
  webhookUrl?: string;
  dryRun: boolean;
  /** Absolute path of `download-dir`, when given. */
  downloadDir?: string;
  /** `true` → the triggering release; another string → that tag's release; undefined → no upload. */
  uploadToRelease?: true | string;
  githubToken?: string;
  workspace: string;
  /** Where the workflow runs: what release uploads need to know. */
  github: GitHubContext;
}

export interface GitHubContext {
  /** GITHUB_API_URL: api.github.com, or the GitHub Enterprise API. */
  apiUrl: string;
  /** GITHUB_REPOSITORY, `owner/repo`. */
  repository?: string;
  eventName?: string;
  eventPath?: string;
  /** RUNNER_TEMP: scratch space for files that are uploaded but not kept. */
  runnerTemp?: string;
}

/** Reads one input by its action.yml name; empty string when not given. */
export type InputReader = (name: string) => string;

/** A poll interval below this is allowed but warned about (Armox advises 10–15 s). */
export const ADVISED_MIN_POLL_MS = 5_000;

/** Job ids are UUIDs today; anything outside this set could change the request path. */
const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/**
 * Parses the action's inputs. Every problem is collected and reported together,
 * each naming its input and how to fix it; nothing has been sent anywhere yet.
 */
export function readConfig(
  input: InputReader,
  env: Record<string, string | undefined>,
): { config: ActionConfig; warnings: string[] } {
  const problems: string[] = [];
  const warnings: string[] = [];
  const text = (name: string) => input(name).trim();
  const workspace = env.GITHUB_WORKSPACE || process.cwd();

  const apiKey = text('api-key') || (env.ARMOX_API_KEY ?? '').trim();
  if (!apiKey) {
    problems.push(
      'api-key is empty: pass `api-key: ${{ secrets.ARMOX_API_KEY }}` or set the ARMOX_API_KEY environment variable ' +
        '(secrets are not available to workflows triggered from forks).',
    );
  } else if (/\s/.test(apiKey)) {
    problems.push('api-key contains whitespace: check that the secret holds only the key (sk_live_…).');
  }

  const apiUrl = parseHttpUrl('api-url', text('api-url') || 'https://armox.ai/api/v1', problems);
  if (apiUrl && apiUrl.protocol === 'http:' && !isLoopback(apiUrl.hostname)) {
    warnings.push(`api-url uses plain http (${apiUrl.origin}): the API key travels unencrypted.`);
  }
  if (apiUrl && (apiUrl.search || apiUrl.hash)) {
    problems.push(
      `api-url "${apiUrl.href}" has a query or fragment: give the base URL only, e.g. https://armox.ai/api/v1.`,
    );
  }
  if (apiUrl && (apiUrl.username || apiUrl.password)) {
    problems.push('api-url contains credentials: remove them and pass the key with api-key.');
  }

  const webhookText = text('webhook-url');
  const webhookUrl = webhookText ? parseHttpUrl('webhook-url', webhookText, problems)?.href : undefined;

  const appId = text('app-id') || undefined;
  const appName = text('app-name') || undefined;
  const jobId = text('job-id') || undefined;
  if (appId && appName) problems.push('app-id and app-name are both set: give one of them.');
  if (!appId && !appName && !jobId) {
    problems.push('No app given: set app-id or app-name (or job-id to wait for an existing job).');
  }
  if (jobId && !JOB_ID.test(jobId)) {
    problems.push(
      `job-id "${printable(jobId)}" is not a job id: use the id the action output earlier ` +
        '(letters, digits, - and _ only, e.g. 0fefb57b-a89a-46f3-b7f6-da24841722f4).',
    );
  }

  const wait = parseBoolean('wait', input('wait'), true, problems);
  const cancelOnTimeout = parseBoolean('cancel-on-timeout', input('cancel-on-timeout'), true, problems);
  const dryRun = parseBoolean('dry-run', input('dry-run'), false, problems);
  if (dryRun && jobId)
    problems.push('dry-run and job-id are both set: a dry run submits nothing, so there is no job to wait for.');

  const timeoutMs = parseDurationInput('timeout', input('timeout'), 30 * 60_000, problems);
  const pollIntervalMs = parseDurationInput('poll-interval', input('poll-interval'), 10_000, problems);
  if (pollIntervalMs < ADVISED_MIN_POLL_MS && pollIntervalMs > 0) {
    warnings.push(
      `poll-interval is ${pollIntervalMs} ms: Armox advises 10–15 s; short intervals can trip the API rate limit.`,
    );
  }

  const inputsFileText = text('inputs-file');
  const downloadDirText = text('download-dir');
  const releaseText = text('upload-to-release');
  let uploadToRelease: true | string | undefined;
  if (releaseText && releaseText.toLowerCase() !== 'false') {
    uploadToRelease = releaseText.toLowerCase() === 'true' ? true : releaseText;
  }
  if (uploadToRelease && jobId === undefined && !wait) {
    problems.push('upload-to-release needs the finished job: it cannot be combined with wait: false.');
  }
  if (uploadToRelease && dryRun) warnings.push('upload-to-release is ignored in a dry run: nothing is generated.');
  if (jobId) {
    const unused = ['app-id', 'app-name', 'inputs-file', 'webhook-url'].filter((name) => text(name) !== '');
    if (text('inputs') !== '' && text('inputs') !== '{}') unused.unshift('inputs');
    if (unused.length > 0) {
      warnings.push(
        `job-id is set, so no new run is submitted: ${unused.join(', ')} ${unused.length === 1 ? 'is' : 'are'} ignored.`,
      );
    }
  } else if (!wait && downloadDirText) {
    warnings.push(
      'download-dir is ignored with wait: false: the files do not exist yet. Download them in the step that waits (job-id).',
    );
  }

  if (problems.length > 0) {
    throw new InputError(
      problems.length === 1
        ? problems[0]!
        : `The action's inputs have ${problems.length} problems:\n- ${problems.join('\n- ')}`,
    );
  }

  return {
    config: {
      apiKey,
      apiUrl: apiUrl!.href.replace(/\/+$/, ''),
      appId,
      appName,
      inputs: input('inputs'),
      inputsFile: inputsFileText ? path.resolve(workspace, inputsFileText) : undefined,
      wait,
      jobId,
      timeoutMs,
      pollIntervalMs,
      cancelOnTimeout,
      webhookUrl,
      dryRun,
      downloadDir: downloadDirText ? path.resolve(workspace, downloadDirText) : undefined,
      uploadToRelease,
      githubToken: text('github-token') || env.GITHUB_TOKEN || undefined,
      workspace,
      github: {
        apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        repository: env.GITHUB_REPOSITORY,
        eventName: env.GITHUB_EVENT_NAME,
        eventPath: env.GITHUB_EVENT_PATH,
        runnerTemp: env.RUNNER_TEMP,
      },
    },
    warnings,
  };
}

/** The YAML 1.2 core-schema booleans, as `core.getBooleanInput` accepts them. */
function parseBoolean(name: string, raw: string, fallback: boolean, problems: string[]): boolean {
  const value = raw.trim();
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  problems.push(`${name}: "${printable(value)}" is not a boolean (use true or false).`);
  return fallback;
}

function parseDurationInput(name: string, raw: string, fallback: number, problems: string[]): number {
  const value = raw.trim();
  if (value === '') return fallback;
  const ms = parseDuration(value);
  if (ms === undefined) {
    problems.push(`${name}: "${printable(value)}" is not a duration (use 600, 90s, 15m or 1h30m).`);
    return fallback;
  }
  if (ms <= 0) {
    problems.push(`${name}: "${printable(value)}" must be longer than zero.`);
    return fallback;
  }
  if (ms > MAX_DURATION_MS) {
    problems.push(`${name}: "${printable(value)}" is too long (at most 24 days).`);
    return fallback;
  }
  return ms;
}

function parseHttpUrl(name: string, value: string, problems: string[]): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${name}: "${printable(value)}" is not a URL (expected something like https://armox.ai/api/v1).`);
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    problems.push(`${name}: "${printable(value)}" must be an http(s) URL, not ${url.protocol}`);
    return undefined;
  }
  return url;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.startsWith('127.') || host === '::1';
}
