import * as core from '@actions/core';
import { ArmoxClient } from './armox/client.js';
import { errorMessage } from './core/errors.js';
import { redactingLogger, type Logger } from './core/log.js';
import { State } from './config/names.js';
import { readSecrets, secretValues } from './config/secrets.js';
import { Deadline } from './core/timing.js';

/** The whole post step stays well inside the runner's patience. */
const POST_STEP_MS = 10_000;

/**
 * The post step (`runs.post`, which the runner runs even when the job failed or
 * was cancelled): cancels the jobs the main step started and never finished
 * with, because it was killed or its runner lost. When the main step was done
 * with every job, it does nothing and sends no request. It never fails the job.
 */
export async function postStep(env: Record<string, string | undefined>, log: Logger): Promise<void> {
  const secrets = readSecrets((name) => core.getInput(name), env);
  for (const secret of secretValues(secrets)) core.setSecret(secret);
  const safeLog = redactingLogger(log, secretValues(secrets));
  try {
    const open = parseIds(env[`STATE_${State.OpenJobs}`]);
    const apiUrl = env[`STATE_${State.ApiUrl}`];
    if (open.length === 0 || !apiUrl || !secrets.apiKey) return;
    safeLog.info(
      `The main step ended without finishing with ${open.length === 1 ? `job ${open[0]}` : `jobs ${open.join(', ')}`} ` +
        '(it was killed or its runner was lost): cancelling so nothing keeps spending credits.',
    );
    const client = new ArmoxClient({
      apiUrl,
      apiKey: secrets.apiKey,
      log: safeLog,
      readAttempts: 2,
      retryBaseMs: 500,
      rateLimitWaits: 1,
    });
    const deadline = Deadline.after(POST_STEP_MS);
    await Promise.all(
      open.map(async (id) => {
        try {
          const { status } = await client.cancelJob(id, deadline);
          safeLog.info(`Cancelled job ${id} (${status}).`);
        } catch (error) {
          safeLog.warning(`Could not cancel job ${id}: ${errorMessage(error)} Check it with GET /api/v1/jobs/${id}.`);
        }
      }),
    );
  } catch (error) {
    safeLog.warning(`The clean-up step could not run: ${errorMessage(error)}`);
  }
}

function parseIds(text: string | undefined): string[] {
  if (!text) return [];
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string' && id !== '') : [];
  } catch {
    return [];
  }
}
