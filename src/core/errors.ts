/**
 * Errors the action reports to the user. Their messages are written for the
 * workflow log: they say what went wrong and how to fix it, and they are
 * printed without a stack trace (the stack goes to the debug log).
 */
export class ActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A problem in a file the workflow names, shown on the file's line (an annotation). */
export interface FileProblem {
  message: string;
  /** Relative to the workspace, `/`-separated. */
  file: string;
  line?: number;
}

/** Something the workflow author wrote is wrong; nothing was sent to Armox. */
export class InputError extends ActionError {
  constructor(
    message: string,
    /** The problems among them that are in `inputs-file` or `batch-file`, for annotations on the file. */
    readonly fileProblems: FileProblem[] = [],
  ) {
    super(message);
  }
}

/** An Armox API call failed (after any retries that were safe to make). */
export class ApiError extends ActionError {
  constructor(
    message: string,
    /** The call that failed, such as `GET /apps`. */
    readonly call: string,
    /** The HTTP status, when the server answered at all. */
    readonly status?: number,
    /** True when retrying the same request could succeed (5xx, reset, 429). */
    readonly transient = false,
  ) {
    super(message);
  }
}

/** The overall `timeout` ran out. */
export class TimeoutError extends ActionError {}

/** The timeout ran out before a request could be sent: nothing reached the API. */
export class NotSentError extends TimeoutError {}

/**
 * The timeout ran out while the job's files were being downloaded or attached
 * to a release. The message names the file or asset in flight.
 */
export class DeliveryTimeoutError extends TimeoutError {}

/** The workflow was cancelled (SIGINT/SIGTERM) while the action was running. */
export class CancelledError extends ActionError {}

/** Best-effort text of anything thrown, for the log. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
