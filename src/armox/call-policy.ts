import type { Deadline } from '../core/timing.js';

/** How each kind of API call is treated: retried or sent once, abandoned on cancellation or not. */
export interface CallOptions {
  deadline: Deadline;
  /** Safe to send again when the outcome is unknown (reads, cancel). Never true for a run submission. */
  retryable: boolean;
  /** Abandon the call when the workflow is cancelled. Off for the submission (its outcome must be known) and for cancel itself. */
  abortable: boolean;
  /**
   * Stop waiting between attempts (rate-limit pauses, 429s) when the workflow is
   * cancelled. True for the submission too: nothing was accepted while it waits.
   */
  abortWaits: boolean;
  /**
   * Each attempt may take at most this share of the time left, so that an
   * attempt that hangs leaves time to send the call again (clean-up calls
   * have seconds, less than one request's usual time limit).
   */
  attemptShare?: number;
}

type CallPolicy = Omit<CallOptions, 'deadline'>;
/** Reads: retried, and abandoned when the workflow is cancelled. */
export const READ: CallPolicy = { retryable: true, abortable: true, abortWaits: true };
/** The paid submission: sent once, never abandoned mid-flight, but not sent at all if cancelled while waiting. */
export const SUBMIT: CallPolicy = { retryable: false, abortable: false, abortWaits: true };
/**
 * Clean-up: cancelling a job (idempotent), and finding the job of a submission
 * whose answer was lost. They are what runs after the workflow is cancelled.
 */
export const CLEANUP: CallPolicy = { retryable: true, abortable: false, abortWaits: false, attemptShare: 0.5 };
