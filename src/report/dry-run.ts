import { ActionError } from '../core/errors.js';
import { plural } from '../core/format.js';
import type { Ledger } from '../money/ledger.js';
import type { RunContext } from '../run.js';
import type { RunRecord } from './record.js';
import type { RunTarget } from '../kinds/target.js';

/** What the dry run reads of a planned run (the executor's `PlannedRun` is one): the report does not look up to `execute/`. */
export interface DryRunItem {
  record: RunRecord;
  /** What would be sent; undefined for a run that reuses a job. */
  request?: { body: unknown };
  /** The earlier job a run reuses: it is not submitted. */
  job?: unknown;
}

/**
 * `dry-run`: what would be sent, the contract and a ready-to-paste `inputs:`
 * block; nothing submitted. When `max-credits` would refuse a run, the dry run
 * says so and fails as the real run would, before anything is charged.
 */
export function reportDryRun(target: RunTarget, runs: DryRunItem[], context: RunContext, ledger: Ledger): void {
  const { log, record } = context;
  const requests = runs.map((run) => ({ name: run.record.name, body: run.request!.body }));
  const shown = { requests, skeleton: target.inputsSkeleton(), contract: target.contractTable() };
  record.dryRunShown(shown);
  const { naming } = record;
  log.info(
    `Dry run: ${naming.runsMatch(runs.length)} the contract of ${target.title}. Nothing was submitted and no credits were spent.`,
  );
  for (const request of requests) {
    log.info(
      `Request that would be sent${naming.forRequest(request.name)} (${target.submitCall}):\n${JSON.stringify(request.body, null, 2)}`,
    );
  }
  log.info(shown.contract);
  log.info(`Ready-to-paste inputs:\n${shown.skeleton}`);
  const refused = capRefusal(runs, ledger, context);
  if (refused) throw refused;
}

/**
 * A step whose inputs were refused (a dry run or a real one) still gives what
 * a dry run is for: the contract and a ready-to-paste `inputs:` block, which
 * the summary ends with. The refusal follows it in the log.
 */
export function reportRefusedDryRun(target: RunTarget, context: RunContext): void {
  const { log, record } = context;
  const skeleton = target.inputsSkeleton();
  record.contractShown({ requests: [], skeleton, contract: target.contractTable() });
  log.info(`Ready-to-paste inputs (fill in what the problems below name):\n${skeleton}`);
}

/**
 * What max-credits would do with the runs that would be submitted (a reused one
 * costs nothing), told as the real run tells it: a single run refused, or a
 * batch's remaining items skipped. Undefined when every run fits.
 */
function capRefusal(runs: DryRunItem[], ledger: Ledger, context: RunContext): ActionError | undefined {
  const toSubmit = runs.filter((run) => !run.job);
  const { fits, reason } = ledger.forecast(toSubmit.length);
  if (!reason) return undefined;
  if (!context.record.perItem) return new ActionError(`${reason} Nothing was submitted and no credits were spent.`);
  const skipped = toSubmit.slice(fits);
  context.log.warning(`The real run would not submit the ${plural(skipped.length, 'remaining run')}: ${reason}`);
  for (const run of skipped) run.record.ended('skipped', `not submitted: ${reason}`);
  return new ActionError(
    `${skipped.length} of ${plural(runs.length, 'run')} would not be submitted:\n` +
      skipped.map((run) => `- ${run.record.name}: skipped (not submitted: ${reason})`).join('\n'),
  );
}
