import { errorMessage } from '../core/errors.js';
import { redactDeep } from '../core/log.js';
import type { StepRecord } from '../report/record.js';
import type { StepDelivery, StepSinkContext } from './sink.js';
import { stepSinks } from './sinks.js';

/**
 * What the step leaves behind, whatever happened: every per-step sink in turn
 * (the manifest, its checksums, the job summary, the pull-request comment).
 * Each is best effort: its failure is a warning, never a lost result, and does
 * not hold back the sinks after it.
 */
export async function deliverStep(record: StepRecord, context: StepSinkContext): Promise<void> {
  const step: StepDelivery = {
    record,
    // Taken afresh for each sink: the summary names the manifest written before it.
    snapshot: () => redactDeep(record.snapshot(), context.secrets),
  };
  for (const sink of stepSinks()) {
    try {
      await sink.deliver(step, context);
    } catch (error) {
      context.log.warning(`Could not write ${sink.name}: ${errorMessage(error)}`);
    }
  }
}
