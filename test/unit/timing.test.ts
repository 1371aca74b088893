import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/core/errors.js';
import { backoffDelay, Deadline, parseRateLimitReset, parseRetryAfter, sleep } from '../../src/core/timing.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('60', now)).toBe(60_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 12:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 11:00:00 GMT', now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('parseRateLimitReset', () => {
  it('reads unix seconds and relative seconds', () => {
    const now = 1_800_000_000_000;
    expect(parseRateLimitReset('1800000030', now)).toBe(30_000);
    expect(parseRateLimitReset('12', now)).toBe(12_000);
    expect(parseRateLimitReset('x', now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('doubles, caps and jitters', () => {
    expect(backoffDelay(0, 1000, 30_000, () => 0)).toBe(500);
    expect(backoffDelay(0, 1000, 30_000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, 30_000, () => 0.5)).toBe(6000);
    expect(backoffDelay(10, 1000, 30_000, () => 1)).toBe(30_000);
    const spread = new Set(Array.from({ length: 20 }, () => backoffDelay(2, 1000, 30_000)));
    expect(spread.size).toBeGreaterThan(1);
  });
});

describe('Deadline and sleep', () => {
  it('counts down with the injected clock', () => {
    let t = 1000;
    const deadline = Deadline.after(500, () => t);
    expect(deadline.remaining()).toBe(500);
    t = 1600;
    expect(deadline.remaining()).toBe(0);
    expect(deadline.expired).toBe(true);
  });

  it('rejects a sleep when the signal aborts', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
  });
});
