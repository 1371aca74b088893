import * as core from '@actions/core';
import { ArmoxClient } from './armox/client.js';
import { isTerminal, type Job } from './armox/types.js';
import { errorMessage } from './core/errors.js';
import { redactingLogger, registerSecrets, type Logger } from './core/log.js';
import { readPostState, type PendingSubmission } from './core/post-state.js';
import { readSecrets, secretValues } from './config/secrets.js';
import { Deadline, sleep } from './core/timing.js';
import { pickSubmittedJob, submittedTarget } from './execute/submit.js';

/** The whole post step stays well inside the runner's patience. */
const POST_STEP_MS = 10_000;

/**
 * The post step (`runs.post`, which the runner runs even when the job failed or
 * was cancelled): cancels the jobs the main step started and never finished
 * with, because it was killed or its runner lost, and the jobs of submissions
 * it sent and never had answered (it had to end first). When the main step was
 * done with every job, it does nothing and sends no request. It never fails the job.
 */
export async function postStep(env: Record<string, string | undefined>, log: Logger): Promise<void> {
  const secrets = readSecrets((name) => core.getInput(name), env);
  for (const secret of secretValues(secrets)) core.setSecret(secret);
  registerSecrets(secretValues(secrets));
  const safeLog = redactingLogger(log, secretValues(secrets));
  try {
    const { openJobs: open, pendingSubmissions: pending, apiUrl } = readPostState(env);
    if ((open.length === 0 && pending.length === 0) || !apiUrl || !secrets.apiKey) return;
    const client = new ArmoxClient({
      apiUrl,
      apiKey: secrets.apiKey,
      log: safeLog,
      readAttempts: 2,
      retryBaseMs: 500,
      rateLimitWaits: 1,
    });
    const cleanup: Cleanup = { client, log: safeLog, deadline: Deadline.after(POST_STEP_MS) };
    await Promise.all([cancelOpenJobs(open, cleanup), cancelSubmitted(pending, open, cleanup)]);
  } catch (error) {
    safeLog.warning(`The clean-up step could not run: ${errorMessage(error)}`);
  }
}

interface Cleanup {
  client: ArmoxClient;
  log: Logger;
  deadline: Deadline;
}

async function cancelOpenJobs(open: string[], cleanup: Cleanup): Promise<void> {
  if (open.length === 0) return;
  cleanup.log.info(
    `The main step ended without finishing with ${open.length === 1 ? `job ${open[0]}` : `jobs ${open.join(', ')}`} ` +
      '(it was killed or its runner was lost): cancelling so nothing keeps spending credits.',
  );
  await Promise.all(open.map((id) => cancelJob(id, cleanup)));
}

/** A submission's job may be created after its answer was given up on: looked for this many times, this far apart. */
const LOOKS = 3;
const LOOK_AGAIN_MS = 2_500;

/**
 * Submissions the main step sent and never had answered (it was cancelled or
 * killed first) may have jobs it never knew. The recent jobs are searched for
 * each, by the rules the main step follows for a lost answer, and its job is
 * cancelled unless it has ended. A job Armox creates late is looked for again,
 * a few times; several equally likely jobs are not guessed between.
 */
async function cancelSubmitted(pending: PendingSubmission[], open: string[], cleanup: Cleanup): Promise<void> {
  const { client, log, deadline } = cleanup;
  if (pending.length === 0) return;
  const which = pending.map((submission) => submission.what).join(', ');
  log.info(
    `The main step ended while the submission of ${which} awaited Armox's answer (it was cancelled, killed or out of time): ` +
      'looking for its job among the recent jobs, to cancel it so nothing keeps spending credits.',
  );
  // A job already claimed (the main step's, or found here for another submission) is not this one's.
  const claimed = new Set(open);
  // Several possible jobs will not become one by waiting; a job not listed yet may be.
  const ambiguous: Array<{ submission: PendingSubmission; possible: Job[] }> = [];
  let unlisted = pending;
  for (let look = 1; unlisted.length > 0; look++) {
    let jobs: Job[];
    try {
      jobs = await client.listJobs(deadline);
    } catch (error) {
      log.warning(`Could not list the recent jobs: ${errorMessage(error)} ${checkJobsHint(unlisted)}`);
      return;
    }
    const stillUnlisted: PendingSubmission[] = [];
    for (const submission of unlisted) {
      const known = [...submission.known, ...claimed];
      const target = submittedTarget(submission.target);
      const { found, possible } = target
        ? pickSubmittedJob(jobs, { ...submission, known }, target, log)
        : { possible: [] };
      if (!found) {
        if (possible.length > 0) ambiguous.push({ submission, possible });
        else stillUnlisted.push(submission);
        continue;
      }
      claimed.add(found.id);
      if (isTerminal(found.status)) log.info(`Job ${found.id} of ${submission.what} is already ${found.status}.`);
      else await cancelJob(found.id, cleanup, ` of ${submission.what}`);
    }
    unlisted = stillUnlisted;
    if (unlisted.length === 0 || look === LOOKS || deadline.remaining() < 2 * LOOK_AGAIN_MS) break;
    const names = unlisted.map((submission) => submission.what).join(', ');
    log.info(`No job of ${names} listed yet: looking again in ${LOOK_AGAIN_MS / 1000}s.`);
    await sleep(LOOK_AGAIN_MS);
  }
  for (const { submission, possible } of ambiguous) {
    const jobs = possible.map((job) => `${job.id} (${job.status})`).join(', ');
    log.warning(
      `No job of ${submission.what} was found among the recent jobs: it may be any of ${jobs}, so none was cancelled. ` +
        checkJobsHint([submission]),
    );
  }
  for (const submission of unlisted) {
    log.warning(
      `No job of ${submission.what} was found among the recent jobs: Armox did not take it, or has not listed it yet. ` +
        checkJobsHint([submission]),
    );
  }
}

async function cancelJob(id: string, { client, log, deadline }: Cleanup, of = ''): Promise<void> {
  try {
    const { status } = await client.cancelJob(id, deadline);
    log.info(`Cancelled job ${id}${of} (${status}).`);
  } catch (error) {
    log.warning(`Could not cancel job ${id}${of}: ${errorMessage(error)} Check it with GET /api/v1/jobs/${id}.`);
  }
}

function checkJobsHint(pending: PendingSubmission[]): string {
  const sent = pending.map((submission) => new Date(submission.sentAt).toISOString()).join(', ');
  return `Check the recent jobs of this key (GET /api/v1/jobs) for one submitted at ${sent}, and cancel it if it is running.`;
}
