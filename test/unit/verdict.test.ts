import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../src/execute/verdict.js';
import type { RunRecord } from '../../src/report/record.js';

/** The verdict reads only these fields of a record. */
function record(fields: Partial<Pick<RunRecord, 'name' | 'outcome' | 'errorMessage' | 'jobId'>>): RunRecord {
  return { name: 'run', ...fields } as RunRecord;
}

describe('the verdict is derived from the records alone', () => {
  it('is no error when every run completed or was left running on purpose', () => {
    const records = [
      record({ outcome: 'completed' }),
      record({ outcome: 'submitted' }),
      record({ outcome: 'running' }),
    ];
    expect(verdictOf(records, true)).toEqual({});
  });

  it('lists every batch item that did not complete, with why', () => {
    const records = [
      record({ name: 'a', outcome: 'completed' }),
      record({ name: 'b', outcome: 'failed', errorMessage: 'bad image' }),
      record({ name: 'c', outcome: 'skipped' }),
    ];
    expect(verdictOf(records, true).error!.message).toBe(
      '2 of 3 runs did not complete:\n- b: failed (bad image)\n- c: skipped',
    );
  });

  it("is a single run's own error, with the next step for a failed or cancelled job", () => {
    const failed = verdictOf([record({ outcome: 'failed', jobId: 'j1' })], false);
    expect(failed.error!.message).toBe('Job j1 failed (the API gave no reason).');
    expect(failed.nextStep).toMatch(/refunded/);
    const cancelled = verdictOf([record({ outcome: 'cancelled', jobId: 'j2', errorMessage: 'by hand' })], false);
    expect(cancelled.error!.message).toBe('Job j2 was cancelled: by hand.');
    expect(verdictOf([record({ outcome: 'error', errorMessage: 'refused' })], false)).toEqual({
      error: expect.objectContaining({ message: 'refused' }),
    });
  });
});
