import * as core from '@actions/core';
import { ArmoxClient } from './armox/client.js';
import { readConfig, type ActionConfig } from './config/config.js';
import { readEventPayload } from './core/github-event.js';
import { defaultManifestPath, manifestOf, writeManifest } from './report/manifest.js';
import { commentMarker, publishPullRequestComment, workflowRunUrl } from './report/pr-comment.js';
import { CancelledError, errorMessage, TimeoutError } from './core/errors.js';
import { redactDeep, redactingLogger, redactSecrets, type Logger } from './core/log.js';
import { State } from './config/names.js';
import { StepRecord, type Outcome } from './report/record.js';
import { CLEANUP_MS, OpenJobs, SeenJobs } from './core/run-context.js';
import { Deadline } from './core/timing.js';
import { runPipeline } from './pipeline.js';
import { readSecrets, secretValues } from './config/secrets.js';
import { renderSummary } from './report/summary.js';

/** The workflow log, through @actions/core. */
export const coreLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  notice: (message) => core.notice(message),
  debug: (message) => core.debug(message),
  group: (title, fn) => core.group(title, fn),
};

/** After SIGINT the runner sends SIGTERM 7.5 s later; finish well before it. */
const EXIT_AFTER_SIGNAL_MS = 6_000;

/** The values no log line, output or summary may show: the API key and the GitHub token. */
export function actionSecrets(env: Record<string, string | undefined> = process.env): string[] {
  return secretValues(readSecrets((name) => core.getInput(name), env));
}

/**
 * The main step: reads the inputs, runs the pipeline, and reports — outputs, job
 * summary, and one failure path (`core.setFailed` with a message; the stack only
 * in debug). Jobs it starts are listed in the step state until it is done with
 * them, so the post step can cancel them if this step is killed.
 */
export async function mainStep(env: Record<string, string | undefined> = process.env): Promise<void> {
  // The key is masked before anything else is printed.
  const secrets = actionSecrets(env);
  for (const secret of secrets) core.setSecret(secret);
  core.saveState(State.IsPost, 'true');
  const log = redactingLogger(coreLogger, secrets);
  const record = new StepRecord(Date.now(), (name, value) => core.setOutput(name, redactSecrets(value, secrets)), {
    warn: (message) => log.warning(message),
  });
  const openJobs = new OpenJobs((ids) => core.saveState(State.OpenJobs, JSON.stringify(ids)));
  const controller = new AbortController();
  const stopOnSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    log.info(`Received ${signal}: cancelling.`);
    controller.abort();
    setTimeout(() => process.exit(1), EXIT_AFTER_SIGNAL_MS).unref();
  };
  process.on('SIGINT', stopOnSignal);
  process.on('SIGTERM', stopOnSignal);

  let config: ActionConfig | undefined;
  let event: unknown;
  try {
    const read = readConfig((name) => core.getInput(name), env);
    config = read.config;
    for (const warning of read.warnings) log.warning(warning);
    core.saveState(State.ApiUrl, config.apiUrl);
    event = await readEventPayload(config.github.eventPath, log);
    const client = new ArmoxClient({
      apiUrl: config.apiUrl,
      apiKey: config.apiKey,
      log,
      signal: controller.signal,
    });
    const seenJobs = new SeenJobs();
    await runPipeline(config, { client, log, record, openJobs, seenJobs, signal: controller.signal, event });
  } catch (error) {
    const message = redactSecrets(errorMessage(error), secrets);
    record.failed(failureOutcome(record, error), record.errorMessage ?? message);
    core.setFailed(message);
    if (error instanceof Error && error.stack) core.debug(redactSecrets(error.stack, secrets));
  } finally {
    record.finishedAt = Date.now();
    record.flush();
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    await report(config, event, record, secrets, log, controller.signal);
  }
}

/**
 * What the step leaves behind, whatever happened: the manifest, the job summary
 * and (when asked) the pull-request comment. Each is best effort: a failure here
 * is a warning, never a lost result.
 */
async function report(
  config: ActionConfig | undefined,
  event: unknown,
  record: StepRecord,
  secrets: string[],
  log: Logger,
  signal: AbortSignal,
): Promise<void> {
  if (config && record.target) {
    const file = config.manifest ?? defaultManifestPath(config.github.runnerTemp, config.github.action);
    try {
      await writeManifest(file, redactDeep(await manifestOf(record.snapshot(), config.workspace), secrets));
      record.manifestWritten(file);
    } catch (error) {
      log.warning(`Could not write the manifest ${file}: ${errorMessage(error)}`);
    }
  }
  // Redacted before rendering: markdown escaping would hide the key from the runner's masking.
  const markdown = renderSummary(redactDeep(record.snapshot(), secrets));
  await writeSummary(markdown, log);
  if (config?.commentOnPr) await commentOnPullRequest(config, event, record, markdown, log, signal);
}

async function commentOnPullRequest(
  config: ActionConfig,
  event: unknown,
  record: StepRecord,
  markdown: string,
  log: Logger,
  signal: AbortSignal,
): Promise<void> {
  const { github } = config;
  const result = await publishPullRequestComment({
    token: config.githubToken,
    apiUrl: github.apiUrl,
    repository: github.repository,
    eventName: github.eventName,
    eventPayload: event,
    marker: commentMarker({
      workflow: github.workflow,
      job: github.job,
      action: github.action,
      extra: config.commentKey,
    }),
    body: markdown,
    runUrl: workflowRunUrl({
      serverUrl: github.serverUrl,
      repository: github.repository,
      runId: github.runId,
      runAttempt: String(github.runAttempt),
    }),
    log,
    signal,
    deadline: reportDeadline(config, record),
  });
  log[result.level](result.message);
}

/**
 * What the comment may take: what is left of `timeout`, or, when the run used
 * it all, the short time clean-up calls get, so a timed-out step still says so.
 */
function reportDeadline(config: ActionConfig, record: StepRecord): Deadline {
  const left = new Deadline(record.startedAt + config.timeoutMs).remaining();
  return Deadline.after(Math.max(left, CLEANUP_MS));
}

/** How a failed step is headlined: what happened to its run, or the kind of error. */
function failureOutcome(record: StepRecord, error: unknown): Outcome {
  if (error instanceof CancelledError || record.outcome === 'cancelled') return 'cancelled';
  const single = record.single?.outcome;
  if (!record.perItem && (single === 'failed' || single === 'cancelled' || single === 'timed-out')) return single;
  if (error instanceof TimeoutError) return 'timed-out';
  return record.perItem && record.runs.some((run) => run.jobId) ? 'failed' : 'error';
}

async function writeSummary(markdown: string, log: Logger): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(markdown, true).write();
  } catch (error) {
    log.warning(`Could not write the job summary: ${errorMessage(error)}`);
  }
}

/** `@github/local-action` (npm run local-action) calls the entry's `run()`. */
export { mainStep as run };
