import * as core from '@actions/core';
import { errorMessage } from './errors.js';
import { run } from './main.js';

/** Anything that escapes run() still fails the step, with a message and no stack in the log. */
function fail(error: unknown): void {
  core.setFailed(`Unexpected error: ${errorMessage(error)}`);
  if (error instanceof Error && error.stack) core.debug(error.stack);
}

process.on('unhandledRejection', fail);
run()
  .catch(fail)
  // Exit explicitly: a server that never closes a connection must not keep the step alive.
  .finally(() => process.exit());
