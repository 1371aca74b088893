import * as core from '@actions/core';
import { ArmoxClient } from './api-client.js';
import { readConfig } from './config.js';
import { CancelledError, errorMessage } from './errors.js';
import { redactDeep, redactingLogger, redactSecrets, type Logger } from './log.js';
import { newReport, Outputs } from './report.js';
import { runAction } from './run.js';
import { renderSummary } from './summary.js';
import { VERSION } from './version.js';

/** The workflow log, through @actions/core. */
const coreLogger: Logger = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  debug: (message) => core.debug(message),
  group: (title, fn) => core.group(title, fn),
};

/** After SIGINT the runner sends SIGTERM 7.5 s later; finish well before it. */
const EXIT_AFTER_SIGNAL_MS = 6_000;

/** The values no log line, output or summary may show: the API key and the GitHub token. */
export function actionSecrets(env: Record<string, string | undefined> = process.env): string[] {
  return [core.getInput('api-key') || env.ARMOX_API_KEY || '', core.getInput('github-token')]
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
}

/**
 * Reads the inputs, runs the action, and reports: outputs, job summary, and
 * one failure path (`core.setFailed` with a message; the stack only in debug).
 */
export async function run(env: Record<string, string | undefined> = process.env): Promise<void> {
  // The key is masked before anything else is printed.
  const secrets = actionSecrets(env);
  for (const secret of secrets) core.setSecret(secret);
  const log = redactingLogger(coreLogger, secrets);
  const report = newReport(Date.now());
  const outputs = new Outputs((name, value) => core.setOutput(name, redactSecrets(value, secrets)));
  const controller = new AbortController();
  const stopOnSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    log.info(`Received ${signal}: cancelling.`);
    controller.abort();
    setTimeout(() => process.exit(1), EXIT_AFTER_SIGNAL_MS).unref();
  };
  process.on('SIGINT', stopOnSignal);
  process.on('SIGTERM', stopOnSignal);

  try {
    const { config, warnings } = readConfig((name) => core.getInput(name), env);
    for (const warning of warnings) log.warning(warning);
    const client = new ArmoxClient({
      apiUrl: config.apiUrl,
      apiKey: config.apiKey,
      version: VERSION,
      log,
      signal: controller.signal,
    });
    await runAction(config, { client, log, outputs, report, signal: controller.signal });
  } catch (error) {
    const message = redactSecrets(errorMessage(error), secrets);
    if (!report.outcome || report.outcome === 'completed' || report.outcome === 'dry-run') {
      report.outcome = error instanceof CancelledError ? 'cancelled' : 'error';
    }
    if (!report.errorMessage) report.errorMessage = message;
    outputs.set('error-message', report.errorMessage);
    core.setFailed(message);
    if (error instanceof Error && error.stack) core.debug(redactSecrets(error.stack, secrets));
  } finally {
    report.finishedAt = Date.now();
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    // Redacted before rendering: markdown escaping would hide the key from the runner's masking.
    await writeSummary(renderSummary(redactDeep(report, secrets)), log);
  }
}

async function writeSummary(markdown: string, log: Logger): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(markdown, true).write();
  } catch (error) {
    log.warning(`Could not write the job summary: ${errorMessage(error)}`);
  }
}
