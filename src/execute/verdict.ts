import { ActionError } from '../core/errors.js';
import { plural } from '../core/format.js';
import type { RunRecord } from '../report/record.js';

/** The step's verdict on its runs: the error it ends with (none when all went well), and what to do next. */
export interface Verdict {
  error?: ActionError;
  nextStep?: string;
}

/**
 * Derived from the records alone, after waiting: every run completed (or was
 * left running on purpose), or the error that names what did not. A batch
 * lists its items; a single run's error is its own.
 */
export function verdictOf(records: RunRecord[], perItem: boolean): Verdict {
  const unfinished = records.filter((r) => !['completed', 'submitted', 'running'].includes(r.outcome ?? ''));
  if (unfinished.length === 0) return {};
  if (perItem) {
    return {
      error: new ActionError(
        `${unfinished.length} of ${plural(records.length, 'run')} did not complete:\n` +
          unfinished.map((r) => `- ${r.name}: ${r.outcome}${r.errorMessage ? ` (${r.errorMessage})` : ''}`).join('\n'),
      ),
    };
  }
  return singleVerdict(records[0]!);
}

function singleVerdict(record: RunRecord): Verdict {
  const reason = record.errorMessage ? `: ${record.errorMessage}` : '';
  if (record.outcome === 'error') return { error: new ActionError(record.errorMessage!) };
  if (record.outcome === 'skipped')
    return { error: new ActionError(record.errorMessage ?? 'The run was not submitted.') };
  if (record.outcome === 'cancelled') {
    return {
      error: new ActionError(`Job ${record.jobId} was cancelled${reason}.`),
      nextStep:
        'The job was cancelled outside this workflow (by a person or another client). Run again if that was a mistake.',
    };
  }
  return {
    error: new ActionError(`Job ${record.jobId} failed${reason || ' (the API gave no reason)'}.`),
    nextStep: 'Credits of a failed job are refunded. Check the inputs (image URLs must be public) and run again.',
  };
}
