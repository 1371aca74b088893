import * as path from 'node:path';
import { InputError } from '../core/errors.js';
import { linkOnTheWay } from '../core/links.js';
import { linkProblem, readInputs, type ActionInputs } from './inputs.js';
import { Input } from './names.js';
import type { InputReader } from './secrets.js';
import { parseReuse, type ReusePolicy } from '../request/reuse.js';
import { readRunInputs, type RunInputs } from '../request/run-inputs.js';
import { printable } from '../core/text.js';

/** Everything the action needs from its `with:` block and the runner, parsed and checked once. */
export interface ActionConfig extends Omit<ActionInputs, 'apiUrl' | 'reuse'> {
  /** When an earlier identical completed job is adopted instead of submitting. */
  reuse: ReusePolicy;
  /** Base URL without a trailing slash, e.g. `https://armox.ai/api/v1`. */
  apiUrl: string;
  /** A `batch` or `batch-file` was given (its items may be one run or several: see StepRecord.perItem). */
  batchGiven: boolean;
  /** `inputs`, `inputs-file` and the batch, read; their problems are reported with the contract's (plan.ts). */
  runInputs: RunInputs;
  workspace: string;
  /** Where the workflow runs. */
  github: GitHubContext;
}

/** The runner's `GITHUB_*` / `RUNNER_*` facts the action uses. */
export interface GitHubContext {
  /** GITHUB_API_URL: api.github.com, or the GitHub Enterprise API. */
  apiUrl: string;
  /** GITHUB_SERVER_URL: https://github.com, or the GitHub Enterprise server. */
  serverUrl: string;
  /** GITHUB_REPOSITORY, `owner/repo`. */
  repository?: string;
  eventName?: string;
  eventPath?: string;
  /** GITHUB_ACTOR: who triggered the run, when the event payload names no sender. */
  actor?: string;
  /** RUNNER_TEMP: scratch space for files that are uploaded but not kept, and the manifest. */
  runnerTemp?: string;
  runId?: string;
  /** GITHUB_RUN_ATTEMPT: 1 on the first run, more on a re-run. */
  runAttempt: number;
  sha?: string;
  workflow?: string;
  job?: string;
  /** GITHUB_ACTION: the step's id. */
  action?: string;
}

/** A poll interval below this is allowed but warned about (Armox advises 10–15 s). */
const ADVISED_MIN_POLL_MS = 5_000;

/** Job ids are UUIDs today; anything outside this set could change the request path. */
const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/**
 * Reads the inputs and checks the rules that span them. Every problem is
 * collected and reported together, each naming its input and how to fix it;
 * nothing has been sent anywhere yet. The runs' documents (`inputs`, the
 * batch) are read here too, so that their problems are listed with these.
 */
export function readConfig(
  read: InputReader,
  env: Record<string, string | undefined>,
): { config: ActionConfig; warnings: string[] } {
  const problems: string[] = [];
  const warnings: string[] = [];
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const inputs = readInputs(read, env, workspace, problems);
  const given = (name: string) => read(name).trim() !== '';

  checkApi(inputs, problems, warnings);
  checkWhatToRun(inputs, given, problems);
  checkWaiting(inputs, given, problems, warnings);
  checkRehearsal(inputs, problems);
  const reuse = parseReuse(inputs.reuse);
  if (typeof reuse === 'string') problems.push(reuse);
  // job-id follows an existing job: its inputs are ignored (checkWaiting warns).
  const runInputs = inputs.jobId
    ? { shared: [], problems: [], annotations: [], unreadable: [] }
    : readRunInputs(inputs, workspace);

  problems.push(...itemFolderLinks(inputs.downloadDir, runInputs, workspace));
  if (problems.length > 0) throw configFailure(problems, runInputs);
  return {
    config: {
      ...inputs,
      apiUrl: inputs.apiUrl!.href.replace(/\/+$/, ''),
      reuse: reuse as ReusePolicy,
      batchGiven: inputs.batch !== undefined || inputs.batchFile !== undefined,
      runInputs,
      workspace,
      github: gitHubContext(env),
    },
    warnings,
  };
}

/** A batch writes into `download-dir/<item>/`: a link already there would take its files elsewhere. */
function itemFolderLinks(downloadDir: string | undefined, runInputs: RunInputs, workspace: string): string[] {
  if (!downloadDir || !runInputs.items) return [];
  return runInputs.items.flatMap(({ name }) => {
    const link = linkOnTheWay(downloadDir, path.join(downloadDir, name));
    const shown = path.relative(workspace, link ?? '');
    return link ? [linkProblem(Input.DownloadDir, `${shown}" (batch item "${name}`, shown)] : [];
  });
}

/**
 * The inputs' problems, with those of the runs' documents. Checking the runs
 * against the contract needs the app or model, which is not looked up until
 * these are fixed: the message says so, rather than implying the runs are fine.
 */
function configFailure(problems: string[], runInputs: RunInputs): InputError {
  const all = [...problems, ...runInputs.problems];
  const list = all.length === 1 ? all[0]! : `The action's inputs have ${all.length} problems:\n- ${all.join('\n- ')}`;
  const runs = runInputs.items ? "The batch's items" : 'The inputs';
  const unchecked =
    runInputs.items || runInputs.shared.some((source) => source.entries.length > 0)
      ? `\n\n${runs} are checked against the contract of the app or model once these are fixed: that needs the app or model, which is looked up only then.`
      : '';
  return new InputError(list + unchecked, runInputs.annotations);
}

