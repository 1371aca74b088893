import type { PlannedRun } from '../execute/carry-out.js';
import type { RunContext } from '../core/run-context.js';
import type { RunTarget } from '../target/target.js';

/** `dry-run`: what would be sent, the contract and a ready-to-paste `inputs:` block; nothing submitted. */
export function reportDryRun(target: RunTarget, runs: PlannedRun[], context: RunContext): void {
  const { log, record } = context;
  const requests = runs.map((run) => ({ name: run.record.name, body: run.request!.body }));
  record.outcome = 'dry-run';
  record.dryRun = { requests, skeleton: target.inputsSkeleton(), contract: target.contractTable() };
  const runsText = runs.length > 1 ? `all ${runs.length} runs match` : 'the inputs match';
  log.info(`Dry run: ${runsText} the contract of ${target.title}. Nothing was submitted and no credits were spent.`);
  for (const request of requests) {
    const label = runs.length > 1 ? ` for ${request.name}` : '';
    log.info(`Request that would be sent${label} (${target.submitCall}):\n${JSON.stringify(request.body, null, 2)}`);
  }
  log.info(record.dryRun.contract);
  log.info(`Ready-to-paste inputs:\n${record.dryRun.skeleton}`);
}
