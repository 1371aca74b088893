import * as core from '@actions/core';
import { ArmoxClient } from './armox/client.js';
import { readConfig, type ActionConfig } from './config/config.js';
import { readEventPayload } from './core/github-event.js';
import { annotateFileProblems } from './report/annotations.js';
import { CancelledError, errorMessage, TimeoutError } from './core/errors.js';
import { inertLogText } from './core/inert-log.js';
import { redactingLogger, redactSecrets, registerSecrets, type Logger } from './core/log.js';
import { PostStateWriter } from './core/post-state.js';
import { StepRecord, type Outcome } from './report/record.js';
import { OpenJobs, SeenJobs } from './core/run-context.js';
import { deliverStep } from './deliver/deliver-step.js';
import { runPipeline } from './pipeline.js';
import { readSecrets, secretValues } from './config/secrets.js';

/**
 * The workflow log, through @actions/core. `info` is the one way text reaches
 * stdout as it is, so it is where outside text is kept from acting as a
 * workflow command; the other calls are commands whose data core escapes.
 */
export const coreLogger: Logger = {
  info: (message) => core.info(inertLogText(message)),
  warning: (message) => core.warning(message),
  notice: (message) => core.notice(message),
  debug: (message) => core.debug(message),
  group: (title, fn) => core.group(title, fn),
};

/**
 * When a workflow is cancelled, the runner sends SIGINT, SIGTERM 7.5 s later,
 * and kills the process 2.5 s after that. The step goes on as long as it
 * safely can after each (a submission's answer may still come, and its job be
 * cancelled), then reports and exits before the kill.
 */
const GRACE_AFTER_SIGINT_MS = 8_000;
const GRACE_AFTER_SIGTERM_MS = 1_200;
/** The most the last report (outputs, manifest, summary) may take before that exit. */
const LAST_REPORT_MS = 700;

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
  registerSecrets(secrets);
  const postState = new PostStateWriter((name, value) => core.saveState(name, value));
  postState.mainStepStarted();
  const log = redactingLogger(coreLogger, secrets);
  const record = new StepRecord(Date.now(), (name, value) => core.setOutput(name, redactSecrets(value, secrets)), {
    warn: (message) => log.warning(message),
  });
  const openJobs = new OpenJobs(postState);
  const controller = new AbortController();
  let config: ActionConfig | undefined;
  let event: unknown;
  let reporting: Promise<void> | undefined;
  const { signal } = controller;
  const reportOnce = () => (reporting ??= deliverStep(record, { config, event, secrets, log, signal, writeSummary }));
  // Set once the pipeline has ended (its failure recorded), or once the step must end without it.
  let settled = false;
  const stopHandlingSignals = handleSignals(log, controller, async () => {
    if (!settled) {
      settled = true;
      core.setFailed(redactSecrets(recordForcedEnd(record, openJobs), secrets));
      record.ended(Date.now());
    }
    record.settleLists();
    await Promise.race([reportOnce(), new Promise((resolve) => setTimeout(resolve, LAST_REPORT_MS))]);
  });

  try {
    const read = readConfig((name) => core.getInput(name), env);
    config = read.config;
    for (const warning of read.warnings) log.warning(warning);
    postState.apiUrl(config.apiUrl);
    event = await readEventPayload(config.github.eventPath, log);
    const client = new ArmoxClient({ apiUrl: config.apiUrl, apiKey: config.apiKey, log, signal });
    const seenJobs = new SeenJobs();
    await runPipeline(config, { client, log, record, openJobs, seenJobs, signal, event });
  } catch (error) {
    if (!settled) {
      const message = redactSecrets(errorMessage(error), secrets);
      record.failed(failureOutcome(record, error), record.errorMessage ?? message);
      annotateFileProblems(error, secrets);
      core.setFailed(message);
    }
    if (error instanceof Error && error.stack) core.debug(redactSecrets(error.stack, secrets));
  } finally {
    if (!settled) record.ended(Date.now());
    settled = true;
    record.flush();
    record.settleLists();
    await reportOnce();
    stopHandlingSignals();
  }
}

