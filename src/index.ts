import * as core from '@actions/core';
import { errorMessage } from './core/errors.js';
import { redactSecrets } from './core/log.js';
import { actionSecrets, coreLogger, mainStep } from './main.js';
import { State } from './config/names.js';
import { postStep } from './post.js';

/** Anything that escapes the main step still fails the step, with a message and no stack in the log (nor a secret). */
function fail(error: unknown): void {
  const secrets = actionSecrets();
  core.setFailed(redactSecrets(`Unexpected error: ${errorMessage(error)}`, secrets));
  if (error instanceof Error && error.stack) core.debug(redactSecrets(error.stack, secrets));
}

// The main step leaves this state for its post step (as actions/checkout does): its presence means "post".
const isPost = process.env[`STATE_${State.IsPost}`] === 'true';

if (isPost) {
  // The post step never fails the job on its own.
  postStep(process.env, coreLogger)
    .catch((error: unknown) => core.warning(`The clean-up step failed: ${errorMessage(error)}`))
    .finally(() => process.exit(0));
} else {
  process.on('unhandledRejection', fail);
  // An exception thrown outside any promise (a library's event handler): fail the step the same way, then stop.
  process.on('uncaughtException', (error) => {
    fail(error);
    process.exit();
  });
  mainStep()
    .catch(fail)
    // Exit explicitly: a server that never closes a connection must not keep the step alive.
    .finally(() => process.exit());
}
