import { renderSummary } from '../report/summary.js';
import type { StepSink } from './sink.js';

/** The job summary (GITHUB_STEP_SUMMARY), rendered from the redacted record. */
export const summarySink: StepSink = {
  name: 'the job summary',
  // Redacted before rendering: markdown escaping would hide the key from the runner's masking.
  deliver: (step, context) => context.writeSummary(renderSummary(step.snapshot())),
};