/**
 * SIGINT or SIGTERM cancel the step (`controller` is aborted: every wait and
 * read stops, the jobs are cancelled). The process then ends before the runner
 * kills it, whatever is still in flight: `lastWords` (reporting what is
 * known), then exit. Returns what stops the handling.
 */
function handleSignals(log: Logger, controller: AbortController, lastWords: () => Promise<void>): () => void {
  let exitAt = Infinity;
  let timer: NodeJS.Timeout | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) {
      log.info(`Received ${signal}: cancelling.`);
      controller.abort();
    }
    const grace = signal === 'SIGINT' ? GRACE_AFTER_SIGINT_MS : GRACE_AFTER_SIGTERM_MS;
    if (Date.now() + grace >= exitAt) return;
    if (exitAt !== Infinity) log.info(`Received ${signal}: ending within ${grace / 1000}s.`);
    exitAt = Date.now() + grace;
    clearTimeout(timer);
    // process.exit() keeps the exit code set so far (1 once the step failed).
    timer = setTimeout(() => void lastWords().finally(() => process.exit()), grace);
  };
  // On Windows the runner sends Ctrl+C, then Ctrl+Break (SIGBREAK) where Linux and macOS get SIGTERM.
  const signals: NodeJS.Signals[] = [
    'SIGINT',
    'SIGTERM',
    ...(process.platform === 'win32' ? ['SIGBREAK' as const] : []),
  ];
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
    clearTimeout(timer);
  };
}

/**
 * The step must end before the runner kills it while work is still in flight:
 * a submission awaiting Armox's answer, jobs whose cancelling has not finished.
 * Records each run as the post step will find it (it cancels both: it looks
 * for the submitted job among the recent jobs), and returns the step's error.
 */
function recordForcedEnd(record: StepRecord, openJobs: OpenJobs): string {
  const pending = openJobs.submissions.map((submission) => submission.item);
  const open = openJobs.jobIds;
  const message = forcedEndMessage(record.naming.which(pending), pending, open);
  const own = (itemMessage: string) => (record.perItem ? itemMessage : message);
  for (const run of record.runs) {
    if (run.outcome) continue;
    if (pending.includes(run.name)) {
      run.ended(
        'cancelled',
        own(
          "the workflow was cancelled while its submission awaited Armox's answer; the post step looks for its job and cancels it",
        ),
      );
    } else if (run.jobId && open.includes(run.jobId)) {
      run.ended(
        'cancelled',
        own(
          'the workflow was cancelled, and the step had to end before its job was cancelled: the post step cancels it',
        ),
      );
    } else if (!run.jobId) {
      run.ended('skipped', 'not submitted: the workflow was cancelled.');
    }
  }
  record.failed('cancelled', message);
  return message;
}

/** `The workflow was cancelled, and the step had to end before Armox answered the submission of item "2": …` */
function forcedEndMessage(which: string, pending: string[], open: string[]): string {
  const before: string[] = [];
  if (pending.length > 0) before.push(`Armox answered the submission of ${which}`);
  if (open.length > 0)
    before.push(`${open.length === 1 ? `job ${open[0]} was` : `jobs ${open.join(', ')} were`} cancelled`);
  if (before.length === 0) return 'The workflow was cancelled.';
  const them = pending.length + open.length === 1 ? 'it' : 'them';
  const finding = pending.length > 0 ? ' (finding the submitted job among the recent jobs)' : '';
  return (
    `The workflow was cancelled, and the step had to end before ${before.join(' and before ')}: ` +
    `the post step cancels ${them}${finding}, so that nothing keeps spending credits.`
  );
}

/** How a failed step is headlined: what happened to its run, or the kind of error. */
function failureOutcome(record: StepRecord, error: unknown): Outcome {
  if (error instanceof CancelledError || record.outcome === 'cancelled') return 'cancelled';
  const single = record.single?.outcome;
  if (!record.perItem && (single === 'failed' || single === 'cancelled' || single === 'timed-out')) return single;
  if (error instanceof TimeoutError) return 'timed-out';
  return record.perItem && record.runs.some((run) => run.jobId) ? 'failed' : 'error';
}

/** The job summary, when the runner gives a file for it (a failure is the sink's warning). */
async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown, true).write();
}

/** `@github/local-action` (npm run local-action) calls the entry's `run()`. */
export { mainStep as run };