function checkApi(inputs: ActionInputs, problems: string[], warnings: string[]): void {
  if (!inputs.apiKey) {
    problems.push(
      'api-key is empty: pass `api-key: ${{ secrets.ARMOX_API_KEY }}` or set the ARMOX_API_KEY environment variable ' +
        '(secrets are not available to workflows triggered from forks).',
    );
  } else if (/\s/.test(inputs.apiKey)) {
    problems.push('api-key contains whitespace: check that the secret holds only the key (sk_live_…).');
  }
  const apiUrl = inputs.apiUrl;
  if (!apiUrl) return;
  if (apiUrl.protocol === 'http:' && !isLoopback(apiUrl.hostname)) {
    warnings.push(`api-url uses plain http (${apiUrl.origin}): the API key travels unencrypted.`);
  }
  if (apiUrl.search || apiUrl.hash) {
    problems.push(
      `api-url "${apiUrl.href}" has a query or fragment: give the base URL only, e.g. https://armox.ai/api/v1.`,
    );
  }
  if (apiUrl.username || apiUrl.password) {
    problems.push('api-url contains credentials: remove them and pass the key with api-key.');
  }
}

/** Exactly one of app-id, app-name, model (or job-id to follow a job); at most one batch source. */
function checkWhatToRun(inputs: ActionInputs, given: (name: string) => boolean, problems: string[]): void {
  const targets = [Input.AppId, Input.AppName, Input.Model].filter(given);
  if (targets.length > 1) {
    problems.push(
      `${targets.join(' and ')} are ${targets.length === 2 ? 'both' : 'all'} set: give exactly one of app-id, app-name or model.`,
    );
  }
  if (targets.length === 0 && !inputs.jobId) {
    problems.push('No app or model given: set app-id, app-name or model (or job-id to wait for an existing job).');
  }
  if (inputs.jobId && !JOB_ID.test(inputs.jobId)) {
    problems.push(
      `job-id "${printable(inputs.jobId)}" is not a job id: use the id the action output earlier ` +
        '(letters, digits, - and _ only, e.g. 0fefb57b-a89a-46f3-b7f6-da24841722f4).',
    );
  }
  if (inputs.batch !== undefined && inputs.batchFile !== undefined) {
    problems.push('batch and batch-file are both set: give the runs in one of them.');
  }
  if (inputs.jobId && (inputs.batch !== undefined || inputs.batchFile !== undefined)) {
    problems.push('job-id and a batch are both set: job-id follows one existing job, a batch submits new runs.');
  }
  if (inputs.dryRun && inputs.jobId) {
    problems.push('dry-run and job-id are both set: a dry run submits nothing, so there is no job to wait for.');
  }
}

function checkWaiting(
  inputs: ActionInputs,
  given: (name: string) => boolean,
  problems: string[],
  warnings: string[],
): void {
  if (inputs.pollIntervalMs < ADVISED_MIN_POLL_MS) {
    warnings.push(
      `poll-interval is ${inputs.pollIntervalMs} ms: Armox advises 10–15 s; short intervals can trip the API rate limit.`,
    );
  }
  if (inputs.uploadToRelease && inputs.jobId === undefined && !inputs.wait) {
    problems.push('upload-to-release needs the finished job: it cannot be combined with wait: false.');
  }
  if (inputs.uploadToRelease && inputs.dryRun) {
    warnings.push('upload-to-release is ignored in a dry run: nothing is generated.');
  }
  if (inputs.jobId) {
    const unused: string[] = [Input.AppId, Input.AppName, Input.Model, Input.InputsFile, Input.WebhookUrl].filter(
      given,
    );
    const inputsText = inputs.inputs.trim();
    if (inputsText !== '' && inputsText !== '{}') unused.unshift(Input.Inputs);
    if (unused.length > 0) {
      warnings.push(
        `job-id is set, so no new run is submitted: ${unused.join(', ')} ${unused.length === 1 ? 'is' : 'are'} ignored.`,
      );
    }
  }
  // download-dir with wait: false is warned about after submitting: a model answered inline has its files at once.
}

/** A rehearsal borrows a completed job for each run: it cannot follow a job, leave one running, or only print the requests. */
function checkRehearsal(inputs: ActionInputs, problems: string[]): void {
  if (!inputs.rehearsal) return;
  const why = 'a rehearsal borrows the newest completed job of the app or model instead of submitting';
  if (inputs.jobId) problems.push(`rehearsal and job-id are both set: ${why}, so there is no job to follow.`);
  if (!inputs.wait)
    problems.push(`rehearsal and wait: false are both set: ${why}, so there is nothing to leave running.`);
  if (inputs.dryRun) {
    problems.push(
      'rehearsal and dry-run are both set: choose one (dry-run prints the requests; rehearsal fills every output from a completed job).',
    );
  }
}

function gitHubContext(env: Record<string, string | undefined>): GitHubContext {
  const attempt = Number(env.GITHUB_RUN_ATTEMPT);
  return {
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    repository: env.GITHUB_REPOSITORY,
    eventName: env.GITHUB_EVENT_NAME,
    eventPath: env.GITHUB_EVENT_PATH,
    actor: env.GITHUB_ACTOR,
    runnerTemp: env.RUNNER_TEMP,
    runId: env.GITHUB_RUN_ID,
    runAttempt: Number.isInteger(attempt) && attempt > 0 ? attempt : 1,
    sha: env.GITHUB_SHA,
    workflow: env.GITHUB_WORKFLOW,
    job: env.GITHUB_JOB,
    action: env.GITHUB_ACTION,
  };
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.startsWith('127.') || host === '::1';
}
