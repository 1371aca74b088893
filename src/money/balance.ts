import { ActionError, errorMessage } from '../core/errors.js';
import { plural } from '../core/format.js';
import { CLEANUP_MS } from '../core/run-context.js';
import type { RunContext } from '../run.js';
import { isObject } from '../core/text.js';
import { Deadline } from '../core/timing.js';
import type { RunRecord } from '../report/record.js';
import type { Ledger } from './ledger.js';

/** The balance as read (`GET /account`), or why it could not be. */
export type BalanceRead = { credits: number } | { problem: string };

/**
 * Starts reading the balance now, so that the request overlaps the step's
 * other reads before paying (the contract, the recent jobs) instead of adding
 * a round trip; nothing is said until `checkBalance` uses it. Undefined for a
 * charge-free step (a rehearsal), which is not checked.
 */
export function prefetchBalance(
  rehearsal: boolean,
  deadline: Deadline,
  context: RunContext,
): Promise<BalanceRead> | undefined {
  return rehearsal ? undefined : readBalance(context, deadline);
}

/**
 * Before paying: the balance (`GET /account`) must cover what the runs about
 * to be submitted are estimated to cost (as many as max-credits lets through),
 * since a batch that half-runs into a 402 is the worst outcome. A real run is
 * refused, naming the balance, the estimate and how many runs would fit; a dry
 * run warns the same (the balance may change before the real run). An
 * unreadable balance is warned about and the step goes on. A charge-free step
 * (rehearsal) is not checked.
 */
export async function checkBalance(
  ledger: Ledger,
  runs: RunRecord[],
  dryRun: boolean,
  read: Promise<BalanceRead> | undefined,
  context: RunContext,
): Promise<void> {
  if (!read || ledger.chargeFree || runs.length === 0) return;
  const answer = await read;
  if ('problem' in answer) {
    context.log.warning(`${unreadable(answer.problem)} Going on without checking that the runs fit it.`);
    return;
  }
  const before = answer.credits;
  context.record.balanceKnown({ before });
  const each = ledger.cost.each;
  const count = ledger.forecast(runs.length).fits;
  if (!each) {
    // An app's contract has no price: without max-credits (which reads its recent charges) it has no estimate.
    context.log.info(`Balance: ${before} credits (the runs' cost is not known before Armox charges them).`);
    return;
  }
  if (count === 0) return;
  const total = each.credits * count;
  if (total <= before) {
    context.log.info(`Balance: ${before} credits, enough for the estimated ${total} (${plural(count, 'run')}).`);
    return;
  }
  const fits = Math.floor(before / each.credits);
  const cost =
    count === 1
      ? `the run would cost ${each.credits} (${each.source})`
      : `the ${count} runs would cost an estimated ${total} (${each.credits} each, ${each.source}); ${fits === 0 ? 'none' : fits} would fit`;
  const reason = `The Armox balance is ${before} credits, and ${cost}.`;
  if (dryRun) {
    const warning = `${reason} The real run would submit nothing unless credits are added first.`;
    context.log.warning(warning);
    context.record.note(warning);
    return;
  }
  // Nothing is charged: the balance after is the one before.
  context.record.balanceKnown({ before, after: before, afterFrom: 'charges' });
  for (const run of runs) run.ended('skipped', `not submitted: ${reason}`);
  context.record.addNextStep('Add credits to the Armox account (or run fewer items), then run again.');
  throw new ActionError(`${reason} Nothing was submitted and no credits were spent.`);
}

/**
 * At the end: the balance after the step, read again; when that read fails,
 * the balance before minus what this step was charged (said in `afterFrom`).
 */
export async function settleBalance(context: RunContext): Promise<void> {
  const balance = context.record.balance;
  if (!balance) return;
  const read = context.signal.aborted ? undefined : await readBalance(context, Deadline.after(CLEANUP_MS));
  if (read && 'problem' in read) context.log.debug(unreadable(read.problem));
  context.record.balanceKnown(
    read && 'credits' in read
      ? { ...balance, after: read.credits, afterFrom: 'account' }
      : { ...balance, after: balance.before - (context.record.creditsCharged ?? 0), afterFrom: 'charges' },
  );
}

/** `credits` of `GET /account`, or why it could not be read; never throws. */
async function readBalance(context: RunContext, deadline: Deadline): Promise<BalanceRead> {
  try {
    const account = await context.client.getAccount(deadline);
    const credits = isObject(account) ? account.credits : undefined;
    if (typeof credits === 'number' && Number.isFinite(credits)) return { credits };
    return { problem: 'its answer has no "credits" number' };
  } catch (error) {
    return { problem: errorMessage(error) };
  }
}

function unreadable(problem: string): string {
  return `The Armox balance could not be read (GET /account): ${problem}`;
}
