import type { StepData } from './record.js';

/**
 * The banner a rehearsal's summary and pull-request comment open with (a
 * GitHub alert), or undefined for a real run. It names the borrowed jobs, so
 * no one takes their files for results of these inputs.
 */
export function rehearsalBanner(step: StepData): string | undefined {
  if (!step.rehearsal) return undefined;
  // Ids come from Armox: only their safe characters reach the markdown.
  const ids = [...new Set(step.runs.flatMap((run) => (run.borrowedFrom ? [run.borrowedFrom.jobId] : [])))].map(
    (id) => `\`${id.replace(/[^A-Za-z0-9_.-]/g, '?')}\``,
  );
  const source =
    ids.length === 0
      ? 'Earlier completed jobs of the same app or model stand in for the runs'
      : ids.length === 1
        ? `The results below are those of job ${ids[0]}, an earlier completed run of the same app or model`
        : `The results below are those of jobs ${ids.join(', ')}, earlier completed runs of the same app or model`;
  return (
    '> [!WARNING]\n' +
    `> **Rehearsal**: nothing was submitted and nothing was charged. ${source}, whose inputs may differ: ` +
    'they were not made for this run.'
  );
}
