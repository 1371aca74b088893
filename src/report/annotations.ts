/**
 * Problems found in `inputs-file` and `batch-file`, shown by GitHub on the file
 * itself (in the log, and on the pull request's diff): `::error file=…,line=…::`.
 */
import * as core from '@actions/core';
import { InputError } from '../core/errors.js';
import { redactSecrets } from '../core/log.js';

/** One annotation for each problem of the error that points into a file the workflow names. */
export function annotateFileProblems(error: unknown, secrets: string[]): void {
  if (!(error instanceof InputError)) return;
  for (const problem of error.fileProblems) {
    core.error(redactSecrets(problem.message, secrets), {
      title: 'Armox action input',
      file: problem.file,
      ...(problem.line === undefined ? {} : { startLine: problem.line }),
    });
  }
}
