import { describe, expect, it } from 'vitest';
import { chargeFromJob, knownCharge } from '../../src/money/charge.js';
import { CostEstimate } from '../../src/money/estimate.js';
import { Ledger } from '../../src/money/ledger.js';
import { Naming } from '../../src/wording.js';
import { MemoryLogger } from '../helpers/memory-logger.js';

const what = (run: { name: string }) => `item "${run.name}"`;
const batch = new Naming(true);

describe('the refund rule and known charges', () => {
  it('a failed or reused job costs 0; an answer without a charge leaves the charge unknown', () => {
    expect(chargeFromJob({ status: 'failed', credits_charged: 400 }, false)).toBe(0);
    expect(chargeFromJob({ status: 'completed', credits_charged: 400 }, true)).toBe(0);
    expect(chargeFromJob({ status: 'processing' }, false)).toBeUndefined();
    expect(chargeFromJob({ status: 'processing', credits_charged: 0 }, false)).toBe(0);
  });

  it.each([
    [{ name: '1', jobId: 'j', status: 'processing', creditsCharged: 0 }, undefined],
    [{ name: '1', jobId: 'j', status: 'processing' }, undefined],
    [{ name: '1', jobId: 'j', status: 'completed' }, undefined],
    [{ name: '1', jobId: 'j', status: 'completed', creditsCharged: 0 }, 0],
    [{ name: '1', jobId: 'j', status: 'processing', creditsCharged: 400 }, 400],
    [{ name: '1', jobId: 'j', status: 'failed', creditsCharged: 400 }, 0],
    [{ name: '1', outcome: 'skipped' }, 0],
    [{ name: '1', outcome: 'error' }, 0],
  ])('%o: %s', (run, charge) => {
    expect(knownCharge(run)).toBe(charge);
  });
});

describe('Ledger', () => {
  it('counts an accepted job whose charge is not shown at the estimate, until it is', () => {
    const log = new MemoryLogger();
    const ledger = new Ledger(new CostEstimate(log, 400, 'the price of model "k"', true, 400), log, {
      maxCredits: 500,
    });
    const run = {
      name: '1',
      jobId: 'j',
      status: 'processing' as string,
      creditsCharged: undefined as number | undefined,
    };
    ledger.track([run, { name: '2' }]);
    expect(ledger.spent()).toBe(0);
    expect(ledger.refusal(what)).toMatch(/counting 400 for item "1", whose charge is not known yet/);
    expect(ledger.awaitingCharges()).toBe(true);
    Object.assign(run, { status: 'completed', creditsCharged: 0 });
    ledger.review(batch);
    expect(ledger.refusal(what)).toBeUndefined();
    expect(ledger.awaitingCharges()).toBe(false);
  });

  it('a charge-free step (a rehearsal) is never refused', () => {
    const log = new MemoryLogger();
    const ledger = new Ledger(new CostEstimate(log, 400, 'x'), log, { maxCredits: 10, chargeFree: true });
    ledger.track([{ name: '1', jobId: 'j', status: 'processing' }]);
    expect(ledger.refusal(what)).toBeUndefined();
    expect(ledger.forecast(5)).toEqual({ fits: 5 });
  });
});
