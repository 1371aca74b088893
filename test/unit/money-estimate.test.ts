import { describe, expect, it } from 'vitest';
import { CostEstimate } from '../../src/money/estimate.js';
import { MemoryLogger } from '../helpers/memory-logger.js';

describe('CostEstimate', () => {
  it('an estimate from recent runs follows what this step was actually charged, and says so', () => {
    const log = new MemoryLogger();
    const cost = new CostEstimate(log, 40, 'estimated from 2 recent runs');
    expect(cost.check(50, 80)).toMatch(/the next run would cost 40 \(estimated from 2 recent runs\)/);
    cost.learn(25);
    expect(log.lines).toEqual([
      'max-credits: estimating 25 credits a run from now on, the most a run of this step was charged (instead of 40, estimated from 2 recent runs).',
    ]);
    expect(cost.check(50, 80)).toBeUndefined(); // 50 + 25 ≤ 80
    cost.learn(20); // lower than a charge already seen: the highest stays
    cost.learn(30);
    expect(log.lines.at(-1)).toBe(
      'max-credits: estimating 30 credits a run from now on, the most a run of this step was charged (up from 25).',
    );
    expect(cost.check(51, 80)).toMatch(/would cost 30 \(the most a run of this step was charged\)/);
  });

  it('a known price is never lowered by a charge, only raised', () => {
    const log = new MemoryLogger();
    const cost = new CostEstimate(log, 70, 'the price of model "x"', true, 70);
    cost.learn(50);
    expect(cost.check(70, 140)).toBeUndefined();
    expect(cost.check(71, 140)).toMatch(/would cost 70 \(the price of model "x"\)/);
    cost.learn(80);
    expect(cost.check(61, 140)).toMatch(/would cost 80 \(the most a run of this step was charged\)/);
  });

  it('says nothing without max-credits', () => {
    const log = new MemoryLogger();
    const cost = new CostEstimate(log, undefined, undefined, false);
    cost.learn(25);
    cost.learn(30);
    expect(log.lines).toEqual([]);
  });

  it('a run whose outcome is unknown counts as the estimate: it may have been charged', () => {
    const cost = new CostEstimate(new MemoryLogger(), 70, 'the price of model "x"', true, 70);
    expect(cost.check(0, 140, ['item "1"'])).toBeUndefined(); // 0 + 70 (unknown) + 70 ≤ 140
    expect(cost.check(70, 140, ['item "1"'])).toBe(
      'max-credits is 140: 140 credits spent so far (counting 70 for item "1", whose outcome is unknown), ' +
        'and the next run would cost 70 (the price of model "x"), which could cross it.',
    );
  });

  it('with no estimate at all, a run whose outcome is unknown stops the submissions', () => {
    const cost = new CostEstimate(new MemoryLogger());
    expect(cost.check(0, 500)).toBeUndefined();
    expect(cost.check(0, 500, ['item "1"', 'item "2"'])).toBe(
      'max-credits (500) cannot be kept: item "1", item "2", whose outcomes are unknown, may have been charged, and no run\'s cost is known yet.',
    );
  });
});
