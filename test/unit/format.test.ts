import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, parseDuration } from '../../src/core/format.js';

describe('parseDuration', () => {
  it.each([
    ['900', 900_000],
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1h2m3s', 3_723_000],
    ['250ms', 250],
    ['1.5s', 1_500],
    [' 2M ', 120_000],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', 'ten minutes', '10 minutes', '-5m', '5x', 'm', '1m1h', '1.2.3', 'Infinity', '1e3'])(
    'refuses %j',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [950, '950ms'],
    [1_000, '1s'],
    [95_000, '1m35s'],
    [3_600_000, '1h'],
    [5_430_000, '1h30m30s'],
  ])('formats %d as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512 B'],
    [2_500_000, '2.4 MiB'],
    [3 * 1024 ** 3, '3.0 GiB'],
  ])('formats %d as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
